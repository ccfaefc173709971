package dev.jgrad.tensor.kernel;

// @float-only:begin
// The float64 kernel, ScalarDoubleReduce, is generated from this file in the build's generate-sources
// phase by tensor-core/src/build/GenerateDouble.java: lines between float-only markers are left
// out, a double-only comment line becomes code, and the rest goes through its substitutions.
// @float-only:end

/**
 * float reductions of the scalar kernels; sums and dot products accumulate in double. Contiguous
 * inputs get loops indexed by {@code off + i}, which C2 unrolls without bounds checks; they add
 * and compare in the same order as the strided loops, so the results are the same.
 */
final class ScalarFloatReduce {
    private ScalarFloatReduce() {}

    static double sum(int n, float[] x, int off, int stride) {
        if (stride == 1) {
            return sumContiguous(n, x, off);
        }
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            int p = off + i * stride;
            s0 += x[p];
            s1 += x[p + stride];
            s2 += x[p + 2 * stride];
            s3 += x[p + 3 * stride];
        }
        for (; i < n; i++) {
            s0 += x[off + i * stride];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double sumContiguous(int n, float[] x, int off) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[off + i];
            s1 += x[off + i + 1];
            s2 += x[off + i + 2];
            s3 += x[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double dot(int n, float[] x, int xo, int xs, float[] y, int yo, int ys) {
        double s0 = 0.0, s1 = 0.0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += (double) x[xo + i * xs] * y[yo + i * ys];
            s1 += (double) x[xo + (i + 1) * xs] * y[yo + (i + 1) * ys];
        }
        if (i < n) {
            s0 += (double) x[xo + i * xs] * y[yo + i * ys];
        }
        return s0 + s1;
    }

    static float max(int n, float[] x, int off, int stride) {
        if (stride == 1) {
            return maxContiguous(n, x, off);
        }
        float m = x[off];
        for (int i = 0; i < n; i++) {
            float v = x[off + i * stride];
            if (!(v <= m)) {
                if (v != v) {
                    return v;
                }
                m = v;
            }
        }
        return m;
    }

    static float min(int n, float[] x, int off, int stride) {
        if (stride == 1) {
            return minContiguous(n, x, off);
        }
        float m = x[off];
        for (int i = 0; i < n; i++) {
            float v = x[off + i * stride];
            if (!(v >= m)) {
                if (v != v) {
                    return v;
                }
                m = v;
            }
        }
        return m;
    }

    private static float maxContiguous(int n, float[] x, int off) {
        float m = x[off];
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            if (!(v <= m)) {
                if (v != v) {
                    return v;
                }
                m = v;
            }
        }
        return m;
    }

    static int argmax(int n, float[] x, int off, int stride) {
        if (stride == 1) {
            return argmaxContiguous(n, x, off);
        }
        float m = x[off];
        if (m != m) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            float v = x[off + i * stride];
            if (!(v <= m)) {
                if (v != v) {
                    return i;
                }
                m = v;
                best = i;
            }
        }
        return best;
    }

    private static int argmaxContiguous(int n, float[] x, int off) {
        float m = x[off];
        if (m != m) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            float v = x[off + i];
            if (!(v <= m)) {
                if (v != v) {
                    return i;
                }
                m = v;
                best = i;
            }
        }
        return best;
    }

    private static float minContiguous(int n, float[] x, int off) {
        float m = x[off];
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            if (!(v >= m)) {
                if (v != v) {
                    return v;
                }
                m = v;
            }
        }
        return m;
    }

    static int argmin(int n, float[] x, int off, int stride) {
        if (stride == 1) {
            return argminContiguous(n, x, off);
        }
        float m = x[off];
        if (m != m) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            float v = x[off + i * stride];
            if (!(v >= m)) {
                if (v != v) {
                    return i;
                }
                m = v;
                best = i;
            }
        }
        return best;
    }

    private static int argminContiguous(int n, float[] x, int off) {
        float m = x[off];
        if (m != m) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            float v = x[off + i];
            if (!(v >= m)) {
                if (v != v) {
                    return i;
                }
                m = v;
                best = i;
            }
        }
        return best;
    }

    static void columnSums(
            int rows, int cols, float[] x, int off, int rowStride, float[] out, int oo, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, oo, oo + cols, 0f);
        }
        for (int i = 0; i < rows; i++) {
            int src = off + i * rowStride;
            for (int j = 0; j < cols; j++) {
                out[oo + j] += x[src + j];
            }
        }
    }
}
