package dev.jgrad.tensor.kernel;

/** float elementwise loops of the scalar kernels; the vector kernels use them for strides they do not vectorise and for tails. */
final class ScalarFloatOps {
    private ScalarFloatOps() {}

    static void unary(UnaryOp op, int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = -v;
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = Math.abs(v);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = (float) Math.sqrt(v);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = FloatMath.exp(v);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = FloatMath.log(v);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = FloatMath.tanh(v);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = FloatMath.sigmoid(v);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = v <= 0f ? 0f : v;
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    /** One row of {@link Kernels#binary}: out[i] = op(a[i], b[i]) for n elements with strides. */
    static void binary(BinaryOp op, int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * as];
                    float v = b[bo + i * bs];
                    out[oo + i * os] = u + v;
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * as];
                    float v = b[bo + i * bs];
                    out[oo + i * os] = u - v;
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * as];
                    float v = b[bo + i * bs];
                    out[oo + i * os] = u * v;
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * as];
                    float v = b[bo + i * bs];
                    out[oo + i * os] = u / v;
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * as];
                    float v = b[bo + i * bs];
                    out[oo + i * os] = Math.max(u, v);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * as];
                    float v = b[bo + i * bs];
                    out[oo + i * os] = Math.min(u, v);
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * as];
                    float v = b[bo + i * bs];
                    out[oo + i * os] = (float) Math.pow(u, v);
                }
            }
            default -> throw new IllegalArgumentException("unknown binary op " + op);
        }
    }

    static void clamp(int n, float[] x, int xo, int xs, float min, float max, float[] out, int oo, int os) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = Math.min(Math.max(x[xo + i * xs], min), max);
        }
    }

    /** out[i] = a[i] cmp b[i] into a bool array. */
    static void compare(Comparison op, int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
        switch (op) {
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] == b[bo + i * bs];
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] != b[bo + i * bs];
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] < b[bo + i * bs];
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] <= b[bo + i * bs];
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] > b[bo + i * bs];
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] >= b[bo + i * bs];
                }
            }
            default -> throw new IllegalArgumentException("unknown comparison " + op);
        }
    }

    /** out[i] = c[i] ? a[i] : b[i]. */
    static void where(int n, boolean[] c, int co, int cs, float[] a, int ao, int as, float[] b, int bo, int bs,
                      float[] out, int oo, int os) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = c[co + i * cs] ? a[ao + i * as] : b[bo + i * bs];
        }
    }

    /** out[i] = a[i] + alpha * b[i]: the product rounded, then the sum (no fused multiply-add). */
    static void addScaled(int n, float[] a, int ao, int as, float alpha, float[] b, int bo, int bs, float[] out, int oo, int os) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = a[ao + i * as] + alpha * b[bo + i * bs];
        }
    }

    /** out[i] = x[i] &lt;= threshold ? 0 : g[i]; NaN in x compares false and keeps g[i]. */
    static void thresholdBackward(int n, float[] g, int go, int gs, float[] x, int xo, int xs, float threshold,
                                  float[] out, int oo, int os) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = x[xo + i * xs] <= threshold ? 0f : g[go + i * gs];
        }
    }
}
