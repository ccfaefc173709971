package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both GEMMs against a float64 reference, on odd sizes and every operand layout; and thread-count invariance. */
class GemmKernelsTest {
    private static final Kernels SCALAR = Kernels.scalar();
    private static final Kernels VECTOR = new VectorKernels();

    /** A random matrix layout: offset, batch stride, row stride, column stride. */
    record Layout(int off, int batch, int rs, int cs, int size) {
        static Layout random(Random r, int batches, int rows, int cols, boolean output) {
            int off = r.nextInt(4);
            int kind = r.nextInt(output ? 2 : 4);
            int rs, cs, span;
            switch (kind) {
                case 0 -> { // row-major, maybe padded rows
                    cs = 1;
                    rs = cols + (r.nextBoolean() ? 0 : r.nextInt(5));
                    span = rows * rs + cols;
                }
                case 1 -> { // transposed view
                    rs = 1;
                    cs = rows + (r.nextBoolean() ? 0 : r.nextInt(5));
                    span = cols * cs + rows;
                }
                case 2 -> { // stepped view
                    cs = 2;
                    rs = cols * 2 + 3;
                    span = rows * rs + cols * 2;
                }
                default -> { // a repeated row (expand)
                    cs = 1;
                    rs = 0;
                    span = cols;
                }
            }
            boolean shared = !output && batches > 1 && r.nextInt(3) == 0;
            int batch = shared ? 0 : span + r.nextInt(3);
            return new Layout(off, batch, rs, cs, off + batches * (span + 3) + 1);
        }

        int at(int t, int i, int j) {
            return off + t * batch + i * rs + j * cs;
        }

        FloatOperand floats(float[] x) {
            return new FloatOperand(x, off, batch, rs, cs);
        }

        DoubleOperand doubles(double[] x) {
            return new DoubleOperand(x, off, batch, rs, cs);
        }
    }

    @Test
    void floatGemmMatchesFloat64Reference() {
        Random r = new Random(42);
        for (int t = 0; t < 400; t++) {
            int batches = r.nextInt(6) == 0 ? 1 + r.nextInt(3) : 1;
            int m = Strided.size(r, t < 380 ? 70 : 300), n = Strided.size(r, t < 380 ? 140 : 300);
            int k = Strided.size(r, t < 380 ? 90 : 900);
            checkFloat(r, batches, m, n, k, r.nextBoolean());
        }
    }

    @Test
    void floatGemmHandlesMnistShapes() {
        Random r = new Random(7);
        checkFloat(r, 1, 100, 256, 784, false);
        checkFloat(r, 1, 256, 784, 100, false);
        checkFloat(r, 1, 100, 10, 256, true);
        checkFloat(r, 1, 10, 256, 100, false);
        checkFloat(r, 1, 10, 784, 100, false);
        checkFloat(r, 1, 7, 784 + 32, 30, true);
    }

    @Test
    void narrowColumnTailsMatchTheFullWidthTileBitForBit() {
        // The last columns of B run on narrower micro-kernels (one or two vectors); every column
        // must still get the same fma chain as in a product wide enough to fill whole tiles.
        Random r = new Random(11);
        int wide = 200;
        for (int n : new int[] {1, 15, 16, 17, 32, 48, 63, 64, 80, 96, 112, 130, 144}) {
            int m = 1 + r.nextInt(20), k = 1 + r.nextInt(300);
            float[] a = Strided.floats(r, m * k, false), b = Strided.floats(r, k * wide, false);
            assertLeadingColumnsOfWiderProduct(a, b, m, n, k, wide, "n=" + n + " m=" + m + " k=" + k);
        }
    }

    @Test
    void smallBReadInPlaceGivesThePackedPathsBits() {
        // A B of up to VectorSgemm.DIRECT_B_MAX_ELEMENTS is read in place for any number of rows;
        // the same columns inside a wider B, which is packed, must come out the same bit for bit.
        Random r = new Random(23);
        int k = 100, wide = 400, m = 30;
        org.junit.jupiter.api.Assertions.assertTrue((long) k * wide > VectorSgemm.DIRECT_B_MAX_ELEMENTS);
        for (int n : new int[] {7, 16, 64, 100, 200, 320}) {
            org.junit.jupiter.api.Assertions.assertTrue((long) k * n <= VectorSgemm.DIRECT_B_MAX_ELEMENTS);
            float[] a = Strided.floats(r, m * k, false), b = Strided.floats(r, k * wide, false);
            assertLeadingColumnsOfWiderProduct(a, b, m, n, k, wide, "n=" + n);
        }
    }

    /**
     * The vector product of row-major A (m x k) and the first n columns of row-major B (k x wide)
     * against the first n columns of A times all of B, bit for bit: the narrower product takes
     * other paths (narrow tiles, B in place) that must give the same fma chains.
     */
    private static void assertLeadingColumnsOfWiderProduct(
            float[] a, float[] b, int m, int n, int k, int wide, String what) {
        float[] wideC = new float[m * wide], c = new float[m * n];
        FloatOperand rowsOfA = new FloatOperand(a, 0, k, 1), rowsOfB = new FloatOperand(b, 0, wide, 1);
        VECTOR.gemm(1, m, wide, k, rowsOfA, rowsOfB, new FloatOperand(wideC, 0, wide, 1), false);
        VECTOR.gemm(1, m, n, k, rowsOfA, rowsOfB, new FloatOperand(c, 0, n, 1), false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(
                        Float.floatToIntBits(wideC[i * wide + j]),
                        Float.floatToIntBits(c[i * n + j]),
                        what + " at (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void fewRowsReadBInPlaceWithThePackedPathsBits() {
        // Up to 12 rows, contiguous rows of B are read in place rather than packed; the first
        // rows of a taller product (packed) must come out the same, bit for bit, for every
        // kind of column tail and for a transposed A (a weight gradient gᵀ @ x).
        Random r = new Random(19);
        for (int n : new int[] {5, 16, 32, 40, 64, 100, 784}) {
            for (int m : new int[] {1, 6, 10, 12}) {
                int tall = 40, k = 1 + r.nextInt(150), ldb = n + r.nextInt(3);
                float[] a = Strided.floats(r, tall * k, false), b = Strided.floats(r, k * ldb, false);
                float[] few = new float[m * n], many = new float[tall * n];
                // A transposed: A(i, p) = a[p * tall + i].
                VECTOR.gemm(
                        1,
                        m,
                        n,
                        k,
                        new FloatOperand(a, 0, 1, tall),
                        new FloatOperand(b, 0, ldb, 1),
                        new FloatOperand(few, 0, n, 1),
                        false);
                VECTOR.gemm(
                        1,
                        tall,
                        n,
                        k,
                        new FloatOperand(a, 0, 1, tall),
                        new FloatOperand(b, 0, ldb, 1),
                        new FloatOperand(many, 0, n, 1),
                        false);
                for (int i = 0; i < m * n; i++) {
                    assertEquals(
                            Float.floatToIntBits(many[i]),
                            Float.floatToIntBits(few[i]),
                            "m=" + m + " n=" + n + " k=" + k + " at " + i);
                }
            }
        }
    }

    @Test
    void dotProductLayoutMatchesFloat64Reference() {
        // A's rows and B's columns contiguous along k (x @ W.t()), the layout of the unpacked
        // dot-product kernel: odd tiles, k tails past the last whole vector, strided C, batches.
        Random r = new Random(23);
        for (int t = 0; t < 60; t++) {
            int m = 1 + r.nextInt(13), n = 1 + r.nextInt(13), k = 60 + r.nextInt(300);
            int batches = r.nextInt(4) == 0 ? 2 : 1;
            int lda = k + r.nextInt(3), ldb = k + r.nextInt(3);
            float[] a = Strided.floats(r, batches * m * lda + 1, false),
                    b = Strided.floats(r, batches * n * ldb + 1, false);
            boolean transposedC = r.nextBoolean(), accumulate = r.nextBoolean();
            int crs = transposedC ? 1 : n, ccs = transposedC ? m : 1;
            float[] c0 = Strided.floats(r, batches * m * n, false);
            float[] c = c0.clone();
            VECTOR.gemm(
                    batches,
                    m,
                    n,
                    k,
                    new FloatOperand(a, 1, m * lda, lda, 1),
                    new FloatOperand(b, 0, n * ldb, 1, ldb),
                    new FloatOperand(c, 0, m * n, crs, ccs),
                    accumulate);
            for (int bt = 0; bt < batches; bt++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double exact = accumulate ? c0[bt * m * n + i * crs + j * ccs] : 0, abs = Math.abs(exact);
                        for (int p = 0; p < k; p++) {
                            double prod = (double) a[1 + bt * m * lda + i * lda + p] * b[bt * n * ldb + j * ldb + p];
                            exact += prod;
                            abs += Math.abs(prod);
                        }
                        float got = c[bt * m * n + i * crs + j * ccs];
                        assertTrue(
                                Math.abs(got - exact) <= (k + 2) * Math.ulp(1f) * abs + Float.MIN_NORMAL,
                                m + "x" + n + "x" + k + " at (" + i + "," + j + "): " + got + " vs " + exact);
                    }
                }
            }
        }
    }

    private static void checkFloat(Random r, int batches, int m, int n, int k, boolean accumulate) {
        Product p = Product.random(r, batches, m, n, k, accumulate);
        float[] a = Strided.floats(r, p.la.size(), false);
        float[] b = Strided.floats(r, p.lb.size(), false);
        float[] c0 = Strided.floats(r, p.lc.size(), false);
        for (Kernels kern : new Kernels[] {SCALAR, VECTOR}) {
            float[] c = c0.clone();
            kern.gemm(batches, m, n, k, p.la.floats(a), p.lb.floats(b), p.lc.floats(c), accumulate);
            // float32 widens to float64 exactly: the float64 reference sums the same products.
            p.check(kern.name() + " gemm", widen(a), widen(b), widen(c0), widen(c), Math.ulp(1f), Float.MIN_NORMAL);
        }
    }

    @Test
    void doubleGemmMatchesReference() {
        Random r = new Random(43);
        for (int t = 0; t < 200; t++) {
            int batches = r.nextInt(6) == 0 ? 2 : 1;
            // The last cases are wide enough to cross more than one packed column panel (NC).
            int m = Strided.size(r, 50),
                    n = Strided.size(r, t < 185 ? 90 : 1200),
                    k = Strided.size(r, t < 190 ? 60 : 700);
            Product p = Product.random(r, batches, m, n, k, r.nextBoolean());
            double[] a = Strided.doubles(r, p.la.size(), false);
            double[] b = Strided.doubles(r, p.lb.size(), false);
            double[] c0 = Strided.doubles(r, p.lc.size(), false);
            for (Kernels kern : new Kernels[] {SCALAR, VECTOR}) {
                double[] c = c0.clone();
                kern.gemm(batches, m, n, k, p.la.doubles(a), p.lb.doubles(b), p.lc.doubles(c), p.accumulate);
                p.check(kern.name() + " dgemm", a, b, c0, c, 2 * Math.ulp(1.0), Double.MIN_NORMAL);
            }
        }
    }

    /** A random batched product's operand layouts. */
    private record Product(int batches, int m, int n, int k, boolean accumulate, Layout la, Layout lb, Layout lc) {
        static Product random(Random r, int batches, int m, int n, int k, boolean accumulate) {
            Layout la = Layout.random(r, batches, m, k, false);
            Layout lb = Layout.random(r, batches, k, n, false);
            return new Product(batches, m, n, k, accumulate, la, lb, Layout.random(r, batches, m, n, true));
        }

        /**
         * Every element of C against a float64 reference from A, B and C0, within (k + 2)·eps·Σ|a·b|
         * (+ tiny), and every element outside C unchanged from C0.
         */
        void check(String what, double[] a, double[] b, double[] c0, double[] c, double eps, double tiny) {
            boolean[] written = new boolean[c.length];
            for (int t = 0; t < batches; t++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double exact = accumulate ? c0[lc.at(t, i, j)] : 0;
                        double abs = Math.abs(exact);
                        for (int p = 0; p < k; p++) {
                            double prod = a[la.at(t, i, p)] * b[lb.at(t, p, j)];
                            exact += prod;
                            abs += Math.abs(prod);
                        }
                        double got = c[lc.at(t, i, j)];
                        written[lc.at(t, i, j)] = true;
                        if (!(Math.abs(got - exact) <= (k + 2) * eps * abs + tiny)) {
                            throw new AssertionError(what + " " + batches + "x" + m + "x" + n + "x" + k + " A" + la
                                    + " B" + lb + " C" + lc + " acc=" + accumulate + " at (" + t + "," + i + "," + j
                                    + "): " + got + " vs " + exact);
                        }
                    }
                }
            }
            for (int q = 0; q < c.length; q++) {
                if (!written[q] && Double.doubleToLongBits(c[q]) != Double.doubleToLongBits(c0[q])) {
                    throw new AssertionError(what + " wrote outside C at " + q + " C" + lc);
                }
            }
        }
    }

    private static double[] widen(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    @Test
    void registerTransposePacksLikeTheScalarCopy() {
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                lanes == 16 || lanes == 8,
                "the register transposer has 16- and 8-lane blocks only; " + lanes + " lanes pack by copying");
        Random r = new Random(9);
        for (int t = 0; t < 60; t++) {
            int kc = Strided.size(r, 70), cols = 16 * r.nextInt(5), ldb = kc + r.nextInt(9), base = r.nextInt(5);
            float[] b = Strided.floats(r, base + cols * ldb + 1, true);
            float[] expected = new float[kc * 64 + 3];
            float[] actual = expected.clone();
            int done = VectorTranspose.pack(b, base, ldb, kc, cols, actual, 3, 64);
            assertTrue(done <= kc && kc - done < 16, "k rows done: " + done + " of " + kc);
            for (int j = 0; j < cols; j++) {
                for (int p = 0; p < done; p++) {
                    expected[3 + p * 64 + j] = b[base + j * ldb + p];
                }
            }
            ScalarVsVector.assertSameBits(expected, actual, "pack kc=" + kc + " cols=" + cols);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Random r = new Random(5);
        int saved = dev.jgrad.tensor.Parallel.getNumThreads();
        try {
            // B transposed (packed with a transpose, or the unpacked dot-product kernel when n is
            // small) and B contiguous (the packed GEMM).
            for (int[] shape : new int[][] {{261, 263, 259}, {37, 1030, 700}, {1030, 37, 700}, {4000, 13, 784}}) {
                int m = shape[0], n = shape[1], k = shape[2];
                float[] a = Strided.floats(r, m * k, false), b = Strided.floats(r, k * n, false);
                for (int[] bStrides : new int[][] {{1, k}, {n, 1}}) {
                    int brs = bStrides[0], bcs = bStrides[1];
                    for (Kernels kern : new Kernels[] {SCALAR, VECTOR}) {
                        float[] one = new float[m * n], three = new float[m * n], batched = new float[3 * m * n];
                        // A and B alone, then repeated three times (batch stride 0) into three C's.
                        FloatOperand ao = new FloatOperand(a, 0, k, 1), bo = new FloatOperand(b, 0, brs, bcs);
                        dev.jgrad.tensor.Parallel.setNumThreads(1);
                        kern.gemm(1, m, n, k, ao, bo, new FloatOperand(one, 0, n, 1), false);
                        dev.jgrad.tensor.Parallel.setNumThreads(3);
                        kern.gemm(1, m, n, k, ao, bo, new FloatOperand(three, 0, n, 1), false);
                        kern.gemm(3, m, n, k, ao, bo, new FloatOperand(batched, 0, m * n, n, 1), false);
                        String what = kern.name() + " " + m + "x" + n + "x" + k + " B strides " + brs + "," + bcs;
                        assertArrayEquals(one, three, what);
                        assertArrayEquals(
                                one, java.util.Arrays.copyOfRange(batched, 2 * m * n, 3 * m * n), what + " batched");
                    }
                }
            }
        } finally {
            dev.jgrad.tensor.Parallel.setNumThreads(saved);
        }
    }
}
