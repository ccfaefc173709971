package dev.jgrad.optim;

import dev.jgrad.tensor.format.PyFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * Option values as Python prints them, and back: optimizer reprs use the printed form, and
 * optimizer files keep their group options in the safetensors header as these strings.
 */
final class Options {
    private Options() {
    }

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

    /**
     * Reads back what {@link #repr} wrote. Python's float repr is the shortest string that reads
     * back to the same double, so doubles survive exactly.
     */
    static Object parse(String s) {
        if (s.equals("None")) {
            return null;
        }
        if (s.equals("True") || s.equals("False")) {
            return s.equals("True");
        }
        if (s.startsWith("(") && s.endsWith(")")) {
            String body = s.substring(1, s.length() - 1).trim();
            if (body.endsWith(",")) {
                body = body.substring(0, body.length() - 1);
            }
            if (body.isEmpty()) {
                return new double[0];
            }
            String[] parts = body.split(",");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = parseDouble(parts[i].trim());
            }
            return out;
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            List<Object> out = new ArrayList<>();
            String body = s.substring(1, s.length() - 1).trim();
            if (!body.isEmpty()) {
                for (String part : body.split(",")) {
                    out.add(parse(part.trim()));
                }
            }
            return out;
        }
        if (s.matches("-?\\d+")) {
            return Integer.valueOf(s);
        }
        return parseDouble(s);
    }

    private static double parseDouble(String s) {
        switch (s) {
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "nan": return Double.NaN;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an optimizer option value: '" + s + "'", e);
                }
        }
    }
}
