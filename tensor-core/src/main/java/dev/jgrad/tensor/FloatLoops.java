package dev.jgrad.tensor;

/**
 * The float32 inner loops: every hot elementwise, reduction and matmul loop on float[] lives
 * here, over (array, offset, stride, n) descriptors, with contiguous and scalar-operand
 * specialisations. This is the one place the SIMD kernels are routed in from.
 */
final class FloatLoops {
    /** Rows of B kept hot in cache per pass of the scalar matmul. */
    private static final int MM_KC = 256;
    /** Columns of B and C per pass of the scalar matmul. */
    private static final int MM_NC = 512;

    private FloatLoops() {
    }

    /** Whether {@link #binary} implements {@code op}; others go through the double path. */
    static boolean supports(BinaryOp op) {
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case MAXIMUM: case MINIMUM:
                return true;
            default:
                return false;
        }
    }

    /** {@code o[i] = a[i] op b[i]} over n elements with the given strides (0 broadcasts one value). */
    static void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs,
                       float[] o, int oo, int os, int n) {
        switch (op) {
            case ADD:
                add(a, ao, as, b, bo, bs, o, oo, os, n);
                return;
            case SUB:
                sub(a, ao, as, b, bo, bs, o, oo, os, n);
                return;
            case MUL:
                mul(a, ao, as, b, bo, bs, o, oo, os, n);
                return;
            case DIV:
                div(a, ao, as, b, bo, bs, o, oo, os, n);
                return;
            case MAXIMUM:
                maximum(a, ao, as, b, bo, bs, o, oo, os, n);
                return;
            case MINIMUM:
                minimum(a, ao, as, b, bo, bs, o, oo, os, n);
                return;
            default:
                throw new IllegalArgumentException("no float32 loop for " + op);
        }
    }

    static void add(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] + b[bo + i];
            }
        } else if (os == 1 && as == 1 && bs == 0) {
            float s = b[bo];
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] + s;
            }
        } else if (os == 1 && as == 0 && bs == 1) {
            float s = a[ao];
            for (int i = 0; i < n; i++) {
                o[oo + i] = s + b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i * os] = a[ao + i * as] + b[bo + i * bs];
            }
        }
    }

    static void sub(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] - b[bo + i];
            }
        } else if (os == 1 && as == 1 && bs == 0) {
            float s = b[bo];
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] - s;
            }
        } else if (os == 1 && as == 0 && bs == 1) {
            float s = a[ao];
            for (int i = 0; i < n; i++) {
                o[oo + i] = s - b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i * os] = a[ao + i * as] - b[bo + i * bs];
            }
        }
    }

    static void mul(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] * b[bo + i];
            }
        } else if (os == 1 && as == 1 && bs == 0) {
            float s = b[bo];
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] * s;
            }
        } else if (os == 1 && as == 0 && bs == 1) {
            float s = a[ao];
            for (int i = 0; i < n; i++) {
                o[oo + i] = s * b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i * os] = a[ao + i * as] * b[bo + i * bs];
            }
        }
    }

    static void div(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] / b[bo + i];
            }
        } else if (os == 1 && as == 1 && bs == 0) {
            float s = b[bo];
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] / s;
            }
        } else if (os == 1 && as == 0 && bs == 1) {
            float s = a[ao];
            for (int i = 0; i < n; i++) {
                o[oo + i] = s / b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i * os] = a[ao + i * as] / b[bo + i * bs];
            }
        }
    }

    static void maximum(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                o[oo + i] = Math.max(a[ao + i], b[bo + i]);
            }
        } else if (os == 1 && as == 1 && bs == 0) {
            float s = b[bo];
            for (int i = 0; i < n; i++) {
                o[oo + i] = Math.max(a[ao + i], s);
            }
        } else if (os == 1 && as == 0 && bs == 1) {
            float s = a[ao];
            for (int i = 0; i < n; i++) {
                o[oo + i] = Math.max(s, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i * os] = Math.max(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    static void minimum(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                o[oo + i] = Math.min(a[ao + i], b[bo + i]);
            }
        } else if (os == 1 && as == 1 && bs == 0) {
            float s = b[bo];
            for (int i = 0; i < n; i++) {
                o[oo + i] = Math.min(a[ao + i], s);
            }
        } else if (os == 1 && as == 0 && bs == 1) {
            float s = a[ao];
            for (int i = 0; i < n; i++) {
                o[oo + i] = Math.min(s, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i * os] = Math.min(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    /** {@code o[i] = a[i] cmp b[i]} for the six comparisons, into a bool array. */
    static void compare(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs,
                        boolean[] o, int oo, int os, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = a[ao + i * as] == b[bo + i * bs];
                }
                return;
            case NE:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = a[ao + i * as] != b[bo + i * bs];
                }
                return;
            case LT:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = a[ao + i * as] < b[bo + i * bs];
                }
                return;
            case LE:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = a[ao + i * as] <= b[bo + i * bs];
                }
                return;
            case GT:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = a[ao + i * as] > b[bo + i * bs];
                }
                return;
            case GE:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = a[ao + i * as] >= b[bo + i * bs];
                }
                return;
            default:
                throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    /** {@code o[i] = c[i] ? a[i] : b[i]}. */
    static void where(boolean[] c, int co, int cs, float[] a, int ao, int as, float[] b, int bo, int bs,
                      float[] o, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i * os] = c[co + i * cs] ? a[ao + i * as] : b[bo + i * bs];
        }
    }

    /** {@code o[i] = a[i] + alpha * b[i]} (the {@code add(other, alpha)} form, also used by optimisers). */
    static void addScaled(float[] a, int ao, int as, float alpha, float[] b, int bo, int bs,
                          float[] o, int oo, int os, int n) {
        if (as == 1 && bs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                o[oo + i] = a[ao + i] + alpha * b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i * os] = a[ao + i * as] + alpha * b[bo + i * bs];
            }
        }
    }

    /** {@code o[i] = f(a[i])}. */
    static void unary(UnaryOp op, float[] a, int ao, int as, float[] o, int oo, int os, int n) {
        boolean contiguous = as == 1 && os == 1;
        switch (op) {
            case NEG:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = -x;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = -x;
                    }
                }
                return;
            case ABS:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = Math.abs(x);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = Math.abs(x);
                    }
                }
                return;
            case SQRT:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = (float) Math.sqrt(x);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = (float) Math.sqrt(x);
                    }
                }
                return;
            case EXP:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = (float) Math.exp(x);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = (float) Math.exp(x);
                    }
                }
                return;
            case LOG:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = (float) Math.log(x);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = (float) Math.log(x);
                    }
                }
                return;
            case SIGMOID:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = (float) (1.0 / (1.0 + Math.exp(-x)));
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = (float) (1.0 / (1.0 + Math.exp(-x)));
                    }
                }
                return;
            case TANH:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = (float) Math.tanh(x);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = (float) Math.tanh(x);
                    }
                }
                return;
            case RELU:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = x > 0 ? x : (x == x ? 0f : x);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = x > 0 ? x : (x == x ? 0f : x);
                    }
                }
                return;
            case LOGICAL_NOT:
                if (contiguous) {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i];
                        o[oo + i] = x == 0 ? 1f : 0f;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        float x = a[ao + i * as];
                        o[oo + i * os] = x == 0 ? 1f : 0f;
                    }
                }
                return;
            default:
                throw new IllegalArgumentException("no float32 loop for " + op);
        }
    }

    /** {@code o[i] = min(max(a[i], lo), hi)}; NaN stays NaN. */
    static void clamp(float lo, float hi, float[] a, int ao, int as, float[] o, int oo, int os, int n) {
        if (as == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                o[oo + i] = Math.min(Math.max(a[ao + i], lo), hi);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i * os] = Math.min(Math.max(a[ao + i * as], lo), hi);
            }
        }
    }

    static void copy(float[] s, int so, int ss, float[] d, int dO, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(s, so, d, dO, n);
        } else if (ss == 0 && ds == 1) {
            java.util.Arrays.fill(d, dO, dO + n, s[so]);
        } else {
            for (int i = 0; i < n; i++) {
                d[dO + i * ds] = s[so + i * ss];
            }
        }
    }

    /**
     * Sum of n elements, accumulated in double with four independent accumulators: the error is
     * far below float32's rounding for any length a float[] can hold, and the sum is the same
     * on every thread count because callers split only at fixed block boundaries.
     */
    static double sum(float[] a, int off, int stride, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        if (stride == 1) {
            for (; i + 3 < n; i += 4) {
                s0 += a[off + i];
                s1 += a[off + i + 1];
                s2 += a[off + i + 2];
                s3 += a[off + i + 3];
            }
            for (; i < n; i++) {
                s0 += a[off + i];
            }
        } else {
            for (; i + 3 < n; i += 4) {
                int p = off + i * stride;
                s0 += a[p];
                s1 += a[p + stride];
                s2 += a[p + 2 * stride];
                s3 += a[p + 3 * stride];
            }
            for (; i < n; i++) {
                s0 += a[off + i * stride];
            }
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code acc[i] += a[i]}: the row-accumulation step of a reduction over an outer dim. */
    static void accumulate(double[] acc, int co, int cs, float[] a, int ao, int as, int n) {
        if (cs == 1 && as == 1) {
            for (int i = 0; i < n; i++) {
                acc[co + i] += a[ao + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                acc[co + i * cs] += a[ao + i * as];
            }
        }
    }

    /**
     * {@code C[m x n] += A[m x k] * B[k x n]}, all row-major and contiguous from the given
     * offsets, for rows [rowStart, rowEnd) of A and C. Loop order i-k-j over blocks of B that
     * stay in cache; the innermost loop is unit-stride and folds four rows of B into one pass
     * over the C row, so the JIT vectorises it and C is loaded and stored a quarter as often.
     */
    static void mm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                   int k, int n, int rowStart, int rowEnd) {
        for (int jb = 0; jb < n; jb += MM_NC) {
            int je = Math.min(n, jb + MM_NC);
            for (int kb = 0; kb < k; kb += MM_KC) {
                int ke = Math.min(k, kb + MM_KC);
                for (int i = rowStart; i < rowEnd; i++) {
                    int c0 = cOff + i * n;
                    int a0 = aOff + i * k;
                    int kk = kb;
                    for (; kk + 3 < ke; kk += 4) {
                        float x0 = a[a0 + kk];
                        float x1 = a[a0 + kk + 1];
                        float x2 = a[a0 + kk + 2];
                        float x3 = a[a0 + kk + 3];
                        int b0 = bOff + kk * n;
                        int b1 = b0 + n;
                        int b2 = b1 + n;
                        int b3 = b2 + n;
                        for (int j = jb; j < je; j++) {
                            c[c0 + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
                        }
                    }
                    for (; kk < ke; kk++) {
                        float x0 = a[a0 + kk];
                        int b0 = bOff + kk * n;
                        for (int j = jb; j < je; j++) {
                            c[c0 + j] += x0 * b[b0 + j];
                        }
                    }
                }
            }
        }
    }
}
