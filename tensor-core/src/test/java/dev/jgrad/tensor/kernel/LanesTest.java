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
        float sink = 0;
        for (int round = 0; round < 3; round++) {
            for (float[] x : inputs) {
                float got = Lanes.sum(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0));
                assertEquals(Float.floatToIntBits(butterfly(x)), Float.floatToIntBits(got), "round " + round);
            }
            // Enough calls between rounds for the JIT to compile Lanes.sum.
            for (int i = 0; i < 30_000; i++) {
                sink += Lanes.sum(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, inputs[i & 63], 0));
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

    @Test
    void doubleLaneSumFollowsTheButterflyOrder() {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        Random r = new Random(4);
        for (int t = 0; t < 2000; t++) {
            double[] x = new double[lanes];
            for (int i = 0; i < lanes; i++) {
                x[i] = r.nextGaussian() * Math.pow(10, r.nextInt(17));
            }
            double[] y = x.clone();
            for (int d = lanes / 2; d >= 1; d /= 2) {
                double[] next = new double[lanes];
                for (int i = 0; i < lanes; i++) {
                    next[i] = y[i] + y[i ^ d];
                }
                y = next;
            }
            assertEquals(Double.doubleToLongBits(y[0]),
                    Double.doubleToLongBits(Lanes.sum(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, 0))));
        }
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
