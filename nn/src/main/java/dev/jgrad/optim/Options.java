package dev.jgrad.optim;

import dev.jgrad.tensor.format.PyFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Option values as Python prints them, and back: optimizer reprs use the printed form, and
 * optimizer files keep their group options in the safetensors header as these strings.
 */
final class Options {
    private Options() {}

    /** Python's str() of an option: {@code 0.1}, {@code True}, {@code (0.9, 0.999)}, {@code [0, 1]}, {@code None}. */
    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return PyFormat.repr(((Number) v).doubleValue());
        }
        if (v instanceof double[]) {
            double[] a = (double[]) v;
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(PyFormat.repr(a[i]));
            }
            return sb.append(a.length == 1 ? ",)" : ")").toString();
        }
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : (List<?>) v) {
                sb.append(sb.length() == 1 ? "" : ", ").append(repr(o));
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }

    /** A Python int or float literal as {@link #repr} writes them. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?");

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    /**
     * Reads back what {@link #repr} wrote, laid out exactly so: {@code None}, {@code True},
     * {@code False}, an int (as a Long), a float (as a Double; {@code inf}, {@code -inf} and
     * {@code nan} too), a tuple of numbers ({@code ()}, {@code (x,)}, {@code (x, y)}; as a
     * double[]) or a list of scalars ({@code []}, {@code [a, b]}). Python's float repr is the
     * shortest string that reads back to the same double, so doubles survive exactly. Anything
     * else, nesting included, fails with an IllegalArgumentException that says what was
     * expected: the text comes from files.
     */
    static Object parse(String s) {
        if (s.startsWith("(") && s.endsWith(")") && s.length() >= 2) {
            String body = s.substring(1, s.length() - 1);
            String[] parts = body.isEmpty()
                    ? new String[0]
                    : body.endsWith(",") ? new String[] {body.substring(0, body.length() - 1)} : body.split(", ", -1);
            if (parts.length == 1 && !body.endsWith(",")) {
                throw new IllegalArgumentException("expected a tuple such as (0.9, 0.999) or (0.9,), found " + cut(s));
            }
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Object x = scalar(parts[i], s);
                if (!(x instanceof Long || x instanceof Double)) {
                    throw new IllegalArgumentException("expected a tuple of numbers, found " + cut(s));
                }
                out[i] = ((Number) x).doubleValue();
            }
            return out;
        }
        if (s.startsWith("[") && s.endsWith("]") && s.length() >= 2) {
            String body = s.substring(1, s.length() - 1);
            List<Object> out = new ArrayList<>();
            if (!body.isEmpty()) {
                for (String part : body.split(", ", -1)) {
                    out.add(scalar(part, s));
                }
            }
            return out;
        }
        return scalar(s, s);
    }

    private static Object scalar(String s, String whole) {
        switch (s) {
            case "None":
                return null;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        if (INTEGER.matcher(s).matches()) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer within 64 bits, found " + cut(whole));
            }
        }
        if (NUMBER.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException("expected None, True, False, a number, a tuple of numbers or a list of"
                + " scalars, found " + cut(whole));
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
