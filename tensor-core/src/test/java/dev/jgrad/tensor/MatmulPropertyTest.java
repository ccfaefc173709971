package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** matmul on random shapes (1-D promotion, broadcast batches, strided operands) against a naive double reference. */
@Tag("scalar-path")
class MatmulPropertyTest {
    private static final int[] SIZES = {1, 2, 3, 5, 8, 17, 33};

    @Test
    void matmulMatchesNaive() {
        RandomTensors.cases(2024, 200, (r, c) -> {
            int n = SIZES[r.nextInt(SIZES.length)];
            int k = r.nextInt(8) == 0 ? 0 : SIZES[r.nextInt(SIZES.length)];
            int p = SIZES[r.nextInt(SIZES.length)];
            int da = 1 + r.nextInt(4);
            int db = 1 + r.nextInt(4);
            int[] batch = RandomTensors.nonEmptyShape(r, 2);
            int[] sa = shapeFor(r, da, batch, n, k, true);
            int[] sb = shapeFor(r, db, batch, k, p, false);
            DType t = r.nextInt(4) == 0 ? DType.FLOAT64 : r.nextInt(6) == 0 ? DType.INT64 : DType.FLOAT32;
            NDArray a = RandomTensors.laidOutValues(r, t, sa);
            NDArray b = RandomTensors.laidOutValues(r, t, sb);
            String ctx = "case " + c + ": a " + RandomTensors.describe(a) + " b " + RandomTensors.describe(b);
            NDArray got = a.matmul(b);
            // Reference: promote 1-D operands, broadcast batches, multiply naively in double.
            NDArray a2 = da == 1 ? a.unsqueeze(0) : a;
            NDArray b2 = db == 1 ? b.unsqueeze(1) : b;
            int[] ba = java.util.Arrays.copyOf(a2.shape().toArray(), a2.dim() - 2);
            int[] bb = java.util.Arrays.copyOf(b2.shape().toArray(), b2.dim() - 2);
            int[] bshape = Shapes.broadcast(ba, bb);
            int[] full = java.util.Arrays.copyOf(bshape, bshape.length + 2);
            full[bshape.length] = a2.size(-2);
            full[bshape.length + 1] = b2.size(-1);
            int kk = a2.size(-1);
            double[] want = new double[Shapes.numel(full)];
            double[] bound = new double[want.length];
            for (int f = 0; f < want.length; f++) {
                int[] idx = RandomTensors.unravel(f, full);
                int[] bi = java.util.Arrays.copyOf(idx, bshape.length);
                for (int q = 0; q < kk; q++) {
                    int[] ia = java.util.Arrays.copyOf(RandomTensors.broadcastIndex(bi, ba), ba.length + 2);
                    ia[ba.length] = idx[bshape.length];
                    ia[ba.length + 1] = q;
                    int[] ib = java.util.Arrays.copyOf(RandomTensors.broadcastIndex(bi, bb), bb.length + 2);
                    ib[bb.length] = q;
                    ib[bb.length + 1] = idx[bshape.length + 1];
                    double prod = a2.getDouble(ia) * b2.getDouble(ib);
                    want[f] += prod;
                    bound[f] += Math.abs(prod);
                }
            }
            int[] expShape = full;
            if (da == 1 && db == 1) {
                expShape = new int[0];
            } else if (da == 1) {
                expShape = remove(full, full.length - 2);
            } else if (db == 1) {
                expShape = remove(full, full.length - 1);
            }
            assertArrayEquals(expShape, got.shape().toArray(), ctx);
            assertEquals(t, got.dtype(), ctx);
            double[] g = got.toDoubleArray();
            double eps = t == DType.FLOAT32 ? 0x1p-24 : t == DType.FLOAT64 ? 0x1p-53 : 0;
            for (int i = 0; i < g.length; i++) {
                assertEquals(want[i], g[i], (kk + 2) * eps * bound[i], ctx + " at " + i);
            }
        });
    }

    private static int[] remove(int[] s, int i) {
        int[] o = new int[s.length - 1];
        for (int j = 0, q = 0; j < s.length; j++) {
            if (j != i) {
                o[q++] = s[j];
            }
        }
        return o;
    }

    private static int[] shapeFor(Random r, int dims, int[] batch, int rows, int cols, boolean left) {
        if (dims == 1) {
            return new int[] {left ? cols : rows};
        }
        int nb = Math.min(dims - 2, batch.length);
        int[] s = new int[nb + 2];
        for (int i = 0; i < nb; i++) {
            s[i] = r.nextInt(3) == 0 ? 1 : batch[batch.length - nb + i];
        }
        s[nb] = rows;
        s[nb + 1] = cols;
        return s;
    }

    @Test
    void largeProductsDoNotDependOnThreadCount() {
        NDArray a = NDArray.randn(new Generator(1), 300, 257);
        NDArray b = NDArray.randn(new Generator(2), 257, 129);
        int threads = NDArray.getNumThreads();
        try {
            NDArray.setNumThreads(1);
            NDArray one = a.matmul(b);
            NDArray.setNumThreads(4);
            NDArray four = a.matmul(b);
            assertArrayEquals(one.toFloatArray(), four.toFloatArray());
            NDArray ref = a.toDouble().matmul(b.toDouble());
            assertEquals(0.0, one.toDouble().sub(ref).abs().max().item(), 1e-3);
        } finally {
            NDArray.setNumThreads(threads);
        }
    }
}
