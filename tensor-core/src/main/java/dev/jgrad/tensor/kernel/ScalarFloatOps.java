package dev.jgrad.tensor.kernel;

/**
 * float elementwise loops of the scalar kernels: the loop templates that the ops' constants
 * ({@link UnaryOp}, {@link BinaryOp}) run with their scalar definitions, and the loops of the
 * kernels with no op to choose (clamp, where, ...). The vector kernels use them for strides they
 * do not vectorise and for tails.
 */
final class ScalarFloatOps {
    private ScalarFloatOps() {}

    /** A float32 function of one operand: a {@link UnaryOp}'s scalar definition. */
    @FunctionalInterface
    interface Fn {
        float apply(float x);
    }

    /** A float32 function of two operands: an arithmetic {@link BinaryOp}'s scalar definition. */
    @FunctionalInterface
    interface Fn2 {
        float apply(float a, float b);
    }

    /** A float32 predicate of two operands: a comparison {@link BinaryOp}'s scalar definition. */
    @FunctionalInterface
    interface Test2 {
        boolean test(float a, float b);
    }

    /**
     * out[i] = f(x[i]) for n elements with strides: the loop template of every {@link UnaryOp}, which
     * each op's override calls with its own lambda (see there why). Contiguous operands get loops
     * without a stride in the index, which C2 unrolls without bounds checks; operands at one
     * common offset (fresh tensors, in-place ops) get a loop over a shared index, the only form C2
     * (JDK 17 to 25) auto-vectorises, as it cannot otherwise rule out that the output overlaps an
     * input a few elements ahead. Every path computes the same values in the same order.
     */
    static void map(Fn f, int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = f.apply(x[i]);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = f.apply(x[xo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = f.apply(x[xo + i * xs]);
            }
        }
    }

    /**
     * One row of {@link Kernels#binary}: out[i] = f(a[i], b[i]) for n elements with strides, the loop
     * template of every arithmetic {@link BinaryOp}; as {@link #map}, with loops for a repeated
     * (stride 0) operand on either side at the other's offset (a tensor and a scalar).
     */
    static void map(Fn2 f, int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = f.apply(a[i], b[i]);
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = f.apply(a[ao + i], b[bo + i]);
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            float s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = f.apply(a[i], s);
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            float s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = f.apply(s, b[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = f.apply(a[ao + i * as], b[bo + i * bs]);
            }
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

    /**
     * out[i] = f(a[i], b[i]) into a bool array: the loop template of every comparison
     * {@link BinaryOp}, with a loop of its own for a repeated b (x &gt; 0, x &lt;= threshold).
     */
    static void compare(
            Test2 f, int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
        if (n > 0 && as == 1 && os == 1 && bs == 0) {
            float s = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = f.test(a[ao + i], s);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = f.test(a[ao + i * as], b[bo + i * bs]);
            }
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
