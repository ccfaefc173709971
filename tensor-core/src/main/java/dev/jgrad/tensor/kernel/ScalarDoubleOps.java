package dev.jgrad.tensor.kernel;

/**
 * double elementwise loops of the scalar kernels; the vector kernels use them for strides they do
 * not vectorise and for tails.
 *
 * <p>Each op has its own loop, and contiguous operands get loops without a stride in the index,
 * which C2 unrolls without bounds checks. C2 (JDK 17 to 25) auto-vectorises such a loop only when
 * every array is indexed by the same expression: with different offsets it cannot rule out that
 * the output overlaps an input a few elements ahead. So operands at one common offset (fresh
 * tensors, in-place ops) get loops over a shared index. Every path computes the same values, in
 * the same order, as the strided one.
 */
final class ScalarDoubleOps {
    private ScalarDoubleOps() {}

    static void unary(UnaryOp op, int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
        if (op.hasStridedLoopOnly()) {
            mathUnary(op, n, x, xo, xs, out, oo, os);
            return;
        }
        if (xs == 1 && os == 1 && xo == oo) {
            unaryShared(op, x, out, oo, oo + n);
            return;
        }
        if (xs == 1 && os == 1) {
            unaryContiguous(op, n, x, xo, out, oo);
            return;
        }
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = -x[xo + i * xs];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = Math.abs(x[xo + i * xs]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = Math.sqrt(x[xo + i * xs]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = DoubleMath.exp(x[xo + i * xs]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = DoubleMath.log(x[xo + i * xs]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = DoubleMath.tanh(x[xo + i * xs]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = DoubleMath.sigmoid(x[xo + i * xs]);
                }
            }
            case RELU -> {
                // Math.max(x, 0): the values of x <= 0 ? 0 : x (-0.0 gives 0.0, NaN stays), without a branch.
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = Math.max(x[xo + i * xs], 0.0);
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    /**
     * The functions from SIN on ({@link UnaryOp#hasStridedLoopOnly()}): one strided loop each, in
     * the JDK's double math.
     */
    private static void mathUnary(UnaryOp op, int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
        java.util.function.DoubleUnaryOperator f = switch (op) {
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case ERF -> DoubleMath::erf;
            case EXPM1 -> Math::expm1;
            case LOG1P -> Math::log1p;
            case FLOOR -> Math::floor;
            case CEIL -> Math::ceil;
            case ROUND -> Math::rint;
            case TRUNC -> v -> v < 0 ? Math.ceil(v) : Math.floor(v);
            case SIGN -> v -> v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        };
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = f.applyAsDouble(x[xo + i * xs]);
        }
    }

    /** out[i] = op(x[i]) for i in [from, to): x and out at one offset. */
    private static void unaryShared(UnaryOp op, double[] x, double[] out, int from, int to) {
        switch (op) {
            case NEG -> {
                for (int i = from; i < to; i++) {
                    out[i] = -x[i];
                }
            }
            case ABS -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.abs(x[i]);
                }
            }
            case SQRT -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.sqrt(x[i]);
                }
            }
            case EXP -> {
                for (int i = from; i < to; i++) {
                    out[i] = DoubleMath.exp(x[i]);
                }
            }
            case LOG -> {
                for (int i = from; i < to; i++) {
                    out[i] = DoubleMath.log(x[i]);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    out[i] = DoubleMath.tanh(x[i]);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    out[i] = DoubleMath.sigmoid(x[i]);
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(x[i], 0.0);
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    private static void unaryContiguous(UnaryOp op, int n, double[] x, int xo, double[] out, int oo) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = -x[xo + i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = Math.abs(x[xo + i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = Math.sqrt(x[xo + i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = DoubleMath.exp(x[xo + i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = DoubleMath.log(x[xo + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = DoubleMath.tanh(x[xo + i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = DoubleMath.sigmoid(x[xo + i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = Math.max(x[xo + i], 0.0);
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    /** One row of {@link Kernels#binary}: out[i] = op(a[i], b[i]) for n elements with strides. */
    static void binary(
            BinaryOp op, int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
        if (n <= 0) {
            return;
        }
        if (os == 1 && as == 1 && bs == 1 && op != BinaryOp.POW) {
            if (ao == oo && bo == oo) {
                binaryShared(op, a, b, out, oo, oo + n);
            } else {
                binaryContiguous(op, n, a, ao, b, bo, out, oo);
            }
            return;
        }
        if (os == 1 && as == 1 && bs == 0 && ao == oo && op != BinaryOp.POW) {
            binaryScalarRight(op, a, b[bo], out, oo, oo + n);
            return;
        }
        if (os == 1 && as == 0 && bs == 1 && bo == oo && op != BinaryOp.POW) {
            binaryScalarLeft(op, a[ao], b, out, oo, oo + n);
            return;
        }
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] + b[bo + i * bs];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] - b[bo + i * bs];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] * b[bo + i * bs];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] / b[bo + i * bs];
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = Math.max(a[ao + i * as], b[bo + i * bs]);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = Math.min(a[ao + i * as], b[bo + i * bs]);
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = Math.pow(a[ao + i * as], b[bo + i * bs]);
                }
            }
            default -> throw new IllegalArgumentException("unknown binary op " + op);
        }
    }

    /** out[i] = op(a[i], b[i]) for i in [from, to): all three at one offset. */
    private static void binaryShared(BinaryOp op, double[] a, double[] b, double[] out, int from, int to) {
        switch (op) {
            case ADD -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] + b[i];
                }
            }
            case SUB -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] - b[i];
                }
            }
            case MUL -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] * b[i];
                }
            }
            case DIV -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] / b[i];
                }
            }
            case MAXIMUM -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(a[i], b[i]);
                }
            }
            case MINIMUM -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.min(a[i], b[i]);
                }
            }
            default -> throw new IllegalArgumentException("no contiguous loop for " + op);
        }
    }

    private static void binaryContiguous(
            BinaryOp op, int n, double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] + b[bo + i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] - b[bo + i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] * b[bo + i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] / b[bo + i];
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = Math.max(a[ao + i], b[bo + i]);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = Math.min(a[ao + i], b[bo + i]);
                }
            }
            default -> throw new IllegalArgumentException("no contiguous loop for " + op);
        }
    }

    /** out[i] = op(a[i], s) for i in [from, to): a repeated right operand (a tensor and a scalar), a and out at one offset. */
    private static void binaryScalarRight(BinaryOp op, double[] a, double s, double[] out, int from, int to) {
        switch (op) {
            case ADD -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] + s;
                }
            }
            case SUB -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] - s;
                }
            }
            case MUL -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] * s;
                }
            }
            case DIV -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] / s;
                }
            }
            case MAXIMUM -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(a[i], s);
                }
            }
            case MINIMUM -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.min(a[i], s);
                }
            }
            default -> throw new IllegalArgumentException("no contiguous loop for " + op);
        }
    }

    /** out[i] = op(s, b[i]) for i in [from, to): a repeated left operand, b and out at one offset. */
    private static void binaryScalarLeft(BinaryOp op, double s, double[] b, double[] out, int from, int to) {
        switch (op) {
            case ADD -> {
                for (int i = from; i < to; i++) {
                    out[i] = s + b[i];
                }
            }
            case SUB -> {
                for (int i = from; i < to; i++) {
                    out[i] = s - b[i];
                }
            }
            case MUL -> {
                for (int i = from; i < to; i++) {
                    out[i] = s * b[i];
                }
            }
            case DIV -> {
                for (int i = from; i < to; i++) {
                    out[i] = s / b[i];
                }
            }
            case MAXIMUM -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(s, b[i]);
                }
            }
            case MINIMUM -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.min(s, b[i]);
                }
            }
            default -> throw new IllegalArgumentException("no contiguous loop for " + op);
        }
    }

    static void clamp(int n, double[] x, int xo, int xs, double min, double max, double[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = Math.min(Math.max(x[i], min), max);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = Math.min(Math.max(x[xo + i * xs], min), max);
        }
    }
}
