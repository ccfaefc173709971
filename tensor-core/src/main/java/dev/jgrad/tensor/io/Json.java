package dev.jgrad.tensor.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * jgrad's one JSON codec (RFC 8259), for every file it reads or writes: safetensors headers, the
 * {@code --json} results of {@code ./jgrad train}, JMH's result files. Python's {@code json}
 * module is the model for what it writes, the Rust {@code serde_json} crate (what the safetensors
 * reference parses with) for what it refuses.
 *
 * <p>Parsing is strict and bounded, as a reader of untrusted files must be: at most
 * {@value #MAX_BYTES} bytes of input and {@value #MAX_DEPTH} levels of nesting; duplicate keys,
 * trailing commas, comments, control characters in strings, invalid UTF-8 and lone UTF-16
 * surrogate escapes ({@code "\ud800"}) are errors. It works on the UTF-8 bytes themselves, so a
 * big document costs its own size plus the values it holds, not several copies.
 *
 * <p>Values: objects become insertion-ordered {@code Map<String, Object>}, arrays
 * {@code List<Object>}, strings {@code String}, {@code true}/{@code false} {@code Boolean},
 * {@code null} Java's null. Integers are {@code Long} ({@code BigInteger} beyond its range), other
 * numbers {@code Double}, and so is {@code -0} (as in serde_json), which keeps it apart from
 * {@code 0}.
 */
public final class Json {
    /** The longest input accepted, in bytes: the safetensors reference's limit on a header. */
    public static final int MAX_BYTES = 100_000_000;
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;

    /** A document that is not JSON, or breaks one of the limits; the message gives the byte offset. */
    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;
        /** The byte offset of the problem, from the start of the document. */
        private final long position;

        ParseException(long position, String message) {
            super(message + " at byte " + position);
            this.position = position;
        }

        /**
         * Where the problem was found.
         *
         * @return the offset, in bytes of UTF-8, from the start of the document
         */
        public long position() {
            return position;
        }
    }

    private final byte[] b;
    /** Where the document starts in b: error offsets count from here. */
    private final int base;

    private final int end;
    private final boolean nonFinite;
    private int pos;

    private Json(byte[] b, int offset, int length, boolean nonFinite) {
        this.b = b;
        this.base = offset;
        this.pos = offset;
        this.end = offset + length;
        this.nonFinite = nonFinite;
    }

    /**
     * Parses one JSON value that makes up all of {@code text}, whitespace aside.
     *
     * @param text the document
     * @return the value (see the class comment for the Java types)
     * @throws ParseException if the text is not JSON or breaks a limit
     */
    public static Object parse(String text) throws ParseException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return parse(utf8, 0, utf8.length);
    }

    /**
     * Parses one JSON value that makes up all of {@code length} UTF-8 bytes of {@code utf8} from
     * {@code offset}, whitespace aside. Offsets in errors count from {@code offset}.
     *
     * @param utf8 holds the document
     * @param offset where the document starts
     * @param length its length in bytes
     * @return the value (see the class comment for the Java types)
     * @throws ParseException if the bytes are not JSON in UTF-8 or break a limit
     */
    public static Object parse(byte[] utf8, int offset, int length) throws ParseException {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        return new Json(utf8, offset, length, false).document();
    }

    /**
     * {@link #parse(String)} that also reads {@code NaN}, {@code Infinity} and {@code -Infinity}
     * as Doubles: not JSON, but what JMH (and Python's {@code json}) write for such scores.
     *
     * @param text the document
     * @return the value
     * @throws ParseException if the text is not JSON (plus those three words) or breaks a limit
     */
    public static Object parseAllowingNonFinite(String text) throws ParseException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return new Json(utf8, 0, utf8.length, true).document();
    }

    private Object document() throws ParseException {
        if (end - base > MAX_BYTES) {
            throw new ParseException(0, "JSON of " + (end - base) + " bytes is longer than the limit of " + MAX_BYTES);
        }
        skipWhitespace();
        Object v = value(0);
        skipWhitespace();
        if (pos != end) {
            throw error("unexpected " + describe() + " after the JSON value");
        }
        return v;
    }

    private Object value(int depth) throws ParseException {
        if (pos >= end) {
            throw error("unexpected end of JSON, expected a value");
        }
        switch (b[pos]) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (nonFinite && (startsWith("NaN") || startsWith("Infinity") || startsWith("-Infinity"))) {
                    return nonFiniteNumber();
                }
                if (b[pos] == '-' || isDigit(peek())) {
                    return number();
                }
                throw error("unexpected " + describe() + ", expected a value");
        }
    }

    private Map<String, Object> object(int depth) throws ParseException {
        checkDepth(depth);
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        if (at('}')) {
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describe() + ", expected a string key");
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth);
            if (map.containsKey(key)) {
                throw new ParseException(keyAt - base, "duplicate key " + quote(key));
            }
            map.put(key, v);
            if (afterElement('}')) {
                return map;
            }
        }
    }

    private List<Object> array(int depth) throws ParseException {
        checkDepth(depth);
        pos++; // '['
        List<Object> list = new ArrayList<>();
        if (at(']')) {
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth));
            if (afterElement(']')) {
                return list;
            }
        }
    }

    /** After whitespace, whether {@code close} comes next (an empty object or array); consumes it if so. */
    private boolean at(char close) {
        skipWhitespace();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After an element and whitespace: true at {@code close}, false at a comma (both consumed); else an error. */
    private boolean afterElement(char close) throws ParseException {
        if (at(close)) {
            return true;
        }
        if (peek() == ',') {
            pos++;
            return false;
        }
        throw error("unexpected " + describe() + ", expected ',' or '" + close + "'");
    }

    private String string() throws ParseException {
        pos++; // opening quote
        int start = pos;
        // The common case, plain ASCII without escapes, becomes a String with no copy on the way.
        while (pos < end && b[pos] != '"' && b[pos] != '\\' && b[pos] >= 0x20) {
            pos++;
        }
        if (pos < end && b[pos] == '"') {
            pos++;
            return new String(b, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
        }
        pos = start;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= end) {
                throw error("unterminated string");
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error(String.format(Locale.ROOT, "control character U+%04X in a string", c));
            }
            if (c >= 0x80) {
                utf8(sb);
            } else if (c != '\\') {
                sb.append((char) c);
                pos++;
            } else {
                escape(sb);
            }
        }
    }

    private void escape(StringBuilder sb) throws ParseException {
        pos++; // backslash
        if (pos >= end) {
            throw error("unterminated string");
        }
        byte e = b[pos++];
        switch (e) {
            case '"':
                sb.append('"');
                break;
            case '\\':
                sb.append('\\');
                break;
            case '/':
                sb.append('/');
                break;
            case 'b':
                sb.append('\b');
                break;
            case 'f':
                sb.append('\f');
                break;
            case 'n':
                sb.append('\n');
                break;
            case 'r':
                sb.append('\r');
                break;
            case 't':
                sb.append('\t');
                break;
            case 'u': {
                int escapeAt = pos - 2;
                char c = hex4();
                if (Character.isHighSurrogate(c) && startsWith("\\u")) {
                    pos += 2;
                    char low = hex4();
                    if (!Character.isLowSurrogate(low)) {
                        throw loneSurrogate(c, escapeAt);
                    }
                    sb.append(c).append(low);
                } else if (Character.isSurrogate(c)) {
                    throw loneSurrogate(c, escapeAt);
                } else {
                    sb.append(c);
                }
                break;
            }
            default:
                pos--;
                throw error("invalid escape " + describe() + " after '\\'");
        }
    }

    private ParseException loneSurrogate(char c, int at) {
        return new ParseException(
                at - base,
                String.format(
                        Locale.ROOT,
                        "lone UTF-16 surrogate \\u%04x (an escaped surrogate must be a high one followed by a low one)",
                        (int) c));
    }

    private char hex4() throws ParseException {
        if (end - pos < 4) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(b[pos + i], 16);
            if (d < 0) {
                pos += i;
                throw error("invalid \\u escape: " + describe() + " is not a hex digit");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    /** Decodes one UTF-8 sequence at pos (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF). */
    private void utf8(StringBuilder sb) throws ParseException {
        int c = b[pos] & 0xff;
        int n;
        int min;
        int cp;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1;
            min = 0x80;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2;
            min = 0x800;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            throw error(String.format(Locale.ROOT, "invalid UTF-8: byte 0x%02x cannot start a character", c));
        }
        for (int i = 1; i <= n; i++) {
            if (pos + i >= end) {
                throw error("invalid UTF-8: a character cut short by the end of the JSON");
            }
            int cont = b[pos + i] & 0xff;
            if ((cont & 0xc0) != 0x80) {
                throw error(String.format(
                        Locale.ROOT,
                        "invalid UTF-8: byte 0x%02x at byte %d does not continue a" + " character",
                        cont,
                        pos + i - base));
            }
            cp = (cp << 6) | (cont & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            throw error(
                    String.format(Locale.ROOT, "invalid UTF-8: %s encoding of U+%04X", cp < min ? "overlong" : "an", cp)
                            + (cp < min ? "" : ", which is not a Unicode scalar value"));
        }
        sb.appendCodePoint(cp);
        pos += n + 1;
    }

    private Object number() throws ParseException {
        int start = pos;
        boolean integral = true;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number: a digit must follow '-'");
        }
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number: digits expected after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: digits expected in the exponent");
            }
            digits();
        }
        String text = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
        if (integral) {
            if (text.equals("-0")) {
                return -0.0; // as serde_json: the sign survives, and -0 is no natural number
            }
            if (pos - start <= 18) {
                return Long.parseLong(text);
            }
            BigInteger big = new BigInteger(text);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            throw new ParseException(start - base, "number out of range: " + text);
        }
        return d;
    }

    private Double nonFiniteNumber() {
        if (startsWith("NaN")) {
            pos += 3;
            return Double.NaN;
        }
        boolean negative = b[pos] == '-';
        pos += negative ? 9 : 8;
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object v) throws ParseException {
        if (!startsWith(word)) {
            throw error("unexpected " + describe() + ", expected a value");
        }
        pos += word.length();
        return v;
    }

    private boolean startsWith(String ascii) {
        if (end - pos < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[pos + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c) throws ParseException {
        if (peek() != c) {
            throw error("unexpected " + describe() + ", expected '" + c + "'");
        }
        pos++;
    }

    private void checkDepth(int depth) throws ParseException {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private int peek() {
        return pos < end ? b[pos] & 0xff : -1;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe() {
        if (pos >= end) {
            return "end of JSON";
        }
        int c = b[pos] & 0xff;
        return c < 0x20 || c > 0x7e ? String.format(Locale.ROOT, "byte 0x%02x", c) : "'" + (char) c + "'";
    }

    private ParseException error(String message) {
        return new ParseException(pos - base, message);
    }

    // ------------------------------------------------------------------ writing

    /**
     * {@code text} as a JSON string literal, quotes included: {@code "}, {@code \}, and control
     * characters escaped, everything else as is (Python's {@code json.dumps(s, ensure_ascii=False)}).
     *
     * @param text any string
     * @return the literal
     */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2);
        quote(text, sb);
        return sb.toString();
    }

    private static void quote(String text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    /**
     * Writes a value as JSON on one line, with Python's {@code json.dumps} separators
     * ({@code ", "} and {@code ": "}): maps (keys as strings, in iteration order), lists, strings,
     * numbers, booleans and null. A NaN or infinite number becomes {@code null}, which JSON can
     * hold (a diverged loss, say); integral Long/Integer values print without a fraction.
     *
     * @param value the value
     * @return its JSON text
     * @throws IllegalArgumentException for a value of another type, or nested deeper than {@value #MAX_DEPTH}
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
        }
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            quote((String) v, sb);
        } else if (v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Long
                || v instanceof Integer
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                }
                sb.append(first ? "" : ", ");
                quote((String) e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb, depth + 1);
                first = false;
            }
            sb.append('}');
        } else if (v instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object x : (List<?>) v) {
                sb.append(first ? "" : ", ");
                write(x, sb, depth + 1);
                first = false;
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException(
                    "no JSON form for a " + v.getClass().getName() + ": " + v);
        }
    }
}
