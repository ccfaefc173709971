package dev.jgrad.nn;

import dev.jgrad.autograd.CustomOp;
import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/**
 * The activations PyTorch implements as fused ops with their own backward formula (GELU, SiLU,
 * ELU, Softplus). Each value is computed in double from the input element and rounded once to
 * the input's dtype, so a float32 result is within one ulp of the exact one (PyTorch's float
 * kernels round at every step); the derivative is derivatives.yaml's formula, likewise per element.
 */
final class Activations {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double GELU_KAPPA = 0.044715;

    private Activations() {}

    /** An elementwise op: its value and its derivative at x, both in double. */
    private interface Pointwise {
        double value(double x);

        double derivative(double x);
    }

    static Tensor gelu(Tensor input, String approximate) {
        boolean tanh = checkApproximate(approximate);
        return apply("gelu", "GeluBackward0", input, new Pointwise() {
            @Override
            public double value(double x) {
                return tanh ? x * sigmoid(2 * geluTanhInner(x)) : x * Gaussian.cdf(x);
            }

            @Override
            public double derivative(double x) {
                if (!tanh) {
                    return Gaussian.cdf(x) + x * Gaussian.pdf(x);
                }
                // d/dx 0.5x(1 + tanh u) = 0.5(1 + tanh u) + 0.5x(1 - tanh²u)·u', u' = √(2/π)(1 + 3κx²);
                // with s = σ(2u): 1 + tanh u = 2s and 1 - tanh²u = 4s(1 - s).
                double s = sigmoid(2 * geluTanhInner(x));
                return s + 2 * x * s * (1 - s) * SQRT_2_OVER_PI * (1 + 3 * GELU_KAPPA * x * x);
            }
        });
    }

    /** Whether {@code approximate} is "tanh" (true) or "none" (false), as {@code F.gelu} accepts. */
    static boolean checkApproximate(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException(
                    "approximate argument must be either none or tanh., got '" + approximate + "'");
        }
        return approximate.equals("tanh");
    }

    /** u = √(2/π)(x + 0.044715x³), the argument of GELU's tanh approximation. */
    private static double geluTanhInner(double x) {
        return SQRT_2_OVER_PI * (x + GELU_KAPPA * x * x * x);
    }

    /**
     * log(1 + y) for y ≥ 0 to a few double ulps, by Kahan's trick on the fast {@code Math.log}
     * ({@code Math.log1p} is a software routine, several times slower): the rounding of 1 + y is
     * undone by the factor y/((1 + y) - 1).
     */
    private static double log1p(double y) {
        double u = 1 + y;
        return u == 1 ? y : Math.log(u) * (y / (u - 1));
    }

    /** 1/(1 + e^-x), which saturates to 0 and 1 without NaN. */
    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static Tensor silu(Tensor input) {
        return apply("silu", "SiluBackward0", input, new Pointwise() {
            @Override
            public double value(double x) {
                return x * sigmoid(x);
            }

            @Override
            public double derivative(double x) {
                double s = sigmoid(x);
                return s * (1 + x * (1 - s));
            }
        });
    }

    static Tensor elu(Tensor input, double alpha) {
        return apply("elu", "EluBackward0", input, new Pointwise() {
            @Override
            public double value(double x) {
                return x > 0 ? x : alpha * Math.expm1(x);
            }

            @Override
            public double derivative(double x) {
                return x > 0 ? 1 : alpha * Math.exp(x);
            }
        });
    }

    static Tensor softplus(Tensor input, double beta, double threshold) {
        return apply("softplus", "SoftplusBackward0", input, new Pointwise() {
            @Override
            public double value(double x) {
                // Above the threshold the function is linear to float precision (PyTorch's cut-off).
                return x * beta > threshold ? x : log1p(Math.exp(x * beta)) / beta;
            }

            @Override
            public double derivative(double x) {
                return x * beta > threshold ? 1 : sigmoid(x * beta);
            }
        });
    }

    /** {@code x > 0 ? x : slope·x} in the input's dtype, as PyTorch's kernel computes it. */
    static Tensor leakyRelu(Tensor input, double negativeSlope) {
        NDArray x = requireFloating(input, "leaky_relu");
        NDArray positive = x.gt(0);
        NDArray out = NDArray.where(positive, x, x.mul(negativeSlope));
        return CustomOp.apply(
                "LeakyReluBackward0",
                out,
                op -> {
                    Supplier<NDArray> sx = op.save(input);
                    return g -> new NDArray[] {NDArray.where(sx.get().gt(0), g, g.mul(negativeSlope))};
                },
                input);
    }

    private static Tensor apply(String name, String backwardName, Tensor input, Pointwise f) {
        NDArray x = requireFloating(input, name);
        NDArray out = map(x, f::value);
        return CustomOp.apply(
                backwardName,
                out,
                op -> {
                    Supplier<NDArray> sx = op.save(input);
                    return g -> new NDArray[] {map(sx.get(), g, (xv, gv) -> gv * f.derivative(xv))};
                },
                input);
    }

    private static NDArray requireFloating(Tensor input, String name) {
        NDArray x = input.data();
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + name + "\" not implemented for '"
                    + x.dtype().scalarTypeName() + "': it needs a float32 or float64 tensor (call toFloat() first)");
        }
        return x;
    }

    /** {@code f} of each element, evaluated in double and rounded once to {@code x}'s dtype. */
    static NDArray map(NDArray x, DoubleUnaryOperator f) {
        int[] shape = x.shape().toArray();
        if (x.dtype() == DType.FLOAT32) {
            float[] v = x.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) f.applyAsDouble(v[i]);
            }
            return NDArray.wrap(v, shape);
        }
        double[] v = x.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return NDArray.wrap(v, shape).to(x.dtype());
    }

    /** {@code f(x, g)} elementwise for same-shaped x and g, in double, rounded to {@code g}'s dtype. */
    static NDArray map(NDArray x, NDArray g, DoubleBinaryOperator f) {
        double[] xv = x.toDoubleArray();
        double[] gv = g.expand(x.shape().toArray()).toDoubleArray();
        for (int i = 0; i < xv.length; i++) {
            xv[i] = f.applyAsDouble(xv[i], gv[i]);
        }
        return NDArray.wrap(xv, x.shape().toArray()).to(g.dtype());
    }
}
