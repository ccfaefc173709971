package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector reductions against the scalar ones: exact for max/argmax/column sums, within the summation bound for sums. */
class ReductionKernelsTest {
    private static final Kernels SCALAR = Kernels.scalar();
    private static final Kernels VECTOR = new VectorKernels();
    private static final double EPS_F = Math.ulp(1f) / 2;
    private static final double EPS_D = Math.ulp(1.0) / 2;

    @Test
    void sumIsWithinTheSummationBound() {
        Random r = new Random(1);
        for (int t = 0; t < 300; t++) {
            int n = t < 250 ? Strided.size(r, 3000) : 20_000 + r.nextInt(50_000);
            int stride = Strided.stride(r), off = r.nextInt(7);
            float[] x = Strided.floats(r, off + n * stride + 1, false);
            double exact = 0, abs = 0;
            for (int i = 0; i < n; i++) {
                exact += x[off + i * stride];
                abs += Math.abs(x[off + i * stride]);
            }
            double bound = 2 * (n + 1) * EPS_F * abs + Float.MIN_VALUE;
            double s = SCALAR.sum(n, x, off, stride), v = VECTOR.sum(n, x, off, stride);
            assertTrue(Math.abs(s - exact) <= bound, "scalar sum n=" + n + ": " + s + " vs " + exact);
            assertTrue(Math.abs(v - exact) <= bound, "vector sum n=" + n + ": " + v + " vs " + exact);
            double[] xd = Strided.doubles(r, off + n * stride + 1, false);
            double ed = 0, ad = 0;
            for (int i = 0; i < n; i++) {
                ed += xd[off + i * stride];
                ad += Math.abs(xd[off + i * stride]);
            }
            double bd = 2 * (n + 1) * EPS_D * ad;
            assertTrue(Math.abs(SCALAR.sum(n, xd, off, stride) - ed) <= bd, "scalar double sum n=" + n);
            assertTrue(
                    Math.abs(VECTOR.sum(n, xd, off, stride) - ed) <= bd,
                    "vector double sum n=" + n + " stride=" + stride);
        }
    }

    @Test
    void sumOf16MUniformFloatsIsAccurateTo1e6() {
        Random r = new Random(16);
        int n = 1 << 24;
        float[] x = new float[n];
        double exact = 0;
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat();
            exact += x[i];
        }
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            double rel = Math.abs(k.sum(n, x, 0, 1) - exact) / exact;
            assertTrue(rel <= 1e-6, k.name() + " relative error " + rel);
        }
    }

    @Test
    void dotIsWithinTheSummationBound() {
        Random r = new Random(2);
        for (int t = 0; t < 200; t++) {
            int n = Strided.size(r, 3000);
            int xs = Strided.stride(r), ys = Strided.stride(r), xo = r.nextInt(5), yo = r.nextInt(5);
            float[] x = Strided.floats(r, xo + n * xs + 1, false), y = Strided.floats(r, yo + n * ys + 1, false);
            double exact = 0, abs = 0;
            for (int i = 0; i < n; i++) {
                double p = (double) x[xo + i * xs] * y[yo + i * ys];
                exact += p;
                abs += Math.abs(p);
            }
            double bound = 2 * (n + 2) * EPS_F * abs + Float.MIN_VALUE;
            String what = "n=" + n + " strides " + xs + "," + ys;
            assertTrue(Math.abs(SCALAR.dot(n, x, xo, xs, y, yo, ys) - exact) <= bound, "scalar dot " + what);
            assertTrue(Math.abs(VECTOR.dot(n, x, xo, xs, y, yo, ys) - exact) <= bound, "vector dot " + what);
            double[] xd = Strided.doubles(r, xo + n * xs + 1, false), yd = Strided.doubles(r, yo + n * ys + 1, false);
            double ed = 0, ad = 0;
            for (int i = 0; i < n; i++) {
                // Each product rounds once in double; the bound covers that and the sum.
                double p = xd[xo + i * xs] * yd[yo + i * ys];
                ed += p;
                ad += Math.abs(p);
            }
            double bd = 2 * (n + 2) * EPS_D * ad + Double.MIN_VALUE;
            assertTrue(Math.abs(SCALAR.dot(n, xd, xo, xs, yd, yo, ys) - ed) <= bd, "scalar double dot " + what);
            assertTrue(Math.abs(VECTOR.dot(n, xd, xo, xs, yd, yo, ys) - ed) <= bd, "vector double dot " + what);
        }
    }

    @Test
    void maxMinArgmaxArgminMatchScalarIncludingNaNAndTies() {
        Random r = new Random(3);
        for (int t = 0; t < 1500; t++) {
            int n = 1 + Strided.size(r, t % 50 == 0 ? 20_000 : 700);
            int stride = Strided.stride(r), off = r.nextInt(5);
            float[] x = new float[off + n * stride + 1];
            int distinct = 1 + r.nextInt(t % 3 == 0 ? 4 : 1000);
            for (int i = 0; i < x.length; i++) {
                x[i] = distinct < 5 ? r.nextInt(distinct) - 2 : Strided.value(r, false);
            }
            switch (r.nextInt(8)) {
                case 0 -> x[off + r.nextInt(n) * stride] = Float.NaN;
                case 1 -> {
                    x[off + r.nextInt(n) * stride] = Float.NaN;
                    x[off + r.nextInt(n) * stride] = Float.NaN;
                }
                case 2 -> x[off + r.nextInt(n) * stride] = Float.POSITIVE_INFINITY;
                case 3 -> x[off + (n - 1) * stride] = 1e30f;
                default -> {}
            }
            String what = "n=" + n + " stride=" + stride;
            assertEquals(SCALAR.max(n, x, off, stride), VECTOR.max(n, x, off, stride), "max " + what);
            assertEquals(SCALAR.min(n, x, off, stride), VECTOR.min(n, x, off, stride), "min " + what);
            assertEquals(SCALAR.argmax(n, x, off, stride), VECTOR.argmax(n, x, off, stride), "argmax " + what);
            assertEquals(SCALAR.argmin(n, x, off, stride), VECTOR.argmin(n, x, off, stride), "argmin " + what);
            double[] xd = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                xd[i] = x[i];
            }
            assertEquals(SCALAR.max(n, xd, off, stride), VECTOR.max(n, xd, off, stride), "double max " + what);
            assertEquals(SCALAR.min(n, xd, off, stride), VECTOR.min(n, xd, off, stride), "double min " + what);
            assertEquals(SCALAR.argmax(n, xd, off, stride), VECTOR.argmax(n, xd, off, stride), "double argmax " + what);
            assertEquals(SCALAR.argmin(n, xd, off, stride), VECTOR.argmin(n, xd, off, stride), "double argmin " + what);
        }
    }

    /** Signed zeros, infinities of both signs (a running sum of them turns NaN) and NaN, over several arg blocks. */
    @Test
    void extremaOfZerosAndInfinitiesMatchScalarBitForBit() {
        Random r = new Random(8);
        float[] pool = {0f, -0f, -1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -2f, 0f, -0f};
        for (int t = 0; t < 600; t++) {
            int n = 1 + (t % 10 == 0 ? r.nextInt(20_000) : Strided.size(r, 700));
            int off = r.nextInt(5);
            float[] x = new float[off + n];
            int kinds = 2 + r.nextInt(pool.length - 1);
            for (int i = 0; i < x.length; i++) {
                x[i] = pool[r.nextInt(kinds)];
            }
            if (r.nextInt(5) == 0) {
                x[off + r.nextInt(n)] = Float.NaN;
            }
            String what = "n=" + n + " kinds=" + kinds;
            assertEquals(
                    Float.floatToIntBits(SCALAR.max(n, x, off, 1)),
                    Float.floatToIntBits(VECTOR.max(n, x, off, 1)),
                    "max " + what);
            assertEquals(
                    Float.floatToIntBits(SCALAR.min(n, x, off, 1)),
                    Float.floatToIntBits(VECTOR.min(n, x, off, 1)),
                    "min " + what);
            assertEquals(SCALAR.argmax(n, x, off, 1), VECTOR.argmax(n, x, off, 1), "argmax " + what);
            assertEquals(SCALAR.argmin(n, x, off, 1), VECTOR.argmin(n, x, off, 1), "argmin " + what);
            double[] xd = new double[n];
            for (int i = 0; i < n; i++) {
                xd[i] = x[off + i];
            }
            assertEquals(
                    Double.doubleToLongBits(SCALAR.max(n, xd, 0, 1)),
                    Double.doubleToLongBits(VECTOR.max(n, xd, 0, 1)),
                    "double max " + what);
            assertEquals(
                    Double.doubleToLongBits(SCALAR.min(n, xd, 0, 1)),
                    Double.doubleToLongBits(VECTOR.min(n, xd, 0, 1)),
                    "double min " + what);
            assertEquals(SCALAR.argmax(n, xd, 0, 1), VECTOR.argmax(n, xd, 0, 1), "double argmax " + what);
            assertEquals(SCALAR.argmin(n, xd, 0, 1), VECTOR.argmin(n, xd, 0, 1), "double argmin " + what);
        }
    }

    @Test
    void scalarExtremaFollowPyTorch() {
        float[] x = {3f, 7f, Float.NaN, 7f, Float.NaN, -1f};
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            assertEquals(1, k.argmax(2, x, 0, 1), k.name());
            assertEquals(2, k.argmax(6, x, 0, 1), k.name() + ": first NaN");
            assertEquals(2, k.argmin(6, x, 0, 1), k.name() + ": first NaN");
            assertTrue(Float.isNaN(k.max(6, x, 0, 1)), k.name());
            assertTrue(Float.isNaN(k.min(6, x, 0, 1)), k.name());
            float[] ties = new float[100];
            java.util.Arrays.fill(ties, 5f);
            ties[40] = 9f;
            ties[77] = 9f;
            assertEquals(40, k.argmax(100, ties, 0, 1), k.name() + ": first of ties");
            assertEquals(0, k.argmin(100, ties, 0, 1), k.name());
        }
    }

    @Test
    void columnSumsMatchScalarExactly() {
        Random r = new Random(4);
        for (int t = 0; t < 300; t++) {
            int rows = Strided.size(r, 60), cols = Strided.size(r, 200);
            int rs = cols + r.nextInt(5), off = r.nextInt(5);
            boolean acc = r.nextBoolean();
            float[] x = Strided.floats(r, off + rows * rs + cols + 1, true);
            ScalarVsVector.assertAgree(
                    Strided.floats(r, cols + 3, false),
                    (k, out) -> k.columnSums(rows, cols, x, off, rs, out, 2, acc),
                    "columnSums " + rows + "x" + cols);
            double[] xd = Strided.doubles(r, off + rows * rs + cols + 1, false);
            ScalarVsVector.assertAgree(
                    Strided.doubles(r, cols + 3, false),
                    (k, out) -> k.columnSums(rows, cols, xd, off, rs, out, 2, acc),
                    "double columnSums " + rows + "x" + cols);
        }
    }
}
