package dev.jgrad.tensor;

/**
 * The float32 inner loops: every hot elementwise and reduction loop on float[] lives here, over
 * (array, offset, stride, n) descriptors, and goes to {@link dev.jgrad.tensor.kernel.Kernels}
 * (SIMD when available); matmul goes to the GEMM kernels from {@link LinAlg}.
 */
final class FloatLoops {
    private FloatLoops() {}

    /** Whether {@link #binary} implements {@code op}; others go through the double path. */
    static boolean supports(BinaryOp op) {
        switch (op) {
            case ADD:
            case SUB:
            case MUL:
            case DIV:
            case MAXIMUM:
            case MINIMUM:
                return true;
            default:
                return false;
        }
    }

    /** {@code o[i] = a[i] op b[i]} over n elements with the given strides (the SIMD kernels when available). */
    static void binary(
            BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (!supports(op)) {
            throw new IllegalArgumentException("no float32 loop for " + op);
        }
        KernelOps.K.binary(KernelOps.of(op), n, a, ao, as, b, bo, bs, o, oo, os);
    }

    /** {@code o[i] = a[i] cmp b[i]} for the six comparisons, into a bool array. */
    static void compare(
            BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int oo, int os, int n) {
        KernelOps.K.compare(KernelOps.comparison(op), n, a, ao, as, b, bo, bs, o, oo, os);
    }

    /** {@code o[i] = c[i] ? a[i] : b[i]}. */
    static void where(
            boolean[] c,
            int co,
            int cs,
            float[] a,
            int ao,
            int as,
            float[] b,
            int bo,
            int bs,
            float[] o,
            int oo,
            int os,
            int n) {
        KernelOps.K.where(n, c, co, cs, a, ao, as, b, bo, bs, o, oo, os);
    }

    /** {@code o[i] = a[i] + alpha * b[i]} (the {@code add(other, alpha)} form, also used by optimisers). */
    static void addScaled(
            float[] a, int ao, int as, float alpha, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        KernelOps.K.addScaled(n, a, ao, as, alpha, b, bo, bs, o, oo, os);
    }

    /** {@code o[i] = f(a[i])}: the SIMD kernels for all but logical_not. */
    static void unary(UnaryOp op, float[] a, int ao, int as, float[] o, int oo, int os, int n) {
        if (op != UnaryOp.LOGICAL_NOT) {
            KernelOps.K.unary(KernelOps.of(op), n, a, ao, as, o, oo, os);
            return;
        }
        for (int i = 0; i < n; i++) {
            o[oo + i * os] = a[ao + i * as] == 0 ? 1f : 0f;
        }
    }

    /** {@code o[i] = min(max(a[i], lo), hi)}; NaN stays NaN. */
    static void clamp(float lo, float hi, float[] a, int ao, int as, float[] o, int oo, int os, int n) {
        KernelOps.K.clamp(n, a, ao, as, lo, hi, o, oo, os);
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

    /** {@code d[i] = (float) (s[i] & 0xFF)}: uint8 to float32. */
    static void fromUint8(byte[] s, int so, int ss, float[] d, int dO, int ds, int n) {
        KernelOps.K.fromUint8(n, s, so, ss, d, dO, ds);
    }

    /** {@code o[i] = x[i] <= threshold ? 0 : g[i]}: the gradient of ReLU and threshold. */
    static void thresholdBackward(
            float[] g, int go, int gs, float[] x, int xo, int xs, float threshold, float[] o, int oo, int os, int n) {
        KernelOps.K.thresholdBackward(n, g, go, gs, x, xo, xs, threshold, o, oo, os);
    }

    /**
     * Sum of n elements in double (the SIMD kernels add float32 blocks, then the block sums in
     * double); the same on every thread count because callers split only at fixed block boundaries.
     */
    static double sum(float[] a, int off, int stride, int n) {
        return KernelOps.K.sum(n, a, off, stride);
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
}
