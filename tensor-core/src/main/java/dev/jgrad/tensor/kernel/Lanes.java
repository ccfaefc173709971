package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sums of a vector's lanes in one fixed order. {@code reduceLanes(ADD)} may not be used for
 * floating point: on JDK 25 its compiled form adds the lanes as a tree while the interpreter
 * adds them in sequence, so a result would depend on whether the JIT had compiled the caller
 * yet. Instead each step adds the vector to a lane permutation of itself (a butterfly: lane i
 * plus lane i ^ L/2, then ^ L/4, down to ^ 1; lane 0 holds the total), and a permutation moves
 * values without rounding, so every mode gives the same bits.
 *
 * <p>Kernels with a double accumulator fold it in place with {@link #DOUBLE_STEPS}:
 * <pre>{@code for (VectorShuffle<Double> fold : Lanes.DOUBLE_STEPS) { v = v.add(v.rearrange(fold)); }
 * double sum = v.lane(0) + v.lane(1); }</pre>
 * There is deliberately no {@code sum(FloatVector)}: a vector passed to a method that C2 does
 * not inline is boxed, and C2 declines to inline a small method once it has compiled it on its
 * own ("already compiled into a medium method"). That happened to the forward pass of
 * {@code ./jgrad train --model softmax}, where a quarter of the time went to boxed lane sums.
 * Methods here take arrays, so no vector crosses a call.
 */
final class Lanes {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** The butterfly's permutations for float vectors of the preferred species, widest first. */
    private static final VectorShuffle<Float>[] FLOAT_STEPS = steps(FS, 0);
    /**
     * The same for double vectors, but for the last step: callers finish with
     * {@code v.lane(0) + v.lane(1)}, which is lane 0 of that step. A rearrange of a two-lane double
     * vector is not intrinsified on 128-bit x86 vectors and boxes (seen with -XX:MaxVectorSize=16).
     */
    static final VectorShuffle<Double>[] DOUBLE_STEPS = steps(DS, 1);

    private Lanes() {}

    /**
     * sums[q] = the lane sum of the vector at rows[q * L], for q in [0, count): kernels with
     * many accumulators store them here and sum them all in one call.
     */
    static void sumRows(float[] rows, int count, float[] sums) {
        int lanes = FS.length();
        for (int q = 0; q < count; q++) {
            FloatVector v = FloatVector.fromArray(FS, rows, q * lanes);
            for (VectorShuffle<Float> step : FLOAT_STEPS) {
                v = v.add(v.rearrange(step));
            }
            sums[q] = v.lane(0);
        }
    }

    /** The butterfly's permutations, widest first, without the last {@code leftOut} of them. */
    @SuppressWarnings("unchecked")
    private static <E> VectorShuffle<E>[] steps(VectorSpecies<E> species, int leftOut) {
        int lanes = species.length();
        VectorShuffle<E>[] steps = new VectorShuffle[Integer.numberOfTrailingZeros(lanes) - leftOut];
        for (int s = 0, d = lanes / 2; s < steps.length; s++, d /= 2) {
            int partner = d;
            steps[s] = VectorShuffle.fromOp(species, i -> i ^ partner);
        }
        return steps;
    }
}
