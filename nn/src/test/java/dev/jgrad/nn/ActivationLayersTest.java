package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** LeakyReLU, GELU, SiLU, ELU and Softplus: values by hand, PyTorch's printing, gradients by finite differences. */
class ActivationLayersTest {
    private static final Tensor X = Tensor.tensor(new float[][] {{-2, -0.5f, 0}, {0.5f, 1, 3}});

    private static void assertValues(double[] expected, Tensor actual, double tol) {
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected[i], a[i], tol * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }

    private static double[] formula(DoubleUnaryOperator f) {
        float[] x = X.toFloatArray();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.applyAsDouble(x[i]);
        }
        return out;
    }

    @Test
    void leakyReluScalesTheNegativeSide() {
        assertArrayEquals(
                new float[] {-0.02f, -0.005f, 0, 0.5f, 1, 3},
                new LeakyReLU().call(X).toFloatArray());
        assertArrayEquals(
                new float[] {-0.4f, -0.1f, 0, 0.5f, 1, 3},
                new LeakyReLU(0.2).call(X).toFloatArray());
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("LeakyReLU(negative_slope=0.2)", new LeakyReLU(0.2).toString());
    }

    @Test
    void geluMatchesTheNormalCdf() {
        // x·Φ(x), Φ from tables: Φ(0.5) = 0.6914624612740131, Φ(1) = 0.8413447460685429, Φ(2) = 0.9772498680518208
        assertValues(
                new double[] {
                    -2 * (1 - 0.9772498680518208),
                    -0.5 * (1 - 0.6914624612740131),
                    0,
                    0.5 * 0.6914624612740131,
                    0.8413447460685429,
                    3 * 0.9986501019683699
                },
                new GELU().call(X),
                1e-7);
        // Φ(-10) = 7.619853024160527e-24: PyTorch's float formula 0.5x(1 + erf(x/√2)) gives 0 here.
        assertEquals(
                -7.619853024160527e-23, F.gelu(Tensor.tensor(new float[] {-10})).item(), 1e-29);
        assertEquals(
                -7.619853024160527e-23,
                F.gelu(Tensor.tensor(new double[] {-10})).item(),
                1e-36);
        assertEquals("GELU(approximate='none')", new GELU().toString());
    }

    @Test
    void geluTanhIsPyTorchsDocumentedApproximation() {
        double[] expected =
                formula(x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
        assertValues(expected, new GELU("tanh").call(X), 1e-7);
        assertEquals("GELU(approximate='tanh')", new GELU("tanh").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GELU("fast"));
        assertTrue(e.getMessage().startsWith("approximate argument must be either none or tanh."), e.getMessage());
    }

    @Test
    void siluEluSoftplus() {
        assertValues(formula(x -> x / (1 + Math.exp(-x))), new SiLU().call(X), 1e-7);
        assertEquals(0.7310585786300049, F.silu(Tensor.tensor(new double[] {1})).item(), 1e-16);
        assertValues(formula(x -> x > 0 ? x : Math.exp(x) - 1), new ELU().call(X), 1e-7);
        assertValues(formula(x -> x > 0 ? x : 0.5 * (Math.exp(x) - 1)), new ELU(0.5).call(X), 1e-7);
        assertEquals(
                -0.8646647167633873, F.elu(Tensor.tensor(new double[] {-2})).item(), 1e-16);
        assertValues(formula(x -> Math.log(1 + Math.exp(x))), new Softplus().call(X), 1e-7);
        assertEquals(Math.log(2), F.softplus(Tensor.tensor(new double[] {0})).item(), 1e-16);
        // beta 2, threshold 1: 2x > 1 is linear, the rest log(1 + e^(2x))/2
        assertValues(formula(x -> 2 * x > 1 ? x : Math.log(1 + Math.exp(2 * x)) / 2), new Softplus(2, 1).call(X), 1e-7);
        assertEquals(
                0.6f, new Softplus(2, 1).call(Tensor.tensor(new float[] {0.6f})).toFloatArray()[0]);
        assertEquals("SiLU()", new SiLU().toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("Softplus(beta=1.0, threshold=20.0)", new Softplus().toString());
        assertEquals("Softplus(beta=2.0, threshold=1.0)", new Softplus(2, 1).toString());
    }

    @Test
    void dtypeAndShapeAreKept() {
        Module[] layers = {new LeakyReLU(), new GELU(), new GELU("tanh"), new SiLU(), new ELU(), new Softplus()};
        Tensor x64 = Tensor.randn(new Generator(2), 2, 3, 4).toDouble();
        for (Module m : layers) {
            Tensor y = m.call(x64);
            assertEquals(x64.dtype(), y.dtype(), m.toString());
            assertEquals(x64.shape(), y.shape(), m.toString());
            assertEquals(X.dtype(), m.call(X).dtype(), m.toString());
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> F.gelu(Tensor.tensor(new long[] {1, 2})));
        assertTrue(e.getMessage().startsWith("\"gelu\" not implemented for 'Long'"), e.getMessage());
    }

    @Test
    void gradFnsAreNamedAsPyTorchNamesThem() {
        Tensor x = X.clone().requiresGrad_();
        assertEquals("GeluBackward0", F.gelu(x).gradFn().name());
        assertEquals("SiluBackward0", F.silu(x).gradFn().name());
        assertEquals("EluBackward0", F.elu(x).gradFn().name());
        assertEquals("SoftplusBackward0", F.softplus(x).gradFn().name());
        assertEquals("LeakyReluBackward0", F.leakyRelu(x).gradFn().name());
    }

    /** Inputs on an odd shape, read through a transpose, kept away from the kinks at 0 (and 0.5 for Softplus below). */
    private static NDArray awayFromKinks(long seed) {
        NDArray x = NDArray.randn(new Generator(seed), 5, 3).toDouble().mul(2);
        NDArray shifted = NDArray.where(x.abs().lt(0.1), x.add(0.3), x);
        return shifted.t();
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        java.util.List<Function<Tensor, Tensor>> fs = java.util.List.of(
                x -> F.leakyRelu(x, 0.1), F::gelu, x -> F.gelu(x, "tanh"), F::silu, x -> F.elu(x, 0.7), F::softplus);
        long seed = 10;
        for (Function<Tensor, Tensor> f : fs) {
            GradCheck.check(f, awayFromKinks(seed++));
        }
        // Both sides of Softplus's threshold (beta·x = 1.5 at x = 0.75), on a non-contiguous view.
        NDArray both = NDArray.wrap(new double[] {-1.3, 0.2, 0.7, 0.8, 2.1, -0.4}, 2, 3)
                .t();
        GradCheck.check(x -> F.softplus(x, 2, 1.5), both);
        // Far into the tails the derivatives saturate without NaN.
        Tensor tails = Tensor.tensor(new double[] {-60, -30, 30, 60}).requiresGrad_();
        F.gelu(tails)
                .sum()
                .add(F.silu(tails).sum())
                .add(F.softplus(tails).sum())
                .add(F.elu(tails).sum())
                .add(F.gelu(tails, "tanh").sum())
                .backward();
        for (double g : tails.grad().toDoubleArray()) {
            assertTrue(Double.isFinite(g), "gradient " + g);
        }
        assertArrayEquals(new double[] {0, 0, 5, 5}, tails.grad().toDoubleArray(), 1e-10);
    }
}
