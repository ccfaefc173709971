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
            Layout p = Layout.random(r);
            if (GemmRoute.dotTiles(p.n, p.k, p.acs(), p.brs(), VectorSgemmNT.MIN_K)) {
                continue;
            }
            float[] a = random(r, p.m * p.k), b = random(r, p.k * p.n), c0 = random(r, p.m * p.n);
            ScalarVsVector.assertSameBits(
                    p.product(ScalarKernels.INSTANCE, a, b, c0), p.product(VECTOR, a, b, c0), p.toString());
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
            Layout p = Layout.random(r);
            double[] a = randomDoubles(r, p.m * p.k), b = randomDoubles(r, p.k * p.n), c0 = randomDoubles(r, p.m * p.n);
            ScalarVsVector.assertSameBits(
                    p.product(ScalarKernels.INSTANCE, a, b, c0), p.product(VECTOR, a, b, c0), p.toString());
        }
    }

    /**
     * One random m x n x k product, each of A, B and C row-major or transposed, overwriting C or
     * adding to it. Depths past both kernels' K blocks (256 scalar, 384 vector) come now and then.
     */
    private record Layout(int m, int n, int k, boolean aT, boolean bT, boolean cT, boolean acc) {
        static Layout random(Random r) {
            int m = 1 + r.nextInt(40), n = 1 + r.nextInt(70);
            int k = 1 + (r.nextInt(5) == 0 ? r.nextInt(900) : r.nextInt(60));
            return new Layout(m, n, k, r.nextBoolean(), r.nextBoolean(), r.nextInt(4) == 0, r.nextBoolean());
        }

        int ars() {
            return aT ? 1 : k;
        }

        int acs() {
            return aT ? m : 1;
        }

        int brs() {
            return bT ? 1 : n;
        }

        int bcs() {
            return bT ? k : 1;
        }

        int crs() {
            return cT ? 1 : n;
        }

        int ccs() {
            return cT ? m : 1;
        }

        /** C computed by {@code kern} from a copy of c0. */
        float[] product(Kernels kern, float[] a, float[] b, float[] c0) {
            float[] c = c0.clone();
            FloatOperand ao = new FloatOperand(a, 0, ars(), acs()), bo = new FloatOperand(b, 0, brs(), bcs());
            kern.gemm(1, m, n, k, ao, bo, new FloatOperand(c, 0, crs(), ccs()), acc);
            return c;
        }

        /** The float64 {@link #product(Kernels, float[], float[], float[])}. */
        double[] product(Kernels kern, double[] a, double[] b, double[] c0) {
            double[] c = c0.clone();
            DoubleOperand ao = new DoubleOperand(a, 0, ars(), acs()), bo = new DoubleOperand(b, 0, brs(), bcs());
            kern.gemm(1, m, n, k, ao, bo, new DoubleOperand(c, 0, crs(), ccs()), acc);
            return c;
        }

        /** The product's shape and layout, for messages: {@code 3 x 5 x 7, A transposed, accumulating}. */
        @Override
        public String toString() {
            return m + " x " + n + " x " + k + (aT ? ", A transposed" : "") + (bT ? ", B transposed" : "")
                    + (cT ? ", C transposed" : "") + (acc ? ", accumulating" : "");
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
}
