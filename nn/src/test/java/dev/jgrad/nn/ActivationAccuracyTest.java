package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The fused activations built on transcendental functions (GELU, SiLU, Softplus) are within 2
 * float32 ulp of their double-precision value over 10⁷ samples with |x| up to 1e4; the double erfc
 * that GELU rests on is itself held against a 120-digit series.
 */
class ActivationAccuracyTest {
    private static final MathContext MC = new MathContext(120);
    private static final int SAMPLES = 10_000_000;
    private static final int CHUNK = 1 << 20;

    /** π by Machin's formula, 16·atan(1/5) - 4·atan(1/239). */
    private static BigDecimal pi() {
        return atanInverse(5)
                .multiply(BigDecimal.valueOf(16))
                .subtract(atanInverse(239).multiply(BigDecimal.valueOf(4)), MC);
    }

    private static BigDecimal atanInverse(int k) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(k), MC);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal power = x;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; power.compareTo(BigDecimal.ONE.movePointLeft(125)) > 0; n++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = n % 2 == 0 ? sum.add(term, MC) : sum.subtract(term, MC);
            power = power.multiply(x2, MC);
        }
        return sum;
    }

    /** erfc(z) = 1 - 2/√π Σ (-1)ⁿ z²ⁿ⁺¹/(n!(2n+1)), in 120 digits (enough for the cancellation up to z = 9). */
    private static double erfcReference(BigDecimal z, BigDecimal twoOverSqrtPi) {
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal power = z; // z^(2n+1)/n!
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; n < 2000; n++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = n % 2 == 0 ? sum.add(term, MC) : sum.subtract(term, MC);
            if (n > z2.doubleValue() && term.abs().compareTo(BigDecimal.ONE.movePointLeft(110)) < 0) {
                break;
            }
            power = power.multiply(z2, MC).divide(BigDecimal.valueOf(n + 1), MC);
        }
        return BigDecimal.ONE.subtract(twoOverSqrtPi.multiply(sum, MC), MC).doubleValue();
    }

    @Test
    void erfcAndTheNormalCdfMatchAHighPrecisionSeries() {
        BigDecimal twoOverSqrtPi = BigDecimal.valueOf(2).divide(pi().sqrt(MC), MC);
        BigDecimal sqrtHalf = BigDecimal.valueOf(0.5).sqrt(MC);
        // Points around every boundary (the pieces every 1/4, the table's end at 8), and random ones.
        java.util.List<Double> zs = new java.util.ArrayList<>(java.util.List.of(
                -3.0, -2.5, -1.0, -0.3, 0.0, 1e-8, 0.2, 0.5, 1.0, 1.7, 2.4999, 2.5, 2.5001, 3.0, 4.0, 5.5, 7.0, 7.9999,
                8.0, 8.0001, 8.9));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            zs.add(random.nextDouble(-3, 9));
        }
        for (double z : zs) {
            double expected = erfcReference(new BigDecimal(z), twoOverSqrtPi);
            // 1e-13 relative: far below float's 6e-8, the scale at which GELU rounds the result.
            double tolerance = 1e-13;
            assertEquals(expected, Gaussian.erfc(z), tolerance * Math.abs(expected), "erfc(" + z + ")");
            assertEquals(1 - expected, Gaussian.erf(z), 1e-14, "erf(" + z + ")");
            // Φ(x) = erfc(-x/√2)/2, with x/√2 taken exactly in the reference
            double x = -z * Math.sqrt(2);
            double cdf = 0.5 * erfcReference(new BigDecimal(x).negate().multiply(sqrtHalf, MC), twoOverSqrtPi);
            assertEquals(cdf, Gaussian.cdf(x), tolerance * cdf, "cdf(" + x + ")");
        }
        assertEquals(0.0, Gaussian.erfc(30));
        assertEquals(2.0, Gaussian.erfc(-30));
        assertTrue(Double.isNaN(Gaussian.erfc(Double.NaN)));
    }

    /** The double-precision value of each function, written from its textbook definition. */
    private static double geluTanh(double x) {
        double u = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
        // 0.5(1 + tanh u) = e^u/(e^u + e^-u), which for very negative u avoids 1 + tanh u's cancellation
        return u > -3 ? 0.5 * x * (1 + Math.tanh(u)) : x * Math.exp(2 * u) / (1 + Math.exp(2 * u));
    }

    private static double softplus(double x) {
        return x > 700 ? x : Math.log1p(Math.exp(x));
    }

    @Test
    void fusedActivationsAreWithinTwoUlpOverTenMillionSamples() {
        check("gelu", F::gelu, x -> x * Gaussian.cdf(x));
        check("gelu tanh", x -> F.gelu(x, "tanh"), ActivationAccuracyTest::geluTanh);
        check("silu", F::silu, x -> x / (1 + Math.exp(-x)));
        check("softplus", F::softplus, ActivationAccuracyTest::softplus);
    }

    /** Half the samples uniform in [-12, 12], half log-uniform in magnitude over [1e-6, 1e4] with either sign. */
    private static float[] samples(SplittableRandom random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0
                    ? (float) random.nextDouble(-12, 12)
                    : (float) (Math.pow(10, random.nextDouble(-6, 4)) * (random.nextBoolean() ? 1 : -1));
        }
        return x;
    }

    private static void check(String name, UnaryOperator<Tensor> kernel, DoubleUnaryOperator reference) {
        SplittableRandom random = new SplittableRandom(42);
        double worst = 0;
        float worstAt = 0;
        for (int done = 0; done < SAMPLES; done += CHUNK) {
            int n = Math.min(CHUNK, SAMPLES - done);
            float[] x = samples(random, n);
            float[] y = kernel.apply(Tensor.of(NDArray.wrap(x, n))).toFloatArray();
            for (int i = 0; i < n; i++) {
                double exact = reference.applyAsDouble(x[i]);
                double ulps = Math.abs(y[i] - exact) / Math.ulp((float) exact);
                if (!(ulps <= worst)) {
                    worst = ulps;
                    worstAt = x[i];
                }
            }
        }
        assertTrue(worst <= 2, name + " is " + worst + " ulp off at x = " + worstAt);
    }
}
