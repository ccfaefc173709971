package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sums of a vector's lanes in one fixed order. {@code reduceLanes(ADD)} may not be used for
 * floating point: on JDK 25 its compiled form adds the lanes as a tree while the interpreter
 * adds them in sequence, so a result would depend on whether the JIT had compiled the caller
 * yet. Here each step adds the vector to a lane permutation of itself (a butterfly), and a
 * permutation moves values without rounding, so every mode gives the same bits.
 */
final class Lanes {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorShuffle<Float>[] FLOAT_STEPS = steps(FS);
    private static final VectorShuffle<Double>[] DOUBLE_STEPS = steps(DS);

    private Lanes() {}

    /** The sum of the lanes: lane i plus lane i ^ L/2, then ^ L/4, down to ^ 1; lane 0 holds the total. */
    static float sum(FloatVector v) {
        for (VectorShuffle<Float> step : FLOAT_STEPS) {
            v = v.add(v.rearrange(step));
        }
        return v.lane(0);
    }

    /**
     * sums[q] = the lane sum of the vector at rows[q * L], for q in [0, count). Callers store their
     * accumulators here and sum them in this small method: called once per vector from a large
     * kernel, {@link #sum(FloatVector)} may not be inlined, and a vector passed to a call that
     * is not inlined is boxed and summed by the Vector API's slow Java fallback.
     */
    static void sumRows(float[] rows, int count, float[] sums) {
        int lanes = FS.length();
        for (int q = 0; q < count; q++) {
            sums[q] = sum(FloatVector.fromArray(FS, rows, q * lanes));
        }
    }

    static double sum(DoubleVector v) {
        for (VectorShuffle<Double> step : DOUBLE_STEPS) {
            v = v.add(v.rearrange(step));
        }
        return v.lane(0);
    }

    @SuppressWarnings("unchecked")
    private static <E> VectorShuffle<E>[] steps(VectorSpecies<E> species) {
        int lanes = species.length();
        VectorShuffle<E>[] steps = new VectorShuffle[Integer.numberOfTrailingZeros(lanes)];
        for (int s = 0, d = lanes / 2; d >= 1; s++, d /= 2) {
            int partner = d;
            steps[s] = VectorShuffle.fromOp(species, i -> i ^ partner);
        }
        return steps;
    }
}
