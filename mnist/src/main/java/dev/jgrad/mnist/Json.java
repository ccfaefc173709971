package dev.jgrad.mnist;

import java.util.Locale;

/** The little JSON that {@code --json} writes: strings and numbers. */
final class Json {

    private Json() {
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A finite number as JSON; NaN and infinities (a diverged loss) as null, which JSON can hold. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        return Double.toString(v);
    }
}
