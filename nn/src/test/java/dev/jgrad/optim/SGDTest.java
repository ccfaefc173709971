package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SGD against steps worked out by hand. */
class SGDTest {
    private static final float[] G1 = {0.5f, 1};
    private static final float[] G2 = {-1, 2};

    /** Two steps from p = [1, -2] with gradients G1 then G2. */
    private static float[] twoSteps(Optimizer opt, Tensor p) {
        p.setGrad(Tensor.tensor(G1));
        opt.step();
        p.setGrad(Tensor.tensor(G2));
        opt.step();
        return p.toFloatArray();
    }

    private static Tensor param() {
        return Tensor.tensor(new float[] {1, -2}).requiresGrad_();
    }

    @Test
    void plainStepIsParamMinusLrTimesGrad() {
        Tensor p = param();
        assertArrayEquals(
                new float[] {1 - 0.05f + 0.1f, -2 - 0.1f - 0.2f}, twoSteps(new SGD(List.of(p), 0.1), p), 1e-6f);
    }

    @Test
    void momentum() {
        // buf1 = g1 = [0.5, 1] -> p1 = [0.95, -2.1]
        // buf2 = 0.9·buf1 + g2 = [-0.55, 2.9] -> p2 = [1.005, -2.39]
        Tensor p = param();
        assertArrayEquals(new float[] {1.005f, -2.39f}, twoSteps(new SGD(List.of(p), 0.1, 0.9), p), 1e-6f);
    }

    @Test
    void dampeningScalesOnlyLaterGradients() {
        // buf1 = g1 (no dampening on the first step); buf2 = 0.9·g1 + 0.5·g2 = [-0.05, 1.9]
        Tensor p = param();
        SGD opt = new SGD(List.of(p), 0.1, 0.9, 0.5, 0, false);
        assertArrayEquals(new float[] {0.95f + 0.005f, -2.1f - 0.19f}, twoSteps(opt, p), 1e-6f);
    }

    @Test
    void nesterov() {
        // d1 = g1 + 0.9·g1 = [0.95, 1.9] -> p1 = [0.905, -2.19]
        // buf2 = [-0.55, 2.9]; d2 = g2 + 0.9·buf2 = [-1.495, 4.61] -> p2 = [1.0545, -2.651]
        Tensor p = param();
        SGD opt = new SGD(List.of(p), 0.1, 0.9, 0, 0, true);
        assertArrayEquals(new float[] {1.0545f, -2.651f}, twoSteps(opt, p), 1e-6f);
    }

    @Test
    void weightDecayAddsTheL2GradientBeforeMomentum() {
        // d1 = g1 + 0.1·p0 = [0.6, 0.8] -> buf1 = d1, p1 = [0.94, -2.08]
        // d2 = g2 + 0.1·p1 = [-0.906, 1.792]; buf2 = 0.9·buf1 + d2 = [-0.366, 2.512] -> p2 = [0.9766, -2.3312]
        Tensor p = param();
        SGD opt = new SGD(List.of(p), 0.1, 0.9, 0, 0.1, false);
        assertArrayEquals(new float[] {0.9766f, -2.3312f}, twoSteps(opt, p), 1e-6f);
        assertArrayEquals(
                new float[] {-0.366f, 2.512f},
                opt.state(p).get("momentum_buffer").toFloatArray(),
                1e-6f);
    }

    @Test
    void parametersWithoutGradientsAreSkippedAndKeepTheirIdentity() {
        Tensor a = param();
        Tensor b = param();
        Object storage = a.data().storage();
        SGD opt = new SGD(List.of(a, b), 0.5, 0.9);
        a.setGrad(Tensor.tensor(G1));
        opt.step();
        assertSame(storage, a.data().storage(), "updated in place");
        assertTrue(b.equal(param()));
        assertTrue(opt.state(b).isEmpty());
        opt.zeroGrad(false);
        assertTrue(a.grad().equal(Tensor.zeros(2)));
        opt.zeroGrad();
        assertNull(a.grad(), "PyTorch 2's default drops the gradient");
    }

    @Test
    void stepRecordsNoHistory() {
        Tensor p = param();
        SGD opt = new SGD(List.of(p), 0.1);
        p.mul(p).sum().backward();
        opt.step();
        assertTrue(p.isLeaf());
        assertNull(p.gradFn());
    }

    @Test
    void badHyperparametersFailWithPyTorchsMessages() {
        List<Tensor> ps = List.of(param());
        assertEquals(
                "Invalid learning rate: -0.1",
                assertThrows(IllegalArgumentException.class, () -> new SGD(ps, -0.1))
                        .getMessage());
        assertEquals(
                "Invalid momentum value: -0.5",
                assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1, -0.5))
                        .getMessage());
        assertEquals(
                "Invalid weight_decay value: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1, 0, 0, -1, false))
                        .getMessage());
        assertEquals(
                "Nesterov momentum requires a momentum and zero dampening",
                assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1, 0.9, 0.1, 0, true))
                        .getMessage());
        assertEquals(
                "optimizer got an empty parameter list",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.<Tensor>of(), 0.1))
                        .getMessage());
        Tensor p = param();
        assertEquals(
                "some parameters appear in more than one parameter group",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p, p), 0.1))
                        .getMessage());
    }

    @Test
    void groupsOverrideTheDefaults() {
        Tensor a = param();
        Tensor b = param();
        SGD opt = new SGD(
                List.of(ParamGroup.of(List.of(a)), ParamGroup.of(List.of(b)).set("lr", 1.0)), 0.1, 0, 0, 0, false);
        a.setGrad(Tensor.tensor(G1));
        b.setGrad(Tensor.tensor(G1));
        opt.step();
        assertArrayEquals(new float[] {0.95f, -2.1f}, a.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.5f, -3}, b.toFloatArray(), 1e-6f);
        assertEquals(
                "SGD (\nParameter Group 0\n    dampening: 0.0\n    lr: 0.1\n    momentum: 0.0\n"
                        + "    nesterov: False\n    weight_decay: 0.0\n\nParameter Group 1\n    dampening: 0.0\n    lr: 1.0\n"
                        + "    momentum: 0.0\n    nesterov: False\n    weight_decay: 0.0\n)",
                opt.toString());
    }
}
