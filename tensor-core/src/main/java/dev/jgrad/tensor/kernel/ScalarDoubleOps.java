package dev.jgrad.tensor.kernel;

/**
 * double elementwise loops of the scalar kernels that take no op (clamp); the ops' loops
 * are in their constants ({@link UnaryOp}, {@link BinaryOp}). The vector kernels use them for
 * strides they do not vectorise and for tails.
 */
final class ScalarDoubleOps {
    private ScalarDoubleOps() {}

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
