package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.function.Function;

/** Analytic gradients against central finite differences, in float64. */
final class GradCheck {
    private GradCheck() {}

    /** Checks d(sum of f(x) · w)/dx for a fixed random-free weighting w = 1, 2, 3, … . */
    static void check(Function<Tensor, Tensor> f, NDArray x64) {
        check(f, x64, "");
    }

    /** {@link #check(Function, NDArray)}, naming the case in a failure. */
    static void check(Function<Tensor, Tensor> f, NDArray x64, String what) {
        Tensor x = Tensor.of(x64.clone()).requiresGrad_();
        Tensor out = f.apply(x);
        NDArray weights = NDArray.arange(1.0, out.numel() + 1.0, 1.0)
                .toDouble()
                .view(out.shape().toArray());
        Tensor.of(weights).mul(out).sum().backward();
        double[] analytic = x.grad().toDoubleArray();
        double[] base = x64.contiguous().toDoubleArray();
        int[] shape = x64.shape().toArray();
        double h = 1e-6;
        for (int i = 0; i < base.length; i++) {
            double[] plus = base.clone();
            double[] minus = base.clone();
            plus[i] += h;
            minus[i] -= h;
            double fp = weighted(f, plus, shape, weights);
            double fm = weighted(f, minus, shape, weights);
            double numeric = (fp - fm) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-5 * Math.max(1, Math.abs(numeric)), what + ": element " + i);
        }
    }

    private static double weighted(Function<Tensor, Tensor> f, double[] values, int[] shape, NDArray weights) {
        Tensor out = f.apply(Tensor.of(NDArray.wrap(values, shape)));
        return Tensor.of(weights).mul(out).sum().item();
    }
}
