package dev.jgrad.tensor.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float formatting, reproduced digit for digit.
 *
 * <p>Every method works on the exact binary value of the double through {@link BigDecimal}, so
 * rounding is half-to-even on that value, as CPython's {@code format} does. {@code String.format}
 * is never used: it rounds half-up and depends on the locale. {@code Double.toString} is never
 * used either: before JDK 19 it does not always give the shortest digits.
 */
public final class PyFormat {
    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private PyFormat() {}

    /**
     * Python's {@code repr(float)}: the shortest decimal that reads back as {@code v} (the nearest
     * such one when several have that length), in fixed notation when the decimal exponent is in
     * [-4, 16), else in scientific notation, e.g. {@code 0.6931471824645996}, {@code 1e-05},
     * {@code 1e+16}, {@code 2.0}, {@code -0.0}, {@code inf}, {@code nan}.
     */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        String sign = isNegative(v) ? "-" : "";
        if (Double.isInfinite(v)) {
            return sign + "inf";
        }
        if (v == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(v)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int n = digits.length();
        // The value is 0.<digits> x 10^decpt, the convention CPython's repr rules are written in.
        int decpt = n - shortest.scale();
        StringBuilder sb = new StringBuilder(sign);
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= n) {
                sb.append(digits).append("0".repeat(decpt - n)).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
            }
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            appendExponent(sb, decpt - 1);
        }
        return sb.toString();
    }

    /**
     * Python's {@code '{:.Nf}'.format(v)} with N = {@code digits}: fixed notation, exactly
     * rounded half-to-even; the sign of negative values and of -0.0 is kept ({@code -0.0000}).
     */
    public static String fixed(double v, int digits) {
        requireDigits(digits);
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        String body = new BigDecimal(Math.abs(v))
                .setScale(digits, RoundingMode.HALF_EVEN)
                .toPlainString();
        return isNegative(v) ? "-" + body : body;
    }

    /**
     * Python's {@code '{:.Ne}'.format(v)} with N = {@code digits}: one digit before the point,
     * N after, exactly rounded half-to-even, and an exponent of at least two digits
     * ({@code 1.2346e+10}, {@code 0.0000e+00}).
     */
    public static String sci(double v, int digits) {
        requireDigits(digits);
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        StringBuilder sb = new StringBuilder(isNegative(v) ? "-" : "");
        String mantissa;
        int exponent;
        if (v == 0) {
            mantissa = "0".repeat(digits + 1);
            exponent = 0;
        } else {
            BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            String u = r.unscaledValue().toString();
            exponent = u.length() - r.scale() - 1;
            // An exactly representable value may carry fewer digits than asked for: pad.
            mantissa = u + "0".repeat(digits + 1 - u.length());
        }
        sb.append(mantissa.charAt(0));
        if (digits > 0) {
            sb.append('.').append(mantissa, 1, digits + 1);
        }
        appendExponent(sb, exponent);
        return sb.toString();
    }

    /**
     * The shortest decimal that converts back to {@code a} (positive and finite); among those of
     * that length, the nearest to {@code a}, ties going to the even last digit.
     *
     * <p>At each length only the two neighbours of {@code a} (rounded down and up) can be
     * candidates: the set of decimals that read back as {@code a} is an interval around it.
     * Both must be tried because that interval is lopsided at powers of two.
     */
    static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p < MAX_SIGNIFICANT_DIGITS; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == a;
            boolean upOk = up.doubleValue() == a;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp != 0) {
                    return cmp < 0 ? down : up;
                }
                return exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        // 17 significant digits always identify a double.
        return exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
    }

    private static void appendExponent(StringBuilder sb, int exponent) {
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        sb.append(abs);
    }

    private static String nonFinite(double v) {
        // CPython ignores the sign of a NaN when formatting.
        if (Double.isNaN(v)) {
            return "nan";
        }
        return v < 0 ? "-inf" : "inf";
    }

    private static boolean isNegative(double v) {
        return Double.doubleToRawLongBits(v) < 0;
    }

    private static void requireDigits(int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("Format specifier precision must be non-negative, got " + digits);
        }
    }
}
