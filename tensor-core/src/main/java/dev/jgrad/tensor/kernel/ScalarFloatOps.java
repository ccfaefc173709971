package dev.jgrad.tensor.kernel;

// @float-only:begin
// The float64 loop, ScalarDoubleOps, is generated from this file in the build's generate-sources
// phase by tensor-core/src/build/GenerateDouble.java: lines between float-only markers are left
// out, a double-only comment line becomes code, and the rest goes through its substitutions.
// @float-only:end

/**
 * float elementwise loops of the scalar kernels that take no op (clamp, where, ...); the ops' loops
 * are in their enums ({@link UnaryOp}, {@link BinaryOp}). The vector kernels use them for
 * strides they do not vectorise and for tails. Of these, float64 has clamp (ScalarDoubleOps).
 */
final class ScalarFloatOps {
    private ScalarFloatOps() {}

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

    // @float-only:begin
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
    // @float-only:end
}
