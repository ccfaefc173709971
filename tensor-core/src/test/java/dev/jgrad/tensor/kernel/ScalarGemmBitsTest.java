package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scalar float GEMM gives the vector GEMM's bits wherever the vector one runs its packed
 * path: both compute each C element as one fma chain over k in order, from C. So a JVM without
 * the Vector API prints the same digits for those products. (The dot-product tiles that
 * {@link VectorSgemmNT} runs for few outputs on 512-bit vectors add in lanes: skipped here.)
 */
class ScalarGemmBitsTest {
    private static final Kernels VECTOR = new VectorKernels();

    @Test
    void scalarAndVectorProductsAgreeBitForBit() {
        Random r = new Random(17);
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            int m = 1 + r.nextInt(40), n = 1 + r.nextInt(70);
            // Depths past both kernels' K blocks (256 scalar, 384 vector) now and then.
            int k = 1 + (r.nextInt(5) == 0 ? r.nextInt(900) : r.nextInt(60));
            boolean aT = r.nextBoolean(), bT = r.nextBoolean(), cT = r.nextInt(4) == 0, acc = r.nextBoolean();
            int ars = aT ? 1 : k, acs = aT ? m : 1, brs = bT ? 1 : n, bcs = bT ? k : 1;
            int crs = cT ? 1 : n, ccs = cT ? m : 1;
            if (GemmRoute.dotTiles(n, k, acs, brs, VectorSgemmNT.MIN_K)) {
                continue;
            }
            float[] a = random(r, m * k), b = random(r, k * n), c0 = random(r, m * n);
            float[] scalar = c0.clone(), vector = c0.clone();
            ScalarKernels.INSTANCE.gemm(
                    1,
                    m,
                    n,
                    k,
                    new FloatOperand(a, 0, ars, acs),
                    new FloatOperand(b, 0, brs, bcs),
                    new FloatOperand(scalar, 0, crs, ccs),
                    acc);
            VECTOR.gemm(
                    1,
                    m,
                    n,
                    k,
                    new FloatOperand(a, 0, ars, acs),
                    new FloatOperand(b, 0, brs, bcs),
                    new FloatOperand(vector, 0, crs, ccs),
                    acc);
            String shape = describe(m, n, k, aT, bT, cT, acc);
            for (int i = 0; i < m * n; i++) {
                int at = i;
                assertEquals(
                        Float.floatToRawIntBits(vector[i]),
                        Float.floatToRawIntBits(scalar[i]),
                        () -> shape + ": element " + at + " is " + scalar[at] + " scalar, " + vector[at] + " vector");
            }
            checked++;
        }
        assertEquals(true, checked > 200, "only " + checked + " products compared");
    }

    /**
     * float64 likewise, everywhere: its scalar and vector GEMMs are both generated from the float32
     * ones, and float64 has no dot-product tiles.
     */
    @Test
    void scalarAndVectorDoubleProductsAgreeBitForBit() {
        Random r = new Random(18);
        for (int trial = 0; trial < 300; trial++) {
            int m = 1 + r.nextInt(40), n = 1 + r.nextInt(70);
            int k = 1 + (r.nextInt(5) == 0 ? r.nextInt(900) : r.nextInt(60));
            boolean aT = r.nextBoolean(), bT = r.nextBoolean(), cT = r.nextInt(4) == 0, acc = r.nextBoolean();
            int ars = aT ? 1 : k, acs = aT ? m : 1, brs = bT ? 1 : n, bcs = bT ? k : 1;
            int crs = cT ? 1 : n, ccs = cT ? m : 1;
            double[] a = randomDoubles(r, m * k), b = randomDoubles(r, k * n), c0 = randomDoubles(r, m * n);
            double[] scalar = c0.clone(), vector = c0.clone();
            ScalarKernels.INSTANCE.gemm(
                    1,
                    m,
                    n,
                    k,
                    new DoubleOperand(a, 0, ars, acs),
                    new DoubleOperand(b, 0, brs, bcs),
                    new DoubleOperand(scalar, 0, crs, ccs),
                    acc);
            VECTOR.gemm(
                    1,
                    m,
                    n,
                    k,
                    new DoubleOperand(a, 0, ars, acs),
                    new DoubleOperand(b, 0, brs, bcs),
                    new DoubleOperand(vector, 0, crs, ccs),
                    acc);
            String shape = describe(m, n, k, aT, bT, cT, acc);
            for (int i = 0; i < m * n; i++) {
                int at = i;
                assertEquals(
                        Double.doubleToRawLongBits(vector[i]),
                        Double.doubleToRawLongBits(scalar[i]),
                        () -> shape + ": element " + at + " is " + scalar[at] + " scalar, " + vector[at] + " vector");
            }
        }
    }

    private static double[] randomDoubles(Random r, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = r.nextDouble() * 2 - 1;
        }
        return x;
    }

    private static float[] random(Random r, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return x;
    }

    /** The product's shape and layout, for messages: {@code 3 x 5 x 7, A transposed, accumulating}. */
    private static String describe(int m, int n, int k, boolean aT, boolean bT, boolean cT, boolean acc) {
        return m + " x " + n + " x " + k + (aT ? ", A transposed" : "") + (bT ? ", B transposed" : "")
                + (cT ? ", C transposed" : "") + (acc ? ", accumulating" : "");
    }
}
