package dev.jgrad.nn;

/**
 * The standard normal distribution in double precision, for GELU: its cdf Φ, its density φ and
 * the error functions they rest on. {@code Math} has no erf, and PyTorch's float formula
 * {@code 0.5·x·(1 + erf(x/√2))} cancels to 0 for x below about -5 where GELU is still a normal
 * float; erfc keeps those digits.
 *
 * <p>Everything goes through the scaled complement {@code g(z) = exp(z²)·erfc(z)}, z ≥ 0, which is
 * smooth and between 0 and 1. Below {@link #TABLE_END} it is read from Chebyshev interpolants
 * fitted once, at class initialisation, to values from two slow but exact-to-double methods (a
 * series of positive terms and a continued fraction); above it the continued fraction is fast
 * and used directly. A call costs one {@code exp} and a degree-12 polynomial.
 */
final class Gaussian {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double SQRT1_2 = Math.sqrt(0.5);
    /** erfc(27.3) &lt; 2^-1074: beyond it erfc is 0 in double. */
    private static final double ERFC_ZERO = 27.3;
    /** The interpolants cover [0, TABLE_END) in pieces of width 1/PIECES_PER_UNIT. */
    private static final double TABLE_END = 8;

    private static final int PIECES_PER_UNIT = 4;
    /** Coefficients per piece: degree 12, far below double's rounding for g over a width of 1/4. */
    private static final int COEFFICIENTS = 13;

    private static final double[][] PIECES = fit();

    private Gaussian() {}

    /** Φ(x) = P(N(0, 1) ≤ x) = erfc(-x/√2)/2, to a few double ulps, without cancellation for x &lt; 0. */
    static double cdf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double z = Math.abs(x) * SQRT1_2;
        // exp(-x²/2) from x itself: z² would carry z's rounding error, magnified by z² in the exponential.
        double tail = z > ERFC_ZERO ? 0 : 0.5 * Math.exp(-0.5 * x * x) * erfcScaled(z);
        return x <= 0 ? tail : 1 - tail;
    }

    /** φ(x) = exp(-x²/2)/√(2π). */
    static double pdf(double x) {
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
    }

    /** erf(x) = 2/√π ∫₀ˣ exp(-t²) dt; near 0 from its series, so that its relative accuracy holds there. */
    static double erf(double x) {
        double z = Math.abs(x);
        double r = z < 0.5 ? erfSeries(z) : 1 - erfc(z);
        return Math.copySign(r, x);
    }

    /** erfc(x) = 1 - erf(x), with its relative accuracy kept for large x. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double z = Math.abs(x);
        double upper = z > ERFC_ZERO ? 0 : Math.exp(-z * z) * erfcScaled(z);
        return x < 0 ? 2 - upper : upper;
    }

    /** g(z) = exp(z²)·erfc(z) for z ≥ 0: the interpolants below {@link #TABLE_END}, the continued fraction above. */
    private static double erfcScaled(double z) {
        if (z >= TABLE_END) {
            return erfcFractionScaled(z);
        }
        int piece = (int) (z * PIECES_PER_UNIT);
        double[] c = PIECES[piece];
        // z mapped to t in [-1, 1] over the piece, then Clenshaw's recurrence
        double t = 2 * (z * PIECES_PER_UNIT - piece) - 1;
        double b1 = 0;
        double b2 = 0;
        for (int j = COEFFICIENTS - 1; j >= 1; j--) {
            double b0 = 2 * t * b1 - b2 + c[j];
            b2 = b1;
            b1 = b0;
        }
        return t * b1 - b2 + 0.5 * c[0];
    }

    /** Chebyshev coefficients of g on each piece, from g at the Chebyshev nodes. */
    private static double[][] fit() {
        int pieces = (int) (TABLE_END * PIECES_PER_UNIT);
        double[][] out = new double[pieces][COEFFICIENTS];
        int n = COEFFICIENTS;
        double[] values = new double[n];
        for (int p = 0; p < pieces; p++) {
            double lo = (double) p / PIECES_PER_UNIT;
            double half = 0.5 / PIECES_PER_UNIT;
            for (int k = 0; k < n; k++) {
                values[k] = erfcScaledExact(lo + half + half * Math.cos(Math.PI * (k + 0.5) / n));
            }
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += values[k] * Math.cos(Math.PI * j * (k + 0.5) / n);
                }
                out[p][j] = 2.0 / n * sum;
            }
        }
        return out;
    }

    /**
     * g(z) by the slow methods: exp(z²) - 2/√π·Σ (series) below 1, where the subtraction loses less
     * than a digit, and the continued fraction above (slow to converge near 1, but this runs once).
     */
    private static double erfcScaledExact(double z) {
        if (z < 1) {
            return Math.exp(z * z) - TWO_OVER_SQRT_PI * erfSeriesSum(z);
        }
        return erfcFractionScaled(z);
    }

    /** erf(z) for z ≥ 0 from its series. */
    private static double erfSeries(double z) {
        return TWO_OVER_SQRT_PI * Math.exp(-z * z) * erfSeriesSum(z);
    }

    /**
     * Σ 2ⁿz²ⁿ⁺¹/(1·3·…·(2n+1)), with erf(z) = 2/√π·exp(-z²)·Σ (Abramowitz and Stegun 7.1.6):
     * every term is positive, so nothing cancels.
     */
    private static double erfSeriesSum(double z) {
        double z2 = 2 * z * z;
        double term = z;
        double sum = z;
        for (int n = 0; term > 1e-17 * sum; n++) {
            term *= z2 / (2 * n + 3);
            sum += term;
        }
        return sum;
    }

    /**
     * exp(z²)·erfc(z) = 1/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))) for z ≥ 1 (A&amp;S 7.1.14),
     * by the modified Lentz method.
     */
    private static double erfcFractionScaled(double z) {
        final double tiny = 1e-300;
        double f = z;
        double c = z;
        double d = 0;
        for (int n = 1; n < 200_000; n++) {
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
