package dev.jgrad.tensor.kernel;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * double elementwise loops of the scalar kernels: the loop templates that the ops' constants
 * ({@link UnaryOp}, {@link BinaryOp}) run with their scalar definitions, and the loops of the
 * kernels with no op to choose (clamp, where, ...). The vector kernels use them for strides they
 * do not vectorise and for tails.
 */
final class ScalarDoubleOps {
    private ScalarDoubleOps() {}

    /**
     * out[i] = f(x[i]) for n elements with strides: the loop template of every {@link UnaryOp}, which
     * each op's override calls with its own lambda (see there why). Contiguous operands get loops
     * without a stride in the index, which C2 unrolls without bounds checks; operands at one
     * common offset (fresh tensors, in-place ops) get a loop over a shared index, the only form C2
     * (JDK 17 to 25) auto-vectorises, as it cannot otherwise rule out that the output overlaps an
     * input a few elements ahead. Every path computes the same values in the same order.
     */
    static void map(DoubleUnaryOperator f, int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = f.applyAsDouble(x[i]);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = f.applyAsDouble(x[xo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = f.applyAsDouble(x[xo + i * xs]);
            }
        }
    }

    /**
     * One row of {@link Kernels#binary}: out[i] = f(a[i], b[i]) for n elements with strides, the loop
     * template of every arithmetic {@link BinaryOp}; as {@link #map}, with loops for a repeated
     * (stride 0) operand on either side at the other's offset (a tensor and a scalar).
     */
    static void map(
            DoubleBinaryOperator f,
            int n,
            double[] a,
            int ao,
            int as,
            double[] b,
            int bo,
            int bs,
            double[] out,
            int oo,
            int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = f.applyAsDouble(a[i], b[i]);
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = f.applyAsDouble(a[ao + i], b[bo + i]);
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            double s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = f.applyAsDouble(a[i], s);
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            double s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = f.applyAsDouble(s, b[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = f.applyAsDouble(a[ao + i * as], b[bo + i * bs]);
            }
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
