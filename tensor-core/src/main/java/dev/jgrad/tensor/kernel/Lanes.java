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
 * <p>Kernels with a double accumulator fold it in place, one guarded line per step:
 * <pre>{@code if (Lanes.DOUBLE_LANES > 16) { v = v.add(v.rearrange(Lanes.DOUBLE_XOR_16)); }
 * ...
 * if (Lanes.DOUBLE_LANES > 2) { v = v.add(v.rearrange(Lanes.DOUBLE_XOR_2)); }
 * double sum = v.lane(0) + v.lane(1); }</pre>
 * Two rules keep these folds from boxing the vector (which costs hundreds of bytes and a slow
 * Java fallback per call; {@code KernelAllocationTest} watches for it):
 * <ul>
 *   <li>No method here takes a vector: a vector passed to a method that C2 does not inline is
 *       boxed, and C2 declines to inline a small method once it has compiled it on its own
 *       ("already compiled into a medium method"). A boxed {@code Lanes.sum(FloatVector)} once
 *       took a quarter of {@code ./jgrad train --model softmax}.</li>
 *   <li>Each shuffle is a constant field, and each step is guarded by a constant, so C2 parses
 *       only the steps this width has, each with a shuffle of known class. A loop over an array
 *       of shuffles sometimes compiled without that knowledge, and the sums then boxed in about
 *       one test run in three; on 128-bit vectors the loop's (empty) body still boxed.</li>
 * </ul>
 */
final class Lanes {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    static final int FLOAT_LANES = FS.length();
    static final int DOUBLE_LANES = DS.length();

    /** Lane i to lane i ^ d, for double vectors with more than d lanes (else null, and unused). */
    static final VectorShuffle<Double> DOUBLE_XOR_16 = xor(DS, 16);

    static final VectorShuffle<Double> DOUBLE_XOR_8 = xor(DS, 8);
    static final VectorShuffle<Double> DOUBLE_XOR_4 = xor(DS, 4);
    static final VectorShuffle<Double> DOUBLE_XOR_2 = xor(DS, 2);
    /** The same for float vectors. */
    private static final VectorShuffle<Float> FLOAT_XOR_32 = xor(FS, 32);

    private static final VectorShuffle<Float> FLOAT_XOR_16 = xor(FS, 16);
    private static final VectorShuffle<Float> FLOAT_XOR_8 = xor(FS, 8);
    private static final VectorShuffle<Float> FLOAT_XOR_4 = xor(FS, 4);
    private static final VectorShuffle<Float> FLOAT_XOR_2 = xor(FS, 2);

    static {
        // The Vector API's widest shape is 2048 bits: 64 float lanes, which the steps above cover.
        if (FLOAT_LANES > 64) {
            throw new IllegalStateException(FLOAT_LANES + " float lanes: Lanes folds at most 64");
        }
    }

    private Lanes() {}

    /**
     * sums[q] = the lane sum of the vector at rows[q * L], for q in [0, count): kernels with
     * many accumulators store them here and sum them all in one call.
     */
    static void sumRows(float[] rows, int count, float[] sums) {
        for (int q = 0; q < count; q++) {
            FloatVector v = FloatVector.fromArray(FS, rows, q * FLOAT_LANES);
            if (FLOAT_LANES > 32) {
                v = v.add(v.rearrange(FLOAT_XOR_32));
            }
            if (FLOAT_LANES > 16) {
                v = v.add(v.rearrange(FLOAT_XOR_16));
            }
            if (FLOAT_LANES > 8) {
                v = v.add(v.rearrange(FLOAT_XOR_8));
            }
            if (FLOAT_LANES > 4) {
                v = v.add(v.rearrange(FLOAT_XOR_4));
            }
            if (FLOAT_LANES > 2) {
                v = v.add(v.rearrange(FLOAT_XOR_2));
            }
            sums[q] = v.lane(0) + v.lane(1);
        }
    }

    /** Per thread: room for a float vector's lanes, and for two accumulators of double lanes. */
    static final class Scratch {
        final float[] lanes = new float[FLOAT_LANES];
        final double[] acc = new double[2 * DOUBLE_LANES];
    }

    static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * acc[at + d] = (acc[at + d] + lanes[d]) + lanes[d + H] in double, for d in [0, H), H =
     * FLOAT_LANES / 2: the bits of adding a float vector's lower and upper halves, widened, to a
     * vector of {@link #DOUBLE_LANES} doubles, as the float sums once did with
     * {@code convertShape(F2D)}. In plain Java because JDK 17's C2 left that conversion
     * unintrinsified in some full test runs, by compile order, so that the float sum boxed its
     * vectors (1.8 KB a call); the sums call this once per block of {@code 32 L} elements.
     */
    static void addWidened(float[] lanes, double[] acc, int at) {
        int h = FLOAT_LANES / 2;
        for (int d = 0; d < h; d++) {
            acc[at + d] = (acc[at + d] + lanes[d]) + lanes[d + h];
        }
    }

    /**
     * The sum of the {@link #DOUBLE_LANES} lanes at acc[at] in the butterfly order of the vector
     * folds: lane i plus lane i ^ L/2, down to ^ 2, then lane 0 + lane 1. After a step the upper
     * half equals the lower (addition commutes bit for bit), so each step halves in place.
     */
    static double foldDoubles(double[] acc, int at) {
        for (int s = DOUBLE_LANES / 2; s >= 2; s /= 2) {
            for (int d = 0; d < s; d++) {
                acc[at + d] = acc[at + d] + acc[at + d + s];
            }
        }
        return acc[at] + acc[at + 1];
    }

    /** The shuffle taking lane i to lane i ^ d, or null where the species has d lanes or fewer. */
    private static <E> VectorShuffle<E> xor(VectorSpecies<E> species, int d) {
        return species.length() > d ? VectorShuffle.fromOp(species, i -> i ^ d) : null;
    }
}
