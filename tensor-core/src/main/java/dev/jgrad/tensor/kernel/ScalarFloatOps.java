package dev.jgrad.tensor.kernel;

/**
 * float elementwise loops of the scalar kernels; the vector kernels use them for strides they do
 * not vectorise and for tails.
 *
 * <p>Each op has its own loop, and contiguous operands get loops without a stride in the index,
 * which C2 unrolls without bounds checks. C2 (JDK 17 to 25) auto-vectorises such a loop only when
 * every array is indexed by the same expression: with different offsets it cannot rule out that
 * the output overlaps an input a few elements ahead. So operands at one common offset (fresh
 * tensors, in-place ops) get loops over a shared index. Every path computes the same values, in
 * the same order, as the strided one.
 */
final class ScalarFloatOps {
    private ScalarFloatOps() {}

    static void unary(UnaryOp op, int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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
                    out[oo + i * os] = (float) Math.sqrt(x[xo + i * xs]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.exp(x[xo + i * xs]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.log(x[xo + i * xs]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.tanh(x[xo + i * xs]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.sigmoid(x[xo + i * xs]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.relu(x[xo + i * xs]);
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    /** The functions from SIN on ({@link UnaryOp#hasStridedLoopOnly()}): one strided loop each. */
    private static void mathUnary(UnaryOp op, int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        switch (op) {
            case SIN -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.sin(x[xo + i * xs]);
                }
            }
            case COS -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.cos(x[xo + i * xs]);
                }
            }
            case ERF -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.erf(x[xo + i * xs]);
                }
            }
            case EXPM1 -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.expm1(x[xo + i * xs]);
                }
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.log1p(x[xo + i * xs]);
                }
            }
            case FLOOR -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = (float) Math.floor(x[xo + i * xs]);
                }
            }
            case CEIL -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = (float) Math.ceil(x[xo + i * xs]);
                }
            }
            case ROUND -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = (float) Math.rint(x[xo + i * xs]);
                }
            }
            case TRUNC -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = (float) (v < 0 ? Math.ceil(v) : Math.floor(v));
                }
            }
            case SIGN -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = FloatMath.sign(x[xo + i * xs]);
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    /** out[i] = op(x[i]) for i in [from, to): x and out at one offset. */
    private static void unaryShared(UnaryOp op, float[] x, float[] out, int from, int to) {
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
                    out[i] = (float) Math.sqrt(x[i]);
                }
            }
            case EXP -> {
                for (int i = from; i < to; i++) {
                    out[i] = FloatMath.exp(x[i]);
                }
            }
            case LOG -> {
                for (int i = from; i < to; i++) {
                    out[i] = FloatMath.log(x[i]);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    out[i] = FloatMath.tanh(x[i]);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    out[i] = FloatMath.sigmoid(x[i]);
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    out[i] = FloatMath.relu(x[i]);
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    private static void unaryContiguous(UnaryOp op, int n, float[] x, int xo, float[] out, int oo) {
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
                    out[oo + i] = (float) Math.sqrt(x[xo + i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = FloatMath.exp(x[xo + i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = FloatMath.log(x[xo + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = FloatMath.tanh(x[xo + i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = FloatMath.sigmoid(x[xo + i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = FloatMath.relu(x[xo + i]);
                }
            }
            default -> throw new IllegalArgumentException("unknown unary op " + op);
        }
    }

    /** One row of {@link Kernels#binary}: out[i] = op(a[i], b[i]) for n elements with strides. */
    static void binary(
            BinaryOp op, int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
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
                    out[oo + i * os] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
                }
            }
            default -> throw new IllegalArgumentException("unknown binary op " + op);
        }
    }

    /** out[i] = op(a[i], b[i]) for i in [from, to): all three at one offset. */
    private static void binaryShared(BinaryOp op, float[] a, float[] b, float[] out, int from, int to) {
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
            BinaryOp op, int n, float[] a, int ao, float[] b, int bo, float[] out, int oo) {
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
    private static void binaryScalarRight(BinaryOp op, float[] a, float s, float[] out, int from, int to) {
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
    private static void binaryScalarLeft(BinaryOp op, float s, float[] b, float[] out, int from, int to) {
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

    static void clamp(int n, float[] x, int xo, int xs, float min, float max, float[] out, int oo, int os) {
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

    /** out[i] = a[i] cmp b[i] into a bool array. */
    static void compare(
            Comparison op, int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
        if (n > 0 && as == 1 && os == 1 && bs == 0) {
            compareScalar(op, n, a, ao, b[bo], out, oo);
            return;
        }
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

    /** out[i] = a[i] cmp s: the usual mask (x &gt; 0, x &lt;= threshold). */
    private static void compareScalar(Comparison op, int n, float[] a, int ao, float s, boolean[] out, int oo) {
        switch (op) {
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] == s;
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] != s;
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] < s;
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] <= s;
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] > s;
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] >= s;
                }
            }
            default -> throw new IllegalArgumentException("unknown comparison " + op);
        }
    }

    /** out[i] = c[i] ? a[i] : b[i]. */
    static void where(
            int n,
            boolean[] c,
            int co,
            int cs,
            float[] a,
            int ao,
            int as,
            float[] b,
            int bo,
            int bs,
            float[] out,
            int oo,
            int os) {
        if (cs == 1 && as == 1 && bs == 1 && os == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = c[co + i - oo] ? a[i] : b[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = c[co + i * cs] ? a[ao + i * as] : b[bo + i * bs];
        }
    }

    /** out[i] = a[i] + alpha * b[i]: the product rounded, then the sum (no fused multiply-add). */
    static void addScaled(
            int n, float[] a, int ao, int as, float alpha, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (as == 1 && bs == 1 && os == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] + alpha * b[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = a[ao + i * as] + alpha * b[bo + i * bs];
        }
    }

    static void fromUint8(int n, byte[] x, int xo, int xs, float[] out, int oo, int os) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = x[xo + i * xs] & 0xFF;
        }
    }

    /** out[i] = x[i] &lt;= threshold ? 0 : g[i]; NaN in x compares false and keeps g[i]. */
    static void thresholdBackward(
            int n, float[] g, int go, int gs, float[] x, int xo, int xs, float threshold, float[] out, int oo, int os) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = x[xo + i * xs] <= threshold ? 0f : g[go + i * gs];
        }
    }
}
