package dev.jgrad.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent JSON reader for the fuzz oracles, written from RFC 8259 and serde_json's rules
 * rather than from jgrad's codec: the whole text is decoded as strict UTF-8 first, then read by
 * recursive descent. Numbers stay as their literal text ({@link Num}), so that the oracle
 * decides what counts as a natural number. Rejection is a {@link Reject}.
 */
public final class SpecJson {
    /** The input is not acceptable; the oracle's "no". */
    public static final class Reject extends Exception {
        private static final long serialVersionUID = 1L;

        public Reject(String why) {
            super(why, null, false, false);
        }
    }

    /** A number, as written. */
    public record Num(String text) {
        /** Whether it is written as a natural number that fits a signed 64-bit integer. */
        public boolean isNatural() {
            if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            return text.length() < 19 || (text.length() == 19 && text.compareTo("9223372036854775807") <= 0);
        }

        public long value() {
            return Long.parseLong(text);
        }
    }

    static final int MAX_DEPTH = 64;
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private final String s;
    private int i;

    private SpecJson(String s) {
        this.s = s;
    }

    /** Parses strict UTF-8 JSON: objects as LinkedHashMap, arrays as List, numbers as Num, null as NULL. */
    public static Object parse(byte[] utf8) throws Reject {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Reject("not UTF-8");
        }
        SpecJson p = new SpecJson(text);
        p.ws();
        Object v = p.value(1);
        p.ws();
        if (p.i != text.length()) {
            throw new Reject("trailing text");
        }
        return v;
    }

    /** JSON null. */
    public static final Object NULL = "<null>".toCharArray();

    private Object value(int depth) throws Reject {
        if (i >= s.length()) {
            throw new Reject("end");
        }
        char c = s.charAt(i);
        if (c == '{' || c == '[') {
            if (depth > MAX_DEPTH) {
                throw new Reject("too deep");
            }
            return c == '{' ? object(depth) : array(depth);
        }
        if (c == '"') {
            return string();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, i)) {
                i += word.length();
                return word.equals("null") ? NULL : Boolean.valueOf(word);
            }
        }
        return number();
    }

    private Map<String, Object> object(int depth) throws Reject {
        Map<String, Object> m = new LinkedHashMap<>();
        if (opensEmpty('}')) {
            return m;
        }
        while (true) {
            ws();
            if (!at('"')) {
                throw new Reject("key");
            }
            String k = string();
            ws();
            if (!at(':')) {
                throw new Reject("colon");
            }
            i++;
            ws();
            Object v = value(depth + 1);
            if (m.put(k, v) != null) {
                throw new Reject("duplicate key");
            }
            if (ended('}', "object")) {
                return m;
            }
        }
    }

    private List<Object> array(int depth) throws Reject {
        List<Object> l = new ArrayList<>();
        if (opensEmpty(']')) {
            return l;
        }
        while (true) {
            ws();
            l.add(value(depth + 1));
            if (ended(']', "array")) {
                return l;
            }
        }
    }

    private String string() throws Reject {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw new Reject("unterminated");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new Reject("control");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw new Reject("escape");
            }
            char e = s.charAt(i++);
            int k = "\"\\/bfnrt".indexOf(e);
            if (k >= 0) {
                b.append("\"\\/\b\f\n\r\t".charAt(k));
            } else if (e == 'u') {
                char u = hex();
                if (Character.isLowSurrogate(u)) {
                    throw new Reject("lone low surrogate");
                }
                if (Character.isHighSurrogate(u)) {
                    if (!s.startsWith("\\u", i)) {
                        throw new Reject("lone high surrogate");
                    }
                    i += 2;
                    char low = hex();
                    if (!Character.isLowSurrogate(low)) {
                        throw new Reject("unpaired high surrogate");
                    }
                    b.append(u);
                    u = low;
                }
                b.append(u);
            } else {
                throw new Reject("escape");
            }
        }
    }

    private char hex() throws Reject {
        if (i + 4 > s.length()) {
            throw new Reject("short \\u");
        }
        String h = s.substring(i, i + 4);
        if (!h.matches("[0-9a-fA-F]{4}")) {
            throw new Reject("bad \\u");
        }
        i += 4;
        return (char) Integer.parseInt(h, 16);
    }

    private Num number() throws Reject {
        int start = i;
        java.util.regex.Matcher m = NUMBER.matcher(s).region(i, s.length());
        if (!m.lookingAt()) {
            throw new Reject("value");
        }
        i = m.end();
        String text = s.substring(start, i);
        if (Double.isInfinite(Double.parseDouble(text))) {
            throw new Reject("number out of range");
        }
        return new Num(text);
    }

    private boolean at(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    /** Steps over an opening bracket and whitespace; whether {@code close} follows at once (and steps over it). */
    private boolean opensEmpty(char close) {
        i++;
        ws();
        return take(close);
    }

    /** Steps over {@code c} if it is next. */
    private boolean take(char c) {
        if (at(c)) {
            i++;
            return true;
        }
        return false;
    }

    /** After a member: a comma (false) or {@code close} (true), past whitespace; anything else rejects as {@code what}. */
    private boolean ended(char close, String what) throws Reject {
        ws();
        if (take(',')) {
            return false;
        }
        if (take(close)) {
            return true;
        }
        throw new Reject(what);
    }

    private void ws() {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }
}
