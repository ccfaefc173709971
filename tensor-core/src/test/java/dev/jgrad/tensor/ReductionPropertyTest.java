package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reductions over random dims of random layouts against a naive double reference. */
@Tag("scalar-path")
class ReductionPropertyTest {
    private static final int CASES = 250;

    /** Naive reduction: for every output element, loop over all input elements mapping to it. */
    private static double[][] naive(NDArray x, boolean[] mask) {
        int[] shape = x.shape().toArray();
        int outN = 1;
        for (int d = 0; d < shape.length; d++) {
            if (!mask[d]) {
                outN *= shape[d];
            }
        }
        double[] sum = new double[outN];
        double[] abs = new double[outN];
        double[] prod = new double[outN];
        double[] max = new double[outN];
        double[] count = new double[outN];
        java.util.Arrays.fill(prod, 1);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int f = 0; f < x.numel(); f++) {
            int[] idx = RandomTensors.unravel(f, shape);
            int o = 0;
            for (int d = 0; d < shape.length; d++) {
                if (!mask[d]) {
                    o = o * shape[d] + idx[d];
                }
            }
            double v = x.getDouble(idx);
            sum[o] += v;
            abs[o] += Math.abs(v);
            prod[o] *= v;
            max[o] = Math.max(max[o], v);
            count[o]++;
        }
        return new double[][] {sum, abs, prod, max, count};
    }

    /** The error bound of adding {@code n} float32 values one by one in float, {@code abs} their absolute sum. */
    private static double smallFloatSumBound(DType t, double n, double abs) {
        return t == DType.FLOAT32 && n < 8 ? n * 0x1p-24 * abs : 0;
    }

    /**
     * The error bound of a column sum (leading dims reduced, contiguous float32, several outputs):
     * blocks of up to 128 rows are added in float32 before the double accumulation.
     */
    private static double columnSumBound(NDArray x, boolean[] mask, double n, double abs) {
        int d = 0;
        while (d < mask.length && mask[d]) {
            d++;
        }
        boolean leading = d > 0 && d < mask.length;
        for (int e = d; e < mask.length; e++) {
            leading &= !mask[e];
        }
        return x.dtype() == DType.FLOAT32 && x.isContiguous() && leading ? Math.min(n, 128) * 0x1p-24 * abs : 0;
    }

    @Test
    void columnSumsOfManyRowsStayAccurateAndIgnoreTheThreadCount() {
        Random r = new Random(12);
        int saved = Parallel.getNumThreads();
        try {
            for (int[] shape : new int[][] {{1000, 37}, {300, 5, 70}, {129, 1}, {4096, 300}}) {
                int n = 1;
                for (int s : shape) {
                    n *= s;
                }
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) r.nextGaussian();
                }
                NDArray x = NDArray.wrap(v, shape);
                int cols = n / shape[0];
                Parallel.setNumThreads(1);
                float[] one = x.sum(0).toFloatArray();
                Parallel.setNumThreads(3);
                float[] three = x.sum(0).toFloatArray();
                assertArrayEquals(one, three, java.util.Arrays.toString(shape));
                for (int j = 0; j < cols; j++) {
                    double exact = 0, abs = 0;
                    for (int i = 0; i < shape[0]; i++) {
                        exact += v[i * cols + j];
                        abs += Math.abs(v[i * cols + j]);
                    }
                    // 128-row float32 blocks: far tighter than float32 added row after row.
                    assertEquals(
                            exact,
                            one[j],
                            0x1p-24 * Math.abs(exact) + 130 * 0x1p-24 * abs / Math.max(1, shape[0] / 128.0) + 1e-6,
                            java.util.Arrays.toString(shape) + " column " + j);
                }
            }
        } finally {
            Parallel.setNumThreads(saved);
        }
    }

    @Test
    void sumMeanProdMaxMatchNaive() {
        Random r = new Random(77);
        DType[] types = {DType.FLOAT32, DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32, DType.BOOL};
        for (int c = 0; c < CASES; c++) {
            DType t = types[r.nextInt(types.length)];
            NDArray x = RandomTensors.laidOutValues(r, t, RandomTensors.shape(r, 4));
            boolean all = r.nextInt(4) == 0;
            boolean[] mask = new boolean[x.dim()];
            int nred = 0;
            for (int d = 0; d < x.dim(); d++) {
                mask[d] = all || r.nextBoolean();
                nred += mask[d] ? 1 : 0;
            }
            int[] dims = new int[nred];
            for (int d = 0, k = 0; d < x.dim(); d++) {
                if (mask[d]) {
                    dims[k++] = r.nextBoolean() ? d : d - x.dim();
                }
            }
            if (nred == 0) {
                java.util.Arrays.fill(mask, true);
            }
            boolean keepdim = r.nextBoolean();
            String ctx = "case " + c + ": " + RandomTensors.describe(x) + " dims=" + java.util.Arrays.toString(dims)
                    + " keepdim=" + keepdim;
            double[][] ref = naive(x, mask);
            NDArray s = x.sum(dims, keepdim);
            assertEquals(t.isFloatingPoint() ? t : DType.INT64, s.dtype(), ctx);
            int[] expShape = x.shape().toArray();
            int keptDims = 0;
            for (int d = 0; d < expShape.length; d++) {
                if (mask[d]) {
                    expShape[d] = 1;
                } else {
                    keptDims++;
                }
            }
            if (!keepdim) {
                int[] k = new int[keptDims];
                for (int d = 0, j = 0; d < mask.length; d++) {
                    if (!mask[d]) {
                        k[j++] = x.size(d);
                    }
                }
                expShape = k;
            }
            assertArrayEquals(expShape, s.shape().toArray(), ctx);
            double[] got = s.toDoubleArray();
            double eps = t == DType.FLOAT32 ? 0x1p-24 : t == DType.FLOAT64 ? 0x1p-53 : 0;
            for (int i = 0; i < got.length; i++) {
                // One final rounding to the output dtype plus the double accumulation's summation bound
                // (float32 sums of fewer than 8 values add up in float, as PyTorch's do).
                double tol = 2 * eps * Math.abs(ref[0][i])
                        + ref[4][i] * 0x1p-52 * ref[1][i]
                        + 1e-300
                        + smallFloatSumBound(t, ref[4][i], ref[1][i])
                        + columnSumBound(x, mask, ref[4][i], ref[1][i]);
                assertEquals(ref[0][i], got[i], t.isFloatingPoint() ? tol : 0, ctx + " sum at " + i);
            }
            if (t.isFloatingPoint()) {
                double[] mean = x.mean(dims, keepdim).toDoubleArray();
                for (int i = 0; i < mean.length; i++) {
                    double want = ref[0][i] / ref[4][i];
                    if (ref[4][i] == 0) {
                        assertEquals(Double.NaN, mean[i], ctx + " mean of nothing at " + i);
                    } else {
                        assertEquals(
                                want,
                                mean[i],
                                4 * eps * Math.abs(want)
                                        + 0x1p-52 * ref[1][i]
                                        + 1e-300
                                        + (smallFloatSumBound(t, ref[4][i], ref[1][i])
                                                        + columnSumBound(x, mask, ref[4][i], ref[1][i]))
                                                / ref[4][i],
                                ctx + " mean at " + i);
                    }
                }
            }
            if (x.dim() > 0 && nred == 1 && x.size(dims[0]) > 0) {
                ValuesIndices<NDArray> mx = x.max(dims[0], keepdim);
                double[] mv = mx.values().toDoubleArray();
                for (int i = 0; i < mv.length; i++) {
                    assertEquals(ref[3][i], mv[i], 0, ctx + " max at " + i);
                }
                NDArray at =
                        x.gather(dims[0], keepdim ? mx.indices() : mx.indices().unsqueeze(dims[0]));
                assertArrayEquals(mv, at.toDoubleArray(), ctx + " max indices point at the maxima");
                NDArray p = x.prod(dims[0], keepdim);
                double[] pv = p.toDoubleArray();
                for (int i = 0; i < pv.length; i++) {
                    double want = ref[2][i];
                    if (!t.isFloatingPoint()) {
                        assertEquals((long) want, (long) pv[i], ctx + " prod at " + i);
                    } else {
                        assertEquals(want, pv[i], Math.abs(want) * 1e-6 + 1e-300, ctx + " prod at " + i);
                    }
                }
            }
        }
    }

    @Test
    void largeFloatSumsAreAccurateAndThreadIndependent() {
        Random r = new Random(5);
        int n = 3_000_001;
        float[] v = new float[n];
        double exact = 0;
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() + 1e4);
            exact += v[i];
        }
        NDArray x = NDArray.wrap(v, n);
        int threads = NDArray.getNumThreads();
        try {
            NDArray.setNumThreads(1);
            double one = x.sum().item();
            NDArray.setNumThreads(3);
            double three = x.sum().item();
            assertEquals(one, three, 0.0);
            assertEquals((float) exact, (float) one, 0.0);
            assertEquals(exact / n, x.mean().item(), 1e-3);
        } finally {
            NDArray.setNumThreads(threads);
        }
        // A naive float accumulation would be off by thousands here.
        NDArray m = x.narrow(0, 0, 3_000_000).view(3000, 1000).t();
        assertEquals(
                x.narrow(0, 0, 3_000_000).sum().item(),
                m.sum(new int[] {0, 1}, false).item(),
                1.0);
        assertEquals(m.sum(0).sum().item(), m.sum(1).sum().item(), 1.0);
    }

    @Test
    void varStdLogsumexpSoftmaxMatchNaive() {
        RandomTensors.cases(99, CASES, (r, c) -> {
            int[] shape = RandomTensors.nonEmptyShape(r, 3);
            if (shape.length == 0) {
                return;
            }
            DType t = RandomTensors.floating(r);
            NDArray x = RandomTensors.laidOutValues(r, t, shape);
            int d = r.nextInt(shape.length);
            String ctx = "case " + c + ": " + RandomTensors.describe(x) + " dim=" + d;
            NDArray moved = x.movedim(d, -1).contiguous().toDouble();
            int len = shape[d];
            int rows = x.numel() / len;
            double[] flat = moved.toDoubleArray();
            double[] var = x.var(d).toDoubleArray();
            double[] lse = x.logsumexp(d).toDoubleArray();
            double[] sm = x.softmax(d).movedim(d, -1).contiguous().toDoubleArray();
            double tol = t == DType.FLOAT32 ? 1e-6 : 1e-12;
            for (int row = 0; row < rows; row++) {
                double mean = 0;
                for (int i = 0; i < len; i++) {
                    mean += flat[row * len + i];
                }
                mean /= len;
                double ss = 0;
                double se = 0;
                for (int i = 0; i < len; i++) {
                    ss += Math.pow(flat[row * len + i] - mean, 2);
                    se += Math.exp(flat[row * len + i]);
                }
                double wantVar = len > 1 ? ss / (len - 1) : Double.NaN;
                if (len > 1) {
                    assertEquals(wantVar, var[row], tol * Math.max(1, Math.abs(wantVar)), ctx + " var");
                } else {
                    assertEquals(Double.NaN, var[row], ctx + " var of one element");
                }
                assertEquals(Math.log(se), lse[row], tol * Math.max(1, Math.abs(Math.log(se))), ctx + " logsumexp");
                for (int i = 0; i < len; i++) {
                    assertEquals(Math.exp(flat[row * len + i]) / se, sm[row * len + i], tol, ctx + " softmax");
                }
            }
        });
    }
}
