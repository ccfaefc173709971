package dev.jgrad.tensor.kernel;

/** double reductions of the scalar kernels. */
final class ScalarDoubleReduce {
    /** Elements per block; blocks are summed in double and the block sums in double. */
    static final int BLOCK = 4096;

    private ScalarDoubleReduce() {}

    static double sum(int n, double[] x, int off, int stride) {
        double total = 0.0;
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            int i = start;
            for (; i + 3 < end; i += 4) {
                int p = off + i * stride;
                s0 += x[p];
                s1 += x[p + stride];
                s2 += x[p + 2 * stride];
                s3 += x[p + 3 * stride];
            }
            for (; i < end; i++) {
                s0 += x[off + i * stride];
            }
            total += (s0 + s1) + (s2 + s3);
        }
        return total;
    }

    static double dot(int n, double[] x, int xo, int xs, double[] y, int yo, int ys) {
        double total = 0.0;
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            double s0 = 0.0, s1 = 0.0;
            int i = start;
            for (; i + 1 < end; i += 2) {
                s0 += x[xo + i * xs] * y[yo + i * ys];
                s1 += x[xo + (i + 1) * xs] * y[yo + (i + 1) * ys];
            }
            for (; i < end; i++) {
                s0 += x[xo + i * xs] * y[yo + i * ys];
            }
            total += s0 + s1;
        }
        return total;
    }

    static double max(int n, double[] x, int off, int stride) {
        double m = x[off];
        for (int i = 0; i < n; i++) {
            double v = x[off + i * stride];
            if (!(v <= m)) {
                if (v != v) {
                    return v;
                }
                m = v;
            }
        }
        return m;
    }

    static double min(int n, double[] x, int off, int stride) {
        double m = x[off];
        for (int i = 0; i < n; i++) {
            double v = x[off + i * stride];
            if (!(v >= m)) {
                if (v != v) {
                    return v;
                }
                m = v;
            }
        }
        return m;
    }

    static int argmax(int n, double[] x, int off, int stride) {
        double m = x[off];
        if (m != m) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            double v = x[off + i * stride];
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

    static int argmin(int n, double[] x, int off, int stride) {
        double m = x[off];
        if (m != m) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            double v = x[off + i * stride];
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

    static void columnSums(int rows, int cols, double[] x, int off, int rowStride, double[] out, int oo, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, oo, oo + cols, 0.0);
        }
        for (int i = 0; i < rows; i++) {
            int src = off + i * rowStride;
            for (int j = 0; j < cols; j++) {
                out[oo + j] += x[src + j];
            }
        }
    }
}
