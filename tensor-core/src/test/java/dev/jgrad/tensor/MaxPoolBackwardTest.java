package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code Pooling.maxPool2dBackward} with the forward's settings gives the same bits as the
 * settings-free scatter by indices, for disjoint windows (the kernels' path: the CNN's 2x2 pooling
 * and others, with padding, dilation and ceil mode) and overlapping ones, on batches, odd sizes,
 * transposed gradients and several threads' worth of planes, and rejects gradients of the wrong
 * shape.
 */
class MaxPoolBackwardTest {
    private static final int[] ONES = {1, 1};
    private static final int[] ZEROS = {0, 0};

    @Test
    void settingsAwareBackwardEqualsTheScatter() {
        Random r = new Random(11);
        for (int t = 0; t < 120; t++) {
            // The CNN's 2x2 pooling a third of the time; other settings, disjoint windows or not, else.
            boolean pairs = t % 3 == 0;
            int[] k = pairs ? new int[] {2, 2} : new int[] {1 + r.nextInt(3), 1 + r.nextInt(3)};
            int[] s = pairs ? new int[] {2, 2} : new int[] {1 + r.nextInt(4), 1 + r.nextInt(4)};
            int[] p = pairs ? ZEROS : new int[] {r.nextInt(k[0] / 2 + 1), r.nextInt(k[1] / 2 + 1)};
            int[] d = pairs ? ONES : new int[] {1 + r.nextInt(2), 1 + r.nextInt(2)};
            boolean ceil = r.nextBoolean();
            int h = 2 + r.nextInt(30);
            int w = 2 + r.nextInt(40);
            int[] shape = r.nextBoolean() ? new int[] {1 + r.nextInt(3), 1 + r.nextInt(5), h, w} : new int[] {3, h, w};
            NDArray x = RandomTensors.values(r, DType.FLOAT32, shape);
            int outH, outW;
            try {
                outH = Pooling.outputSize(h, k[0], p[0], s[0], d[0], ceil);
                outW = Pooling.outputSize(w, k[1], p[1], s[1], d[1], ceil);
            } catch (ArithmeticException e) {
                continue;
            }
            if (outH < 1 || outW < 1) {
                continue;
            }
            ValuesIndices<NDArray> fwd = Pooling.maxPool2d(x, k, s, p, d, ceil);
            int[] outShape = fwd.values().shape().toArray();
            // A transposed (non-contiguous) gradient with -0 and NaN among its values.
            int last = outShape.length - 1;
            int[] swapped = outShape.clone();
            swapped[last] = outShape[last - 1];
            swapped[last - 1] = outShape[last];
            NDArray g = RandomTensors.values(r, DType.FLOAT32, swapped).transpose(last - 1, last);
            float[] gs = g.storage().floats();
            gs[r.nextInt(gs.length)] = -0f;
            gs[r.nextInt(gs.length)] = Float.NaN;
            NDArray expected = Pooling.maxPool2dBackward(g, fwd.indices(), shape);
            NDArray actual = Pooling.maxPool2dBackward(g, fwd.indices(), shape, k, s, p, d, ceil);
            assertArrayEquals(shape, actual.shape().toArray());
            assertArrayEquals(bits(expected), bits(actual), "shape " + java.util.Arrays.toString(shape) + " k=" + k[0]);
        }
    }

    @Test
    void theCnnsPoolingTakesManyPlanesAcrossThreads() {
        Random r = new Random(12);
        int[] shape = {20, 32, 28, 28};
        NDArray x = RandomTensors.values(r, DType.FLOAT32, shape);
        int[] two = {2, 2};
        ValuesIndices<NDArray> fwd = Pooling.maxPool2d(x, two, two, ZEROS, ONES, false, true);
        NDArray g = RandomTensors.values(r, DType.FLOAT32, fwd.values().shape().toArray());
        NDArray dx = Pooling.maxPool2dBackward(g, fwd.indices(), shape, two, two, ZEROS, ONES, false);
        assertArrayEquals(bits(Pooling.maxPool2dBackward(g, fwd.indices(), shape)), bits(dx));
        assertEquals(g.sum().item(), dx.sum().item(), 1e-2);
    }

    @Test
    void aGradientOfTheWrongShapeIsNamed() {
        int[] two = {2, 2};
        int[] shape = {1, 2, 6, 6};
        ValuesIndices<NDArray> fwd = Pooling.maxPool2d(NDArray.rand(shape), two, two, ZEROS, ONES, false);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Pooling.maxPool2dBackward(
                        NDArray.rand(1, 2, 3, 2), fwd.indices(), shape, two, two, ZEROS, ONES, false));
        assertTrue(e.getMessage().contains("grad_output of shape [1, 2, 3, 3]"), e.getMessage());
    }

    private static int[] bits(NDArray a) {
        float[] f = a.contiguous().storage().floats();
        int[] b = new int[a.numel()];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(f[a.contiguous().storageOffset() + i]);
        }
        return b;
    }
}
