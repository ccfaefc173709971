package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("scalar-path")
class JsonTest {
    @Test
    void parsesEveryKindOfValue() throws Exception {
        Object v = Json.parse(" {\"a\": [1, -0, 0, 9223372036854775807, -9223372036854775808, 12345678901234567890,"
                + " 1.5e3, -2E-2, 0.25],\n\t\"b\": {\"c\": true, \"d\": false, \"e\": null},"
                + " \"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00é😀\", \"\": []}\r\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put(
                "a",
                List.of(
                        1L,
                        -0.0,
                        0L,
                        Long.MAX_VALUE,
                        Long.MIN_VALUE,
                        new BigInteger("12345678901234567890"),
                        1500.0,
                        -0.02,
                        0.25));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("c", true);
        b.put("d", false);
        b.put("e", null);
        expected.put("b", b);
        expected.put("s", "q\"\\/\b\f\n\r\té\uD83D\uDE00é\uD83D\uDE00");
        expected.put("", List.of());
        assertEquals(expected, v);
        assertEquals(
                List.of("b", "s", ""), List.copyOf(((Map<?, ?>) v).keySet()).subList(1, 4), "insertion order kept");
    }

    @Test
    void rejectsWhatStrictJsonForbids() {
        fails("{\"a\":1,}", "unexpected '}', expected a string key at byte 7");
        fails("[1,]", "unexpected ']', expected a value at byte 3");
        fails("{\"a\":1 \"b\":2}", "unexpected '\"', expected ',' or '}' at byte 7");
        fails("{\"a\":1,\"a\":2}", "duplicate key \"a\" at byte 7");
        fails("{} x", "unexpected 'x' after the JSON value at byte 3");
        fails("", "unexpected end of JSON, expected a value at byte 0");
        fails("{\"a\":\"x", "unterminated string at byte 7");
        fails("\"a\nb\"", "control character U+000A in a string at byte 2");
        fails("\"\\x\"", "invalid escape 'x' after '\\' at byte 2");
        fails("\"\\u12g4\"", "invalid \\u escape: 'g' is not a hex digit at byte 5");
        fails("01", "unexpected '1' after the JSON value at byte 1");
        fails("1.", "invalid number: digits expected after '.' at byte 2");
        fails("-", "invalid number: a digit must follow '-' at byte 1");
        fails("1e", "invalid number: digits expected in the exponent at byte 2");
        fails("1e400", "number out of range: 1e400 at byte 0");
        fails("+1", "unexpected '+', expected a value at byte 0");
        fails("tru", "unexpected 't', expected a value at byte 0");
        fails("NaN", "unexpected 'N', expected a value at byte 0");
        fails("// c\n{}", "unexpected '/', expected a value at byte 0");
        fails("{'a':1}", "unexpected ''', expected a string key at byte 1");
        fails("[".repeat(65) + "]".repeat(65), "JSON nested deeper than 64 levels at byte 64");
        fails("\u00a0{}", "unexpected byte 0xc2, expected a value at byte 0");
    }

    @Test
    void rejectsLoneSurrogatesAndInvalidUtf8() {
        String lone = "lone UTF-16 surrogate \\u%s (an escaped surrogate must be a high one followed by a low one)";
        fails("\"\\ud800\"", String.format(lone, "d800") + " at byte 1");
        fails("\"ab\\udc00\"", String.format(lone, "dc00") + " at byte 3");
        fails("\"\\ud800\\u0041\"", String.format(lone, "d800") + " at byte 1");
        fails("\"\\ud800\\ud800\"", String.format(lone, "d800") + " at byte 1");
        failsBytes(
                new byte[] {'"', (byte) 0xe9, '"'},
                "invalid UTF-8: byte 0x22 at byte 2 does not continue a character at byte 1");
        failsBytes(
                new byte[] {'"', (byte) 0xc0, (byte) 0xaf, '"'},
                "invalid UTF-8: byte 0xc0 cannot start a character" + " at byte 1");
        failsBytes(
                new byte[] {'"', (byte) 0xe0, (byte) 0x80, (byte) 0xaf, '"'},
                "invalid UTF-8: overlong encoding of U+002F at byte 1");
        failsBytes(
                new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'},
                "invalid UTF-8: an encoding of U+D800, which is not a Unicode scalar value at byte 1");
        failsBytes(
                new byte[] {'"', (byte) 0xf0, (byte) 0x9f},
                "invalid UTF-8: a character cut short by the end of the" + " JSON at byte 1");
    }

    @Test
    void nonFiniteWordsOnlyWhenAsked() throws Exception {
        assertEquals(
                Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.5),
                Json.parseAllowingNonFinite("[NaN, Infinity, -Infinity, -1.5]"));
        fails("[Infinity]", "unexpected 'I', expected a value at byte 1");
        fails("[-Infinity]", "invalid number: a digit must follow '-' at byte 2");
    }

    @Test
    void offsetsCountFromTheDocumentsStart() {
        byte[] b = "xx[1,]".getBytes(StandardCharsets.UTF_8);
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse(b, 2, 4));
        assertEquals("unexpected ']', expected a value at byte 3", e.getMessage());
        assertEquals(3, e.position());
    }

    @Test
    void quoteAndWriteRoundTrip() throws Exception {
        String s = "a\"b\\c\n\u0001é😀/";
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é😀/\"", Json.quote(s));
        assertEquals(s, Json.parse(Json.quote(s)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", s);
        m.put("n", Arrays.asList(1L, 2.5, -0.0, null, true));
        m.put("o", Map.of());
        assertEquals("{\"s\": " + Json.quote(s) + ", \"n\": [1, 2.5, -0.0, null, true], \"o\": {}}", Json.write(m));
        assertEquals(m, Json.parse(Json.write(m)));
        assertEquals("[null, null, 1.0E-5]", Json.write(List.of(Double.NaN, Double.NEGATIVE_INFINITY, 1e-5)));
    }

    private static void fails(String text, String message) {
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse(text), text);
        assertEquals(message, e.getMessage(), text);
    }

    private static void failsBytes(byte[] utf8, String message) {
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse(utf8, 0, utf8.length));
        assertEquals(message, e.getMessage());
    }
}
