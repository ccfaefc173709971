package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float sums and dot products on the preferred vector species, accumulated in double: float
 * blocks widened to double. Not generated for float64 with the other reductions (the double ones,
 * {@link VectorDoubleSums}, have nothing to widen); strided inputs use the scalar ones.
 */
final class VectorFloatSums {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /**
     * Elements per block of a sum: each of the 4 x L accumulator lanes adds 8 of them in float,
     * then the block goes to double. Fixed per lane, not per block, so that the rounding does not
     * grow on narrower vectors (a 512-element block on 128-bit vectors added 32 per lane).
     */
    private static final int BLOCK = 32 * L;
    /**
     * Runs shorter than this are added in double lanes only, on any vector width: the float
     * blocks start where they do on 512-bit vectors (4 x 16 lanes), so that short rows round the
     * same way everywhere.
     */
    private static final int FLOAT_BLOCKS_FROM = 64;

    private VectorFloatSums() {}

    static double sum(int n, float[] x, int off, int stride) {
        if (stride != 1) {
            return ScalarFloatReduce.sum(n, x, off, stride);
        }
        int step = 4 * L;
        // Float blocks are widened and added in double outside the Vector API (Lanes.addWidened).
        Lanes.Scratch scratch = Lanes.SCRATCH.get();
        float[] lanes = scratch.lanes;
        double[] total = scratch.acc;
        java.util.Arrays.fill(total, 0, Lanes.DOUBLE_LANES, 0.0);
        int i = 0;
        while (n >= FLOAT_BLOCKS_FROM && n - i >= step) {
            int end = i + Math.min(BLOCK, (n - i) / step * step);
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (; i < end; i += step) {
                a0 = a0.add(FloatVector.fromArray(S, x, off + i));
                a1 = a1.add(FloatVector.fromArray(S, x, off + i + L));
                a2 = a2.add(FloatVector.fromArray(S, x, off + i + 2 * L));
                a3 = a3.add(FloatVector.fromArray(S, x, off + i + 3 * L));
            }
            FloatVector blk = a0.add(a1).add(a2.add(a3));
            blk.intoArray(lanes, 0);
            Lanes.addWidened(lanes, total, 0);
        }
        double rest = 0.0;
        if (n - i >= L) {
            int vectors = (n - i) / L;
            rest = wholeVectorsSum(vectors, x, off + i);
            i += vectors * L;
        }
        for (; i < n; i++) {
            rest += x[off + i];
        }
        return Lanes.foldDoubles(total, 0) + rest;
    }

    /**
     * The whole vectors left after the blocks (all of a short row, as in sum(dim=1)
     * of a narrow matrix), widened to double lanes and added there: as exact as adding them one
     * element at a time in double, which is what the tail did, at a fraction of the latency. A
     * method of its own: inside sum() it made C2 compile the block loop worse.
     */
    private static double wholeVectorsSum(int vectors, float[] x, int off) {
        Lanes.Scratch scratch = Lanes.SCRATCH.get();
        int at = Lanes.DOUBLE_LANES; // the second accumulator: sum() may hold the first
        java.util.Arrays.fill(scratch.acc, at, 2 * at, 0.0);
        for (int v = 0; v < vectors; v++) {
            FloatVector.fromArray(S, x, off + v * L).intoArray(scratch.lanes, 0);
            Lanes.addWidened(scratch.lanes, scratch.acc, at);
        }
        return Lanes.foldDoubles(scratch.acc, at);
    }

    static double dot(int n, float[] x, int xo, int xs, float[] y, int yo, int ys) {
        if (xs != 1 || ys != 1) {
            return ScalarFloatReduce.dot(n, x, xo, xs, y, yo, ys);
        }
        int step = 4 * L;
        // Float blocks are widened and added in double outside the Vector API (Lanes.addWidened).
        Lanes.Scratch scratch = Lanes.SCRATCH.get();
        float[] lanes = scratch.lanes;
        double[] total = scratch.acc;
        java.util.Arrays.fill(total, 0, Lanes.DOUBLE_LANES, 0.0);
        int i = 0;
        while (n - i >= step) {
            int end = i + Math.min(BLOCK, (n - i) / step * step);
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (; i < end; i += step) {
                FloatVector x0 = FloatVector.fromArray(S, x, xo + i);
                FloatVector y0 = FloatVector.fromArray(S, y, yo + i);
                a0 = Fma.FAST ? x0.fma(y0, a0) : x0.mul(y0).add(a0);
                FloatVector x1 = FloatVector.fromArray(S, x, xo + i + L);
                FloatVector y1 = FloatVector.fromArray(S, y, yo + i + L);
                a1 = Fma.FAST ? x1.fma(y1, a1) : x1.mul(y1).add(a1);
                FloatVector x2 = FloatVector.fromArray(S, x, xo + i + 2 * L);
                FloatVector y2 = FloatVector.fromArray(S, y, yo + i + 2 * L);
                a2 = Fma.FAST ? x2.fma(y2, a2) : x2.mul(y2).add(a2);
                FloatVector x3 = FloatVector.fromArray(S, x, xo + i + 3 * L);
                FloatVector y3 = FloatVector.fromArray(S, y, yo + i + 3 * L);
                a3 = Fma.FAST ? x3.fma(y3, a3) : x3.mul(y3).add(a3);
            }
            FloatVector blk = a0.add(a1).add(a2.add(a3));
            blk.intoArray(lanes, 0);
            Lanes.addWidened(lanes, total, 0);
        }
        double tail = 0.0;
        for (; i < n; i++) {
            tail += (double) x[xo + i] * y[yo + i];
        }
        return Lanes.foldDoubles(total, 0) + tail;
    }
}
