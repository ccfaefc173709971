package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

// @float-only:begin
// The float64 kernel, VectorDoubleReduce, is generated from this file in the build's generate-sources
// phase by tensor-core/src/build/GenerateDouble.java: lines between float-only markers are left
// out, a double-only comment line becomes code, and the rest goes through its substitutions.
// The sums and dot products differ between the two, and are written apart: VectorFloatSums and
// VectorDoubleSums.
// @float-only:end

/**
 * float reductions on the preferred vector species; strided inputs use the scalar ones. Sums and
 * dot products are in {@link VectorFloatSums}.
 */
final class VectorFloatReduce {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements per block of argmax/argmin: small enough to be scanned again from L1. */
    private static final int ARG_BLOCK = 4096;
    /**
     * Whether lane comparisons run as vector instructions. On 128-bit x86 vectors, which hold two
     * doubles, C2 does not intrinsify {@code compare}, with or without AVX-512, and the Vector
     * API's fallback boxes: a max over 1,000 doubles allocated 68 KB. With two lanes the scalar
     * loops lose little, so max, min, argmax, argmin and ReLU use them there.
     */
    // @float-only:begin
    // Always true for float vectors: they have four lanes or more on every shape C2 compiles.
    // @float-only:end
    static final boolean VECTOR_COMPARE = L > 2;

    private VectorFloatReduce() {}

    static float max(int n, float[] x, int off, int stride) {
        if (stride != 1 || n < 4 * L || !VECTOR_COMPARE) {
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
        if (stride != 1 || n < 4 * L || !VECTOR_COMPARE) {
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
        if (stride != 1 || n < 4 * L || !VECTOR_COMPARE) {
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
        if (stride != 1 || n < 4 * L || !VECTOR_COMPARE) {
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
