package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.utils.ClipGrad;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipGradTest {
    private static Tensor withGrad(float... g) {
        Tensor p = Tensor.zeros(g.length).requiresGrad_();
        p.setGrad(Tensor.tensor(g));
        return p;
    }

    @Test
    void scalesAllGradientsByOneFactor() {
        Tensor a = withGrad(3, 0);
        Tensor b = withGrad(0, 4);
        Tensor total = ClipGrad.clipGradNorm_(List.of(a, b), 1.0);
        assertEquals(5.0, total.item(), 1e-6);
        double coef = 1.0 / (5 + 1e-6);
        assertArrayEquals(new float[] {(float) (3 * coef), 0}, a.grad().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, (float) (4 * coef)}, b.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void smallGradientsAreLeftAsTheyAre() {
        Tensor a = withGrad(0.3f, 0.4f);
        assertEquals(0.5, ClipGrad.clipGradNorm_(List.of(a), 1.0).item(), 1e-6);
        assertArrayEquals(new float[] {0.3f, 0.4f}, a.grad().toFloatArray());
    }

    @Test
    void otherNorms() {
        Tensor a = withGrad(-6, 2);
        Tensor b = withGrad(1);
        assertEquals(
                6.0,
                ClipGrad.clipGradNorm_(List.of(a, b), 3.0, Double.POSITIVE_INFINITY)
                        .item(),
                1e-6);
        assertArrayEquals(new float[] {-3, 1}, a.grad().toFloatArray(), 1e-5f);
        Tensor c = withGrad(1, -1, 2);
        assertEquals(4.0, ClipGrad.clipGradNorm_(List.of(c), 100, 1).item(), 1e-6);
    }

    @Test
    void nonFiniteNormsCanFail() {
        Tensor a = withGrad(Float.NaN, 1);
        assertThrows(IllegalStateException.class, () -> ClipGrad.clipGradNorm_(List.of(a), 1.0, 2.0, true));
    }

    @Test
    void clipByValue() {
        Tensor a = withGrad(-3, 0.5f, 7);
        ClipGrad.clipGradValue_(List.of(a), 1);
        assertArrayEquals(new float[] {-1, 0.5f, 1}, a.grad().toFloatArray());
    }
}
