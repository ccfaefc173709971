package dev.jgrad.bench.report;

import java.util.Locale;

/** Number formatting for the report: three significant digits, no exponents in normal ranges. */
final class Fmt {
    private Fmt() {}

    /** 216, 21.6, 2.16, 0.216, 0.0216. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        String pattern;
        if (a >= 100 || a == 0) {
            pattern = "%.0f";
        } else if (a >= 10) {
            pattern = "%.1f";
        } else if (a >= 1) {
            pattern = "%.2f";
        } else if (a >= 0.01) {
            pattern = "%.3f";
        } else {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, pattern, v);
    }

    /** Operations per second with an SI suffix: 1.23M, 45.6k, 789. */
    static String ops(double v) {
        if (v >= 1e9) {
            return num(v / 1e9) + "G";
        }
        if (v >= 1e6) {
            return num(v / 1e6) + "M";
        }
        if (v >= 1e3) {
            return num(v / 1e3) + "k";
        }
        return num(v);
    }

    /** A target's threshold as written: 220, 0.9, 20. */
    static String threshold(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String range(double lo, double hi) {
        return num(lo) + "–" + num(hi);
    }

    static String range(Stats s) {
        return range(s.min(), s.max());
    }

    static String ratio(double r) {
        return num(r) + "×";
    }

    /** A relative error such as 3.7e-08. */
    static String sci(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
