package dev.jgrad.tensor.kernel;

/**
 * float64 functions of the kernels that the JDK lacks, under {@link FloatMath}'s names: a float32
 * loop's {@code FloatMath.erf} is {@code DoubleMath.erf} in the float64 loop generated from it
 * (and {@code FloatMath.exp} is {@code Math.exp}).
 */
final class DoubleMath {
    private DoubleMath() {}

    /** 1 / (1 + e^-x), torch's formula: in double only results below 1e-308 are lost. */
    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * erf(x) in double, to within a few double ulp: for |x| &lt; 2 the series of positive terms
     * erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (1 3 5 ... (2n+1)), which does not cancel;
     * above, 1 - erfc(x) with erfc from its continued fraction (Lentz); 1 from 6 on, where erfc
     * is below half an ulp of 1. The JDK has no erf.
     */
    static double erf(double x) {
        double a = Math.abs(x);
        if (!(a < 6)) {
            return a == a ? Math.copySign(1.0, x) : x;
        }
        double t = a * a;
        // e^(-a^2) with the rounding error of a^2 put back
        double e = Math.exp(-t);
        e -= e * Fma.fma(a, a, -t);
        double r;
        if (a < 2) {
            double term = a;
            double sum = a;
            for (int n = 1; n < 200 && term > 1e-18 * sum; n++) {
                term *= 2 * t / (2 * n + 1);
                sum += term;
            }
            r = 2 / Math.sqrt(Math.PI) * e * sum;
        } else {
            // erfc(a) = e^(-a^2) / sqrt(pi) / (a + (1/2) / (a + 1 / (a + (3/2) / (a + ...))))
            double tiny = 1e-300;
            double f = a;
            double c = a;
            double d = 0;
            for (int k = 1; k < 500; k++) {
                double an = k * 0.5;
                d = a + an * d;
                d = d == 0 ? 1 / tiny : 1 / d;
                c = a + an / c;
                c = c == 0 ? tiny : c;
                double delta = c * d;
                f *= delta;
                if (Math.abs(delta - 1) < 1e-17) {
                    break;
                }
            }
            r = 1 - e / Math.sqrt(Math.PI) / f;
        }
        return Math.copySign(r, x);
    }
}
