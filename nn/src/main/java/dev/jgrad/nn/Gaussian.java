package dev.jgrad.nn;

/**
 * The standard normal distribution in double precision, for GELU: its cdf Φ, its density φ and
 * the complementary error function they rest on. {@code Math} has no erf, and PyTorch's float
 * formula {@code 0.5·x·(1 + erf(x/√2))} cancels to 0 for x below about -5 where GELU is still a
 * normal float; {@code erfc} keeps those digits.
 */
final class Gaussian {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double SQRT1_2 = Math.sqrt(0.5);
    /** Below it the series for erf converges fast; above it the continued fraction for erfc does. */
    private static final double SERIES_LIMIT = 2.5;
    /** erfc(27.3) < 2^-1074: beyond it erfc is 0 in double. */
    private static final double ERFC_ZERO = 27.3;

    private Gaussian() {
    }

    /** Φ(x) = P(N(0, 1) ≤ x) = erfc(-x/√2)/2, to a few double ulps, without cancellation for x &lt; 0. */
    static double cdf(double x) {
        double z = -x * SQRT1_2;
        if (z >= SERIES_LIMIT) {
            // exp(-z²) from x itself: z² carries z's rounding error, magnified by z² in the exponential.
            return z > ERFC_ZERO ? 0 : 0.5 * Math.exp(-0.5 * x * x) * erfcFractionScaled(z);
        }
        return 0.5 * erfc(z);
    }

    /** φ(x) = exp(-x²/2)/√(2π). */
    static double pdf(double x) {
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
    }

    /** erf(x) = 2/√π ∫₀ˣ exp(-t²) dt. */
    static double erf(double x) {
        double z = Math.abs(x);
        double r = z < SERIES_LIMIT ? erfSeries(z) : 1 - erfcFraction(z);
        return Math.copySign(r, x);
    }

    /** erfc(x) = 1 - erf(x), with its relative accuracy kept for large x. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double z = Math.abs(x);
        double upper = z < SERIES_LIMIT ? 1 - erfSeries(z) : erfcFraction(z);
        return x < 0 ? 2 - upper : upper;
    }

    /**
     * erf(z) = 2/√π·exp(-z²)·Σ 2ⁿz²ⁿ⁺¹/(1·3·…·(2n+1)) for z ≥ 0 (Abramowitz and Stegun 7.1.6):
     * every term is positive, so nothing cancels.
     */
    private static double erfSeries(double z) {
        double z2 = 2 * z * z;
        double term = z;
        double sum = z;
        for (int n = 0; term > 1e-17 * sum; n++) {
            term *= z2 / (2 * n + 3);
            sum += term;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-z * z) * sum;
    }

    /**
     * erfc(z) = exp(-z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))) for z ≥ 2.5 (A&amp;S 7.1.14),
     * by the modified Lentz method.
     */
    private static double erfcFraction(double z) {
        return z > ERFC_ZERO ? 0 : Math.exp(-z * z) * erfcFractionScaled(z);
    }

    /** exp(z²)·erfc(z) for z ≥ 2.5: the continued fraction without its exponential factor. */
    private static double erfcFractionScaled(double z) {
        final double tiny = 1e-300;
        double f = z;
        double c = z;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n * 0.5;
            d = z + a * d;
            d = d == 0 ? tiny : d;
            c = z + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return ONE_OVER_SQRT_PI / f;
    }
}
