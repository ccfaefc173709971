package dev.jgrad.bench;

/**
 * The plain Java loops jgrad is compared with: what one writes without a library. They are
 * written the obvious way on purpose (sequential accumulation, i-k-j matmul), and C2 is free to
 * auto-vectorise whatever it can.
 */
final class ScalarLoops {
    private ScalarLoops() {}

    /** {@code a (m×k) @ b (k×n)}, row-major, in i-k-j order so the inner loop streams rows. */
    static float[] matmul(float[] a, float[] b, int m, int k, int n) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
        return c;
    }

    /** {@code a @ b} in double precision: the reference the float implementations are held to. */
    static double matmulEntry(float[] a, float[] b, int k, int n, int i, int j) {
        double s = 0;
        for (int p = 0; p < k; p++) {
            s += (double) a[i * k + p] * b[p * n + j];
        }
        return s;
    }

    static float sum(float[] x) {
        float s = 0f;
        for (float v : x) {
            s += v;
        }
        return s;
    }

    /** The maximum, NaN if any element is NaN, as PyTorch's {@code max()}. */
    static float max(float[] x) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The first index of the maximum (inputs here hold no NaN). */
    static int argmax(float[] x) {
        int best = 0;
        float m = x[0];
        for (int i = 1; i < x.length; i++) {
            if (x[i] > m) {
                m = x[i];
                best = i;
            }
        }
        return best;
    }

    /** Column sums of a row-major {@code rows × cols} matrix. */
    static float[] sumDim0(float[] x, int rows, int cols) {
        float[] s = new float[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                s[c] += x[base + c];
            }
        }
        return s;
    }

    /** Row sums of a row-major {@code rows × cols} matrix. */
    static float[] sumDim1(float[] x, int rows, int cols) {
        float[] s = new float[rows];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            float acc = 0f;
            for (int c = 0; c < cols; c++) {
                acc += x[base + c];
            }
            s[r] = acc;
        }
        return s;
    }

    static float[] add(float[] a, float[] b) {
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] + b[i];
        }
        return o;
    }

    /** {@code a += b}, the in-place form. */
    static float[] addInto(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    /** {@code x (rows×cols) + bias (cols)}: a bias broadcast over rows. */
    static float[] addBias(float[] x, float[] bias, int rows, int cols) {
        float[] o = new float[x.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                o[base + c] = x[base + c] + bias[c];
            }
        }
        return o;
    }

    static float[] mul(float[] a, float[] b) {
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] * b[i];
        }
        return o;
    }

    static float[] exp(float[] x) {
        float[] o = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = (float) Math.exp(x[i]);
        }
        return o;
    }

    /** max(x, 0), NaN staying NaN as in PyTorch. */
    static float[] relu(float[] x) {
        float[] o = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = Math.max(x[i], 0f);
        }
        return o;
    }

    /**
     * The direct seven-loop convolution (batch, output channel, output row, output column, input
     * channel, kernel row, kernel column), stride 1, padding k/2: out (n, co, s, s) = x * w.
     */
    static void conv2d(float[] x, float[] w, int n, int ci, int co, int s, int k, float[] out) {
        int p = k / 2;
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < co; o++) {
                for (int i = 0; i < s; i++) {
                    for (int j = 0; j < s; j++) {
                        float acc = 0;
                        for (int c = 0; c < ci; c++) {
                            for (int u = 0; u < k; u++) {
                                int ih = i + u - p;
                                if (ih < 0 || ih >= s) {
                                    continue;
                                }
                                for (int v = 0; v < k; v++) {
                                    int iw = j + v - p;
                                    if (iw >= 0 && iw < s) {
                                        acc += x[((b * ci + c) * s + ih) * s + iw] * w[((o * ci + c) * k + u) * k + v];
                                    }
                                }
                            }
                        }
                        out[((b * co + o) * s + i) * s + j] = acc;
                    }
                }
            }
        }
    }

    /** The input gradient of {@link #conv2d} in seven loops: dx (n, ci, s, s) from g (n, co, s, s). */
    static void conv2dInputGrad(float[] g, float[] w, int n, int ci, int co, int s, int k, float[] dx) {
        int p = k / 2;
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < ci; c++) {
                for (int ih = 0; ih < s; ih++) {
                    for (int iw = 0; iw < s; iw++) {
                        float acc = 0;
                        for (int o = 0; o < co; o++) {
                            for (int u = 0; u < k; u++) {
                                int i = ih - u + p;
                                if (i < 0 || i >= s) {
                                    continue;
                                }
                                for (int v = 0; v < k; v++) {
                                    int j = iw - v + p;
                                    if (j >= 0 && j < s) {
                                        acc += g[((b * co + o) * s + i) * s + j] * w[((o * ci + c) * k + u) * k + v];
                                    }
                                }
                            }
                        }
                        dx[((b * ci + c) * s + ih) * s + iw] = acc;
                    }
                }
            }
        }
    }

    /** The weight gradient of {@link #conv2d} in seven loops: dw (co, ci, k, k) summed over the batch. */
    static void conv2dWeightGrad(float[] g, float[] x, int n, int ci, int co, int s, int k, float[] dw) {
        int p = k / 2;
        for (int o = 0; o < co; o++) {
            for (int c = 0; c < ci; c++) {
                for (int u = 0; u < k; u++) {
                    for (int v = 0; v < k; v++) {
                        float acc = 0;
                        for (int b = 0; b < n; b++) {
                            for (int i = 0; i < s; i++) {
                                int ih = i + u - p;
                                if (ih < 0 || ih >= s) {
                                    continue;
                                }
                                for (int j = 0; j < s; j++) {
                                    int iw = j + v - p;
                                    if (iw >= 0 && iw < s) {
                                        acc += g[((b * co + o) * s + i) * s + j] * x[((b * ci + c) * s + ih) * s + iw];
                                    }
                                }
                            }
                        }
                        dw[((o * ci + c) * k + u) * k + v] = acc;
                    }
                }
            }
        }
    }
}
