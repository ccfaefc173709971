package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** Lane sums follow one documented order, in the interpreter and once compiled alike. */
class LanesTest {

    @Test
    void floatLaneSumFollowsTheButterflyOrderColdAndCompiled() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        float[][] inputs = new float[64][lanes];
        Random r = new Random(3);
        for (float[] x : inputs) {
            for (int i = 0; i < lanes; i++) {
                x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(9)));
            }
        }
        float[] sum = new float[1];
        float sink = 0;
        for (int round = 0; round < 3; round++) {
            for (float[] x : inputs) {
                Lanes.sumRows(x, 1, sum);
                assertEquals(Float.floatToIntBits(butterfly(x)), Float.floatToIntBits(sum[0]), "round " + round);
            }
            // Enough calls between rounds for the JIT to compile Lanes.sumRows.
            for (int i = 0; i < 30_000; i++) {
                Lanes.sumRows(inputs[i & 63], 1, sum);
                sink += sum[0];
            }
        }
        assertEquals(sink, sink);
    }

    @Test
    void rowSumsFollowTheButterflyOrderColdAndCompiled() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        Random r = new Random(8);
        float[] rows = new float[16 * lanes];
        float[] sums = new float[16];
        for (int t = 0; t < 3000; t++) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(9)));
            }
            int count = 1 + r.nextInt(16);
            Lanes.sumRows(rows, count, sums);
            for (int q = 0; q < count; q++) {
                float want = butterfly(java.util.Arrays.copyOfRange(rows, q * lanes, (q + 1) * lanes));
                assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(sums[q]), "trial " + t + " row " + q);
            }
        }
    }

    /**
     * A double sum of 4 L elements is one block of four accumulators, (a0 + a1) + (a2 + a3),
     * added to zero and folded in the butterfly order: cold and once compiled.
     */
    @Test
    void doubleReductionsFoldTheirLanesInTheButterflyOrder() {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        Random r = new Random(4);
        double sink = 0;
        for (int t = 0; t < 40_000; t++) {
            double[] x = new double[4 * lanes];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian() * Math.pow(10, r.nextInt(17));
            }
            double got = VectorDoubleSums.sum(x.length, x, 0, 1);
            if (t % 1000 == 0) {
                double[] y = new double[lanes];
                for (int i = 0; i < lanes; i++) {
                    y[i] = 0.0 + ((x[i] + x[i + lanes]) + (x[i + 2 * lanes] + x[i + 3 * lanes]));
                }
                for (int d = lanes / 2; d >= 1; d /= 2) {
                    double[] next = new double[lanes];
                    for (int i = 0; i < lanes; i++) {
                        next[i] = y[i] + y[i ^ d];
                    }
                    y = next;
                }
                assertEquals(Double.doubleToLongBits(y[0] + 0.0), Double.doubleToLongBits(got), "trial " + t);
            }
            sink += got;
        }
        assertEquals(sink, sink);
    }

    /** lane i += lane i ^ d for d = L/2 down to 1, in float arithmetic; lane 0 at the end. */
    private static float butterfly(float[] x) {
        float[] y = x.clone();
        for (int d = y.length / 2; d >= 1; d /= 2) {
            float[] next = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                next[i] = y[i] + y[i ^ d];
            }
            y = next;
        }
        return y[0];
    }
}
