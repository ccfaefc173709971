package dev.jgrad.tensor.kernel;

/** double elementwise loops of the scalar kernels; the vector kernels use them for strides they do not vectorise and for tails. */
final class ScalarDoubleOps {
    private ScalarDoubleOps() {}

    static void unary(UnaryOp op, int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = -v;
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.abs(v);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.sqrt(v);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = DoubleMath.exp(v);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = DoubleMath.log(v);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = DoubleMath.tanh(v);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = DoubleMath.sigmoid(v);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = v <= 0.0 ? 0.0 : v;
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    /** One row of {@link Kernels#binary}: out[i] = op(a[i], b[i]) for n elements with strides. */
    static void binary(BinaryOp op, int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    double u = a[ao + i * as];
                    double v = b[bo + i * bs];
                    out[oo + i * os] = u + v;
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    double u = a[ao + i * as];
                    double v = b[bo + i * bs];
                    out[oo + i * os] = u - v;
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    double u = a[ao + i * as];
                    double v = b[bo + i * bs];
                    out[oo + i * os] = u * v;
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    double u = a[ao + i * as];
                    double v = b[bo + i * bs];
                    out[oo + i * os] = u / v;
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    double u = a[ao + i * as];
                    double v = b[bo + i * bs];
                    out[oo + i * os] = Math.max(u, v);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    double u = a[ao + i * as];
                    double v = b[bo + i * bs];
                    out[oo + i * os] = Math.min(u, v);
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    double u = a[ao + i * as];
                    double v = b[bo + i * bs];
                    out[oo + i * os] = Math.pow(u, v);
                }
            }
            default -> throw new IllegalArgumentException("unknown binary op " + op);
        }
    }

    static void clamp(int n, double[] x, int xo, int xs, double min, double max, double[] out, int oo, int os) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = Math.min(Math.max(x[xo + i * xs], min), max);
        }
    }
}
