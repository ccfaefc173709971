package dev.jgrad.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The baselines jgrad is compared with must themselves be right, and the checks must bite. */
class ScalarLoopsTest {
    @Test
    void matmulOnOddShapesMatchesFloat64() {
        int m = 7;
        int k = 13;
        int n = 5;
        float[] a = Inputs.uniform(1, m * k, -1f, 1f);
        float[] b = Inputs.uniform(2, k * n, -1f, 1f);
        float[] c = ScalarLoops.matmul(a, b, m, k, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(ScalarLoops.matmulEntry(a, b, k, n, i, j), c[i * n + j], 1e-5);
            }
        }
        MatmulCheck.require("odd", a, b, m, k, n, c, c.clone());
        float[] wrong = c.clone();
        wrong[m * n - 1] += 0.1f;
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> MatmulCheck.require("odd", a, b, m, k, n, wrong, c));
        assertTrue(e.getMessage().contains("element " + (m * n - 1)), e.getMessage());
    }

    @Test
    void transposeIsRowMajor() {
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, Inputs.transpose(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    }

    @Test
    void reductions() {
        float[] x = {1, 5, -2, 5, 3, 0};
        assertEquals(12f, ScalarLoops.sum(x));
        assertEquals(5f, ScalarLoops.max(x));
        assertEquals(1, ScalarLoops.argmax(x));
        assertArrayEquals(new float[] {6, 8, -2}, ScalarLoops.sumDim0(x, 2, 3));
        assertArrayEquals(new float[] {4, 8}, ScalarLoops.sumDim1(x, 2, 3));
        assertEquals(Float.NaN, ScalarLoops.max(new float[] {1, Float.NaN, 2}));
    }

    @Test
    void elementwise() {
        float[] a = {1, -2, 3, -4};
        float[] b = {0.5f, 0.5f, 1, 1};
        assertArrayEquals(new float[] {1.5f, -1.5f, 4, -3}, ScalarLoops.add(a, b));
        assertArrayEquals(new float[] {0.5f, -1, 3, -4}, ScalarLoops.mul(a, b));
        assertArrayEquals(new float[] {1, 0, 3, 0}, ScalarLoops.relu(a));
        assertArrayEquals(
                new float[] {1.5f, -1.5f, 3.5f, -3.5f}, ScalarLoops.addBias(a, new float[] {0.5f, 0.5f}, 2, 2));
        assertEquals((float) Math.exp(-2), ScalarLoops.exp(a)[1]);
        float[] acc = a.clone();
        ScalarLoops.addInto(acc, b);
        assertArrayEquals(ScalarLoops.add(a, b), acc);
    }

    @Test
    void nearSquareViews() {
        assertEquals(32, ReductionBench.rows(1 << 10));
        assertEquals(256, ReductionBench.rows(1 << 16));
        assertEquals(4096, ReductionBench.rows(1 << 24));
        assertEquals(2, ReductionBench.rows(8));
    }

    /** The loop's {@code actual} matches jgrad's {@code expected} to 1e-5 absolute. */
    private static void assertCloseToJgrad(dev.jgrad.tensor.NDArray expected, float[] actual) {
        assertArrayEquals(expected.toFloatArray(), actual, 1e-5f);
    }

    @Test
    void sevenLoopConvolutionAndItsGradientsMatchJgrads() {
        int n = 2;
        int ci = 3;
        int co = 4;
        int side = 5;
        int k = 3;
        dev.jgrad.tensor.Conv2dSpec spec =
                dev.jgrad.tensor.Conv2dSpec.of(new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        float[] x = Inputs.uniform(3, n * ci * side * side, -1f, 1f);
        float[] w = Inputs.uniform(4, co * ci * k * k, -1f, 1f);
        float[] g = Inputs.uniform(5, n * co * side * side, -1f, 1f);
        dev.jgrad.tensor.NDArray xa = dev.jgrad.tensor.NDArray.wrap(x, n, ci, side, side);
        dev.jgrad.tensor.NDArray wa = dev.jgrad.tensor.NDArray.wrap(w, co, ci, k, k);
        dev.jgrad.tensor.NDArray ga = dev.jgrad.tensor.NDArray.wrap(g, n, co, side, side);
        float[] out = new float[n * co * side * side];
        ScalarLoops.conv2d(x, w, n, ci, co, side, k, out);
        assertCloseToJgrad(dev.jgrad.tensor.Convolution.conv2d(xa, wa, null, spec), out);
        float[] dx = new float[x.length];
        ScalarLoops.conv2dInputGrad(g, w, n, ci, co, side, k, dx);
        assertCloseToJgrad(
                dev.jgrad.tensor.Convolution.conv2dInputGrad(ga, wa, new int[] {n, ci, side, side}, spec), dx);
        float[] dw = new float[w.length];
        ScalarLoops.conv2dWeightGrad(g, x, n, ci, co, side, k, dw);
        assertCloseToJgrad(dev.jgrad.tensor.Convolution.conv2dWeightGrad(ga, xa, new int[] {co, ci, k, k}, spec), dw);
    }
}
