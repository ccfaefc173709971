package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** float reductions on the preferred vector species; strided inputs use the scalar ones. */
final class VectorFloatReduce {
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
    /** Elements per block of argmax/argmin: small enough to be scanned again from L1. */
    private static final int ARG_BLOCK = 4096;

    private VectorFloatReduce() {}

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

    static float max(int n, float[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L) {
            return ScalarFloatReduce.max(n, x, off, stride);
        }
        // Compare-and-blend is twice as fast as lanewise MAX (which follows Math.max's
        // -0.0 rules) but never lets NaN in. A running sum notices NaN instead (cheaper than
        // or-ing masks); when it turns NaN, from a NaN or from +inf meeting -inf, the exact
        // scalar scan decides.
        FloatVector m0 = FloatVector.fromArray(S, x, off);
        FloatVector m1 = m0, m2 = m0, m3 = m0;
        FloatVector z0 = FloatVector.zero(S), z1 = z0;
        int bound = n - n % (4 * L);
        for (int i = 0; i < bound; i += 4 * L) {
            FloatVector v0 = FloatVector.fromArray(S, x, off + i);
            FloatVector v1 = FloatVector.fromArray(S, x, off + i + L);
            FloatVector v2 = FloatVector.fromArray(S, x, off + i + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, x, off + i + 3 * L);
            m0 = m0.blend(v0, v0.compare(VectorOperators.GT, m0));
            m1 = m1.blend(v1, v1.compare(VectorOperators.GT, m1));
            m2 = m2.blend(v2, v2.compare(VectorOperators.GT, m2));
            m3 = m3.blend(v3, v3.compare(VectorOperators.GT, m3));
            z0 = z0.add(v0.add(v1));
            z1 = z1.add(v2.add(v3));
        }
        FloatVector z = z0.add(z1);
        if (z.compare(VectorOperators.NE, z).anyTrue()) {
            return ScalarFloatReduce.max(n, x, off, 1);
        }
        float m = m0.lanewise(VectorOperators.MAX, m1)
                .lanewise(VectorOperators.MAX, m2.lanewise(VectorOperators.MAX, m3))
                .reduceLanes(VectorOperators.MAX);
        if (m == 0f) {
            // Lanes keep their first zero but the lane reduction prefers one sign: the scalar scan
            // returns the first zero's sign, as the scalar kernel does.
            return ScalarFloatReduce.max(n, x, off, 1);
        }
        if (bound < n) {
            float t = ScalarFloatReduce.max(n - bound, x, off + bound, 1);
            if (t != t || t > m) {
                return t;
            }
        }
        return m;
    }

    static float min(int n, float[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L) {
            return ScalarFloatReduce.min(n, x, off, stride);
        }
        // Compare-and-blend is twice as fast as lanewise MIN (which follows Math.min's
        // -0.0 rules) but never lets NaN in. A running sum notices NaN instead (cheaper than
        // or-ing masks); when it turns NaN, from a NaN or from +inf meeting -inf, the exact
        // scalar scan decides.
        FloatVector m0 = FloatVector.fromArray(S, x, off);
        FloatVector m1 = m0, m2 = m0, m3 = m0;
        FloatVector z0 = FloatVector.zero(S), z1 = z0;
        int bound = n - n % (4 * L);
        for (int i = 0; i < bound; i += 4 * L) {
            FloatVector v0 = FloatVector.fromArray(S, x, off + i);
            FloatVector v1 = FloatVector.fromArray(S, x, off + i + L);
            FloatVector v2 = FloatVector.fromArray(S, x, off + i + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, x, off + i + 3 * L);
            m0 = m0.blend(v0, v0.compare(VectorOperators.LT, m0));
            m1 = m1.blend(v1, v1.compare(VectorOperators.LT, m1));
            m2 = m2.blend(v2, v2.compare(VectorOperators.LT, m2));
            m3 = m3.blend(v3, v3.compare(VectorOperators.LT, m3));
            z0 = z0.add(v0.add(v1));
            z1 = z1.add(v2.add(v3));
        }
        FloatVector z = z0.add(z1);
        if (z.compare(VectorOperators.NE, z).anyTrue()) {
            return ScalarFloatReduce.min(n, x, off, 1);
        }
        float m = m0.lanewise(VectorOperators.MIN, m1)
                .lanewise(VectorOperators.MIN, m2.lanewise(VectorOperators.MIN, m3))
                .reduceLanes(VectorOperators.MIN);
        if (m == 0f) {
            // Lanes keep their first zero but the lane reduction prefers one sign: the scalar scan
            // returns the first zero's sign, as the scalar kernel does.
            return ScalarFloatReduce.min(n, x, off, 1);
        }
        if (bound < n) {
            float t = ScalarFloatReduce.min(n - bound, x, off + bound, 1);
            if (t != t || t < m) {
                return t;
            }
        }
        return m;
    }

    static int argmax(int n, float[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L) {
            return ScalarFloatReduce.argmax(n, x, off, stride);
        }
        // Block by block, each block's lanewise max (compare-and-blend, with a running sum that
        // turns NaN when a NaN is in the block); only when some lane beats the best so far, the
        // block's max, and the block is remembered; the first index of the overall max is looked
        // up once, in the first block that holds it. A NaN ends the search at its index.
        int body = n - n % (4 * L);
        int bestBlock = -1;
        float bestValue = 0f;
        for (int start = 0; start < body; start += ARG_BLOCK) {
            int len = Math.min(ARG_BLOCK, body - start);
            int p = off + start;
            FloatVector m0 = FloatVector.fromArray(S, x, p);
            FloatVector m1 = m0, m2 = m0, m3 = m0;
            FloatVector z0 = FloatVector.zero(S), z1 = z0;
            for (int i = 0; i < len; i += 4 * L) {
                FloatVector v0 = FloatVector.fromArray(S, x, p + i);
                FloatVector v1 = FloatVector.fromArray(S, x, p + i + L);
                FloatVector v2 = FloatVector.fromArray(S, x, p + i + 2 * L);
                FloatVector v3 = FloatVector.fromArray(S, x, p + i + 3 * L);
                m0 = m0.blend(v0, v0.compare(VectorOperators.GT, m0));
                m1 = m1.blend(v1, v1.compare(VectorOperators.GT, m1));
                m2 = m2.blend(v2, v2.compare(VectorOperators.GT, m2));
                m3 = m3.blend(v3, v3.compare(VectorOperators.GT, m3));
                z0 = z0.add(v0.add(v1));
                z1 = z1.add(v2.add(v3));
            }
            FloatVector z = z0.add(z1);
            if (z.compare(VectorOperators.NE, z).anyTrue()) {
                int nan = firstNaN(len, x, p);
                if (nan >= 0) {
                    return start + nan;
                }
            }
            m0 = m0.blend(m1, m1.compare(VectorOperators.GT, m0));
            m2 = m2.blend(m3, m3.compare(VectorOperators.GT, m2));
            m0 = m0.blend(m2, m2.compare(VectorOperators.GT, m0));
            if (bestBlock < 0 || m0.compare(VectorOperators.GT, bestValue).anyTrue()) {
                bestValue = m0.reduceLanes(VectorOperators.MAX);
                bestBlock = start;
            }
        }
        int best = bestBlock + indexOf(bestValue, Math.min(ARG_BLOCK, body - bestBlock), x, off + bestBlock);
        if (body < n) {
            int t = ScalarFloatReduce.argmax(n - body, x, off + body, 1);
            float v = x[off + body + t];
            if (v != v || v > bestValue) {
                return body + t;
            }
        }
        return best;
    }

    static int argmin(int n, float[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L) {
            return ScalarFloatReduce.argmin(n, x, off, stride);
        }
        // As argmax, with the comparisons turned around.
        int body = n - n % (4 * L);
        int bestBlock = -1;
        float bestValue = 0f;
        for (int start = 0; start < body; start += ARG_BLOCK) {
            int len = Math.min(ARG_BLOCK, body - start);
            int p = off + start;
            FloatVector m0 = FloatVector.fromArray(S, x, p);
            FloatVector m1 = m0, m2 = m0, m3 = m0;
            FloatVector z0 = FloatVector.zero(S), z1 = z0;
            for (int i = 0; i < len; i += 4 * L) {
                FloatVector v0 = FloatVector.fromArray(S, x, p + i);
                FloatVector v1 = FloatVector.fromArray(S, x, p + i + L);
                FloatVector v2 = FloatVector.fromArray(S, x, p + i + 2 * L);
                FloatVector v3 = FloatVector.fromArray(S, x, p + i + 3 * L);
                m0 = m0.blend(v0, v0.compare(VectorOperators.LT, m0));
                m1 = m1.blend(v1, v1.compare(VectorOperators.LT, m1));
                m2 = m2.blend(v2, v2.compare(VectorOperators.LT, m2));
                m3 = m3.blend(v3, v3.compare(VectorOperators.LT, m3));
                z0 = z0.add(v0.add(v1));
                z1 = z1.add(v2.add(v3));
            }
            FloatVector z = z0.add(z1);
            if (z.compare(VectorOperators.NE, z).anyTrue()) {
                int nan = firstNaN(len, x, p);
                if (nan >= 0) {
                    return start + nan;
                }
            }
            m0 = m0.blend(m1, m1.compare(VectorOperators.LT, m0));
            m2 = m2.blend(m3, m3.compare(VectorOperators.LT, m2));
            m0 = m0.blend(m2, m2.compare(VectorOperators.LT, m0));
            if (bestBlock < 0 || m0.compare(VectorOperators.LT, bestValue).anyTrue()) {
                bestValue = m0.reduceLanes(VectorOperators.MIN);
                bestBlock = start;
            }
        }
        int best = bestBlock + indexOf(bestValue, Math.min(ARG_BLOCK, body - bestBlock), x, off + bestBlock);
        if (body < n) {
            int t = ScalarFloatReduce.argmin(n - body, x, off + body, 1);
            float v = x[off + body + t];
            if (v != v || v < bestValue) {
                return body + t;
            }
        }
        return best;
    }

    private static int indexOf(float value, int n, float[] x, int off) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            VectorMask<Float> hit = FloatVector.fromArray(S, x, off + i).compare(VectorOperators.EQ, value);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (int i = bound; i < n; i++) {
            if (x[off + i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("value " + value + " not found in the block it came from");
    }

    /** Index of the first NaN, or -1 (a running sum also turns NaN when +inf meets -inf). */
    private static int firstNaN(int n, float[] x, int off) {
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            if (v != v) {
                return i;
            }
        }
        return -1;
    }

    static void columnSums(
            int rows, int cols, float[] x, int off, int rowStride, float[] out, int oo, boolean accumulate) {
        int j = 0;
        for (; j + 4 * L <= cols; j += 4 * L) {
            FloatVector a0, a1, a2, a3;
            if (accumulate) {
                a0 = FloatVector.fromArray(S, out, oo + j);
                a1 = FloatVector.fromArray(S, out, oo + j + L);
                a2 = FloatVector.fromArray(S, out, oo + j + 2 * L);
                a3 = FloatVector.fromArray(S, out, oo + j + 3 * L);
            } else {
                a0 = FloatVector.zero(S);
                a1 = a0;
                a2 = a0;
                a3 = a0;
            }
            for (int i = 0; i < rows; i++) {
                int p = off + i * rowStride + j;
                a0 = a0.add(FloatVector.fromArray(S, x, p));
                a1 = a1.add(FloatVector.fromArray(S, x, p + L));
                a2 = a2.add(FloatVector.fromArray(S, x, p + 2 * L));
                a3 = a3.add(FloatVector.fromArray(S, x, p + 3 * L));
            }
            a0.intoArray(out, oo + j);
            a1.intoArray(out, oo + j + L);
            a2.intoArray(out, oo + j + 2 * L);
            a3.intoArray(out, oo + j + 3 * L);
        }
        for (; j + L <= cols; j += L) {
            FloatVector a = accumulate ? FloatVector.fromArray(S, out, oo + j) : FloatVector.zero(S);
            for (int i = 0; i < rows; i++) {
                a = a.add(FloatVector.fromArray(S, x, off + i * rowStride + j));
            }
            a.intoArray(out, oo + j);
        }
        if (j < cols) {
            ScalarFloatReduce.columnSums(rows, cols - j, x, off + j, rowStride, out, oo + j, accumulate);
        }
    }
}
