package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** double reductions on the preferred vector species; strided inputs use the scalar ones. */
final class VectorDoubleReduce {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Elements per block of a sum: 4 x L lanes add BLOCK / (4 L) elements each, then the block goes to double. */
    private static final int BLOCK = 512;
    /** Elements per block of argmax/argmin: small enough to be scanned again from L1. */
    private static final int ARG_BLOCK = 4096;
    /**
     * Whether lane comparisons of double vectors run as vector instructions. On 128-bit x86
     * vectors (two double lanes) C2 does not intrinsify {@code compare}, with or without
     * AVX-512, and the Vector API's fallback boxes: a max over 1,000 doubles allocated 68 KB. With
     * two lanes the scalar loops lose little, so max, min, argmax, argmin and ReLU use them there.
     */
    static final boolean VECTOR_COMPARE = L > 2;

    private VectorDoubleReduce() {}

    static double sum(int n, double[] x, int off, int stride) {
        if (stride != 1) {
            return ScalarDoubleReduce.sum(n, x, off, stride);
        }
        int step = 4 * L;
        DoubleVector total = DoubleVector.zero(D);
        int i = 0;
        while (n - i >= step) {
            int end = i + Math.min(BLOCK, (n - i) / step * step);
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (; i < end; i += step) {
                a0 = a0.add(DoubleVector.fromArray(S, x, off + i));
                a1 = a1.add(DoubleVector.fromArray(S, x, off + i + L));
                a2 = a2.add(DoubleVector.fromArray(S, x, off + i + 2 * L));
                a3 = a3.add(DoubleVector.fromArray(S, x, off + i + 3 * L));
            }
            DoubleVector blk = a0.add(a1).add(a2.add(a3));
            total = total.add(blk);
        }
        double tail = 0.0;
        for (; i < n; i++) {
            tail += x[off + i];
        }
        if (Lanes.DOUBLE_LANES > 16) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_16));
        }
        if (Lanes.DOUBLE_LANES > 8) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_8));
        }
        if (Lanes.DOUBLE_LANES > 4) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_4));
        }
        if (Lanes.DOUBLE_LANES > 2) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_2));
        }
        return total.lane(0) + total.lane(1) + tail;
    }

    static double dot(int n, double[] x, int xo, int xs, double[] y, int yo, int ys) {
        if (xs != 1 || ys != 1) {
            return ScalarDoubleReduce.dot(n, x, xo, xs, y, yo, ys);
        }
        int step = 4 * L;
        DoubleVector total = DoubleVector.zero(D);
        int i = 0;
        while (n - i >= step) {
            int end = i + Math.min(BLOCK, (n - i) / step * step);
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (; i < end; i += step) {
                DoubleVector x0 = DoubleVector.fromArray(S, x, xo + i);
                DoubleVector y0 = DoubleVector.fromArray(S, y, yo + i);
                a0 = Fma.FAST ? x0.fma(y0, a0) : x0.mul(y0).add(a0);
                DoubleVector x1 = DoubleVector.fromArray(S, x, xo + i + L);
                DoubleVector y1 = DoubleVector.fromArray(S, y, yo + i + L);
                a1 = Fma.FAST ? x1.fma(y1, a1) : x1.mul(y1).add(a1);
                DoubleVector x2 = DoubleVector.fromArray(S, x, xo + i + 2 * L);
                DoubleVector y2 = DoubleVector.fromArray(S, y, yo + i + 2 * L);
                a2 = Fma.FAST ? x2.fma(y2, a2) : x2.mul(y2).add(a2);
                DoubleVector x3 = DoubleVector.fromArray(S, x, xo + i + 3 * L);
                DoubleVector y3 = DoubleVector.fromArray(S, y, yo + i + 3 * L);
                a3 = Fma.FAST ? x3.fma(y3, a3) : x3.mul(y3).add(a3);
            }
            DoubleVector blk = a0.add(a1).add(a2.add(a3));
            total = total.add(blk);
        }
        double tail = 0.0;
        for (; i < n; i++) {
            tail += x[xo + i] * y[yo + i];
        }
        if (Lanes.DOUBLE_LANES > 16) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_16));
        }
        if (Lanes.DOUBLE_LANES > 8) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_8));
        }
        if (Lanes.DOUBLE_LANES > 4) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_4));
        }
        if (Lanes.DOUBLE_LANES > 2) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_2));
        }
        return total.lane(0) + total.lane(1) + tail;
    }

    static double max(int n, double[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L || !VECTOR_COMPARE) {
            return ScalarDoubleReduce.max(n, x, off, stride);
        }
        // Compare-and-blend is twice as fast as lanewise MAX (which follows Math.max's
        // -0.0 rules) but never lets NaN in. A running sum notices NaN instead (cheaper than
        // or-ing masks); when it turns NaN, from a NaN or from +inf meeting -inf, the exact
        // scalar scan decides.
        DoubleVector m0 = DoubleVector.fromArray(S, x, off);
        DoubleVector m1 = m0, m2 = m0, m3 = m0;
        DoubleVector z0 = DoubleVector.zero(S), z1 = z0;
        int bound = n - n % (4 * L);
        for (int i = 0; i < bound; i += 4 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(S, x, off + i + L);
            DoubleVector v2 = DoubleVector.fromArray(S, x, off + i + 2 * L);
            DoubleVector v3 = DoubleVector.fromArray(S, x, off + i + 3 * L);
            m0 = m0.blend(v0, v0.compare(VectorOperators.GT, m0));
            m1 = m1.blend(v1, v1.compare(VectorOperators.GT, m1));
            m2 = m2.blend(v2, v2.compare(VectorOperators.GT, m2));
            m3 = m3.blend(v3, v3.compare(VectorOperators.GT, m3));
            z0 = z0.add(v0.add(v1));
            z1 = z1.add(v2.add(v3));
        }
        DoubleVector z = z0.add(z1);
        if (z.compare(VectorOperators.NE, z).anyTrue()) {
            return ScalarDoubleReduce.max(n, x, off, 1);
        }
        double m = m0.lanewise(VectorOperators.MAX, m1)
                .lanewise(VectorOperators.MAX, m2.lanewise(VectorOperators.MAX, m3))
                .reduceLanes(VectorOperators.MAX);
        if (m == 0.0) {
            // Lanes keep their first zero but the lane reduction prefers one sign: the scalar scan
            // returns the first zero's sign, as the scalar kernel does.
            return ScalarDoubleReduce.max(n, x, off, 1);
        }
        if (bound < n) {
            double t = ScalarDoubleReduce.max(n - bound, x, off + bound, 1);
            if (t != t || t > m) {
                return t;
            }
        }
        return m;
    }

    static double min(int n, double[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L || !VECTOR_COMPARE) {
            return ScalarDoubleReduce.min(n, x, off, stride);
        }
        // Compare-and-blend is twice as fast as lanewise MIN (which follows Math.min's
        // -0.0 rules) but never lets NaN in. A running sum notices NaN instead (cheaper than
        // or-ing masks); when it turns NaN, from a NaN or from +inf meeting -inf, the exact
        // scalar scan decides.
        DoubleVector m0 = DoubleVector.fromArray(S, x, off);
        DoubleVector m1 = m0, m2 = m0, m3 = m0;
        DoubleVector z0 = DoubleVector.zero(S), z1 = z0;
        int bound = n - n % (4 * L);
        for (int i = 0; i < bound; i += 4 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(S, x, off + i + L);
            DoubleVector v2 = DoubleVector.fromArray(S, x, off + i + 2 * L);
            DoubleVector v3 = DoubleVector.fromArray(S, x, off + i + 3 * L);
            m0 = m0.blend(v0, v0.compare(VectorOperators.LT, m0));
            m1 = m1.blend(v1, v1.compare(VectorOperators.LT, m1));
            m2 = m2.blend(v2, v2.compare(VectorOperators.LT, m2));
            m3 = m3.blend(v3, v3.compare(VectorOperators.LT, m3));
            z0 = z0.add(v0.add(v1));
            z1 = z1.add(v2.add(v3));
        }
        DoubleVector z = z0.add(z1);
        if (z.compare(VectorOperators.NE, z).anyTrue()) {
            return ScalarDoubleReduce.min(n, x, off, 1);
        }
        double m = m0.lanewise(VectorOperators.MIN, m1)
                .lanewise(VectorOperators.MIN, m2.lanewise(VectorOperators.MIN, m3))
                .reduceLanes(VectorOperators.MIN);
        if (m == 0.0) {
            // Lanes keep their first zero but the lane reduction prefers one sign: the scalar scan
            // returns the first zero's sign, as the scalar kernel does.
            return ScalarDoubleReduce.min(n, x, off, 1);
        }
        if (bound < n) {
            double t = ScalarDoubleReduce.min(n - bound, x, off + bound, 1);
            if (t != t || t < m) {
                return t;
            }
        }
        return m;
    }

    static int argmax(int n, double[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L || !VECTOR_COMPARE) {
            return ScalarDoubleReduce.argmax(n, x, off, stride);
        }
        // Block by block: the block's max (fast), then, only when it beats the best so far, the
        // first index where it occurs. A NaN ends the search at its first index.
        int best = -1;
        double bestValue = 0.0;
        for (int start = 0; start < n; start += ARG_BLOCK) {
            int len = Math.min(ARG_BLOCK, n - start);
            double m = max(len, x, off + start, 1);
            if (m != m) {
                return start + firstNaN(len, x, off + start);
            }
            if (best < 0 || m > bestValue) {
                bestValue = m;
                best = start + indexOf(m, len, x, off + start);
            }
        }
        return best;
    }

    static int argmin(int n, double[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L || !VECTOR_COMPARE) {
            return ScalarDoubleReduce.argmin(n, x, off, stride);
        }
        // Block by block: the block's min (fast), then, only when it beats the best so far, the
        // first index where it occurs. A NaN ends the search at its first index.
        int best = -1;
        double bestValue = 0.0;
        for (int start = 0; start < n; start += ARG_BLOCK) {
            int len = Math.min(ARG_BLOCK, n - start);
            double m = min(len, x, off + start, 1);
            if (m != m) {
                return start + firstNaN(len, x, off + start);
            }
            if (best < 0 || m < bestValue) {
                bestValue = m;
                best = start + indexOf(m, len, x, off + start);
            }
        }
        return best;
    }

    private static int indexOf(double value, int n, double[] x, int off) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            VectorMask<Double> hit = DoubleVector.fromArray(S, x, off + i).compare(VectorOperators.EQ, value);
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

    private static int firstNaN(int n, double[] x, int off) {
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            if (v != v) {
                return i;
            }
        }
        throw new IllegalStateException("NaN not found in the block it came from");
    }

    static void columnSums(
            int rows, int cols, double[] x, int off, int rowStride, double[] out, int oo, boolean accumulate) {
        int j = 0;
        for (; j + 4 * L <= cols; j += 4 * L) {
            DoubleVector a0, a1, a2, a3;
            if (accumulate) {
                a0 = DoubleVector.fromArray(S, out, oo + j);
                a1 = DoubleVector.fromArray(S, out, oo + j + L);
                a2 = DoubleVector.fromArray(S, out, oo + j + 2 * L);
                a3 = DoubleVector.fromArray(S, out, oo + j + 3 * L);
            } else {
                a0 = DoubleVector.zero(S);
                a1 = a0;
                a2 = a0;
                a3 = a0;
            }
            for (int i = 0; i < rows; i++) {
                int p = off + i * rowStride + j;
                a0 = a0.add(DoubleVector.fromArray(S, x, p));
                a1 = a1.add(DoubleVector.fromArray(S, x, p + L));
                a2 = a2.add(DoubleVector.fromArray(S, x, p + 2 * L));
                a3 = a3.add(DoubleVector.fromArray(S, x, p + 3 * L));
            }
            a0.intoArray(out, oo + j);
            a1.intoArray(out, oo + j + L);
            a2.intoArray(out, oo + j + 2 * L);
            a3.intoArray(out, oo + j + 3 * L);
        }
        for (; j + L <= cols; j += L) {
            DoubleVector a = accumulate ? DoubleVector.fromArray(S, out, oo + j) : DoubleVector.zero(S);
            for (int i = 0; i < rows; i++) {
                a = a.add(DoubleVector.fromArray(S, x, off + i * rowStride + j));
            }
            a.intoArray(out, oo + j);
        }
        if (j < cols) {
            ScalarDoubleReduce.columnSums(rows, cols - j, x, off + j, rowStride, out, oo + j, accumulate);
        }
    }
}
