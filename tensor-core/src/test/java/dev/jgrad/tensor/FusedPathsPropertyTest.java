package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.internal.BackwardKernels;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass paths that training steps take (ReLU's and logSoftmax's gradients, A @ Bᵀ with few
 * columns, the loader's row gather and uint8 conversion) against the unfused formulas they replace,
 * on random odd shapes, size 0 and 1, and non-contiguous layouts.
 */
class FusedPathsPropertyTest {

    private static void assertSameValues(NDArray want, NDArray got, String ctx) {
        assertArrayEquals(want.shape().toArray(), got.shape().toArray(), ctx);
        assertEquals(want.dtype(), got.dtype(), ctx);
        assertArrayEquals(want.toDoubleArray(), got.toDoubleArray(), 0.0, ctx);
    }

    @Test
    void thresholdBackwardIsWhereLe() {
        RandomTensors.cases(11, 300, (r, c) -> {
            DType t = r.nextInt(4) == 0 ? DType.FLOAT64 : DType.FLOAT32;
            int[] shape = RandomTensors.shape(r, 4);
            NDArray g = RandomTensors.laidOutValues(r, t, shape);
            NDArray x = RandomTensors.values(r, t, r.nextInt(4) == 0 ? RandomTensors.broadcastableTo(r, shape) : shape);
            if (x.numel() > 0 && r.nextBoolean()) {
                x.reshape(-1).narrow(0, 0, 1).fill_(Double.NaN);
            }
            x = RandomTensors.layout(r, x);
            double threshold = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 2 - 1;
            String ctx = "case " + c + ": g " + RandomTensors.describe(g) + " x " + RandomTensors.describe(x);
            NDArray want = NDArray.where(x.le(threshold), NDArray.scalar(0, t), g);
            assertSameValues(want, BackwardKernels.thresholdBackward(g, x, threshold), ctx);
        });
    }

    @Test
    void logSoftmaxBackwardDataIsTheUnfusedFormula() {
        RandomTensors.cases(12, 300, (r, c) -> {
            DType t = r.nextInt(4) == 0 ? DType.FLOAT64 : DType.FLOAT32;
            int[] shape = RandomTensors.shape(r, 3);
            int dim = shape.length == 0 ? 0 : r.nextInt(shape.length) - (r.nextBoolean() ? shape.length : 0);
            NDArray y = RandomTensors.values(r, t, shape).logSoftmax(dim);
            NDArray g = RandomTensors.values(r, t, shape);
            if (r.nextInt(3) == 0) {
                y = RandomTensors.layout(r, y);
                g = RandomTensors.layout(r, g);
            }
            String ctx = "case " + c + ": dim " + dim + " g " + RandomTensors.describe(g) + " y "
                    + RandomTensors.describe(y);
            int[] dims = {shape.length == 0 ? 0 : Shapes.wrapDim(dim, shape.length)};
            NDArray want =
                    shape.length == 0 ? g.sub(y.exp().mul(g)) : g.sub(y.exp().mul(g.sum(dims, true)));
            assertSameValues(want, BackwardKernels.logSoftmaxBackwardData(g, y, dim), ctx);
        });
    }

    @Test
    void productWithFewTransposedColumnsMatchesTheGemm() {
        Random r = new Random(13);
        int[] ks = {0, 1, 3, 17, 64, 65, 255, 784};
        for (int c = 0; c < 200; c++) {
            DType t = r.nextInt(4) == 0 ? DType.FLOAT64 : DType.FLOAT32;
            int m = 1 + r.nextInt(37);
            int n = 1 + r.nextInt(dev.jgrad.tensor.kernel.GemmRoute.DOT_MAX_N + 2);
            int k = ks[r.nextInt(ks.length)];
            int batch = 1 + r.nextInt(3);
            NDArray a = RandomTensors.values(r, t, new int[] {batch, m, k});
            NDArray w = RandomTensors.values(r, t, new int[] {batch, n, k});
            if (r.nextBoolean()) {
                // Rows of A at a stride larger than k, and a batch of one W repeated.
                a = RandomTensors.values(r, t, new int[] {batch, m, k + 3}).narrow(2, 1, k);
                w = RandomTensors.values(r, t, new int[] {1, n, k}).expand(batch, n, k);
            }
            NDArray bt = w.transpose(1, 2);
            String ctx = "case " + c + ": " + t + " batch " + batch + " m " + m + " n " + n + " k " + k;
            NDArray got = a.bmm(bt);
            // The GEMM on a contiguous copy of Bᵀ, and a double reference for the tolerance.
            NDArray viaGemm = a.bmm(bt.contiguous());
            NDArray exact = a.toDouble().bmm(bt.toDouble());
            NDArray bound = a.toDouble().abs().bmm(bt.toDouble().abs());
            assertArrayEquals(viaGemm.shape().toArray(), got.shape().toArray(), ctx);
            double eps = t == DType.FLOAT32 ? 1e-6 : 1e-14;
            double[] g = got.toDoubleArray();
            double[] e = exact.toDoubleArray();
            double[] b = bound.toDoubleArray();
            for (int i = 0; i < g.length; i++) {
                assertTrue(
                        Math.abs(g[i] - e[i]) <= eps * (b[i] + 1), ctx + " element " + i + ": " + g[i] + " vs " + e[i]);
            }
            assertEquals(t, got.dtype(), ctx);
            if (batch == 1) {
                NDArray mm = a.squeeze(0).mm(bt.squeeze(0));
                assertSameValues(got.squeeze(0), mm, ctx + " (mm)");
            }
        }
    }

    @Test
    void rowGatherOfContiguousArraysMatchesSelectingEachRow() {
        Random r = new Random(14);
        DType[] types = DType.values();
        for (int c = 0; c < 300; c++) {
            DType t = types[r.nextInt(types.length)];
            int[] shape = RandomTensors.nonEmptyShape(r, 4);
            if (shape.length == 0) {
                shape = new int[] {1 + r.nextInt(5)};
            }
            NDArray src = RandomTensors.values(r, t, shape);
            if (r.nextInt(3) == 0) {
                // Contiguous, but at an offset in a larger storage.
                int[] big = shape.clone();
                big[0] += 2;
                NDArray base = RandomTensors.values(r, t, big);
                src = base.narrow(0, 2, shape[0]);
            }
            int rows = shape[0];
            int count = r.nextInt(7);
            long[] idx = new long[count];
            for (int i = 0; i < count; i++) {
                idx[i] = r.nextInt(2 * rows) - rows;
            }
            NDArray index = NDArray.tensor(idx);
            String ctx = "case " + c + ": " + RandomTensors.describe(src) + " index " + java.util.Arrays.toString(idx);
            NDArray got = src.indexSelect(0, index);
            int[] outShape = shape.clone();
            outShape[0] = count;
            NDArray want = NDArray.zeros(t, outShape);
            for (int i = 0; i < count; i++) {
                want.select(0, i).copy_(src.select(0, (int) idx[i]));
            }
            assertSameValues(want, got, ctx);
        }
        NDArray x = NDArray.arange(6).view(3, 2);
        IndexOutOfBoundsException e = assertThrows(
                IndexOutOfBoundsException.class, () -> x.indexSelect(0, NDArray.tensor(new long[] {0, 3})));
        assertEquals("index out of range in self", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> x.indexSelect(0, NDArray.tensor(new long[] {-4})));
        assertSameValues(
                NDArray.tensor(new long[] {4, 5}), x.indexSelect(0, NDArray.scalar(-1, DType.INT64)), "0-dim index");
    }

    @Test
    void uint8ToFloat32IsEachByteUnsigned() {
        RandomTensors.cases(15, 100, (r, c) -> {
            NDArray u = RandomTensors.laidOutValues(r, DType.UINT8, RandomTensors.shape(r, 4));
            NDArray f = u.to(DType.FLOAT32);
            long[] want = u.toLongArray();
            float[] got = f.toFloatArray();
            assertEquals(want.length, got.length);
            for (int i = 0; i < want.length; i++) {
                assertEquals((float) want[i], got[i], "case " + c + " element " + i);
            }
        });
        assertArrayEquals(
                new float[] {0, 127, 128, 255},
                NDArray.tensor(new byte[] {0, 127, (byte) 128, (byte) 255})
                        .to(DType.FLOAT32)
                        .toFloatArray());
    }
}
