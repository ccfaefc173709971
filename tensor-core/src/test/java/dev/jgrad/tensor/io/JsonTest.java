package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("scalar-path")
class JsonTest {
    @Test
    void parsesEveryKindOfValue() throws Exception {
        Object v = Json.parse(" {\"a\": [1, -0, 9223372036854775807, 12345678901234567890, 1.5e3, -2E-2, 0.25],\n\t\"b\": {\"c\": true, "
                + "\"d\": false, \"e\": null}, \"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\", \"\": []}\r\n", 8);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(1L, 0L, Long.MAX_VALUE, new BigDecimal("12345678901234567890"), new BigDecimal("1.5e3"),
                new BigDecimal("-2E-2"), new BigDecimal("0.25")));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("c", true);
        b.put("d", false);
        b.put("e", Json.NULL);
        expected.put("b", b);
        expected.put("s", "q\"\\/\b\f\n\r\té\uD83D\uDE00");
        expected.put("", List.of());
        assertEquals(expected, v);
        assertEquals(List.of("b", "s", ""), List.copyOf(((Map<?, ?>) v).keySet()).subList(1, 4), "insertion order kept");
    }

    @Test
    void rejectsWhatStrictJsonForbids() {
        fails("{\"a\":1,}", "unexpected '}', expected a string key at character 7");
        fails("[1,]", "unexpected ']', expected a value at character 3");
        fails("{\"a\":1 \"b\":2}", "unexpected '\"', expected ',' or '}' at character 7");
        fails("{\"a\":1,\"a\":2}", "duplicate key \"a\" at character 7");
        fails("{} x", "unexpected 'x' after the JSON value at character 3");
        fails("", "unexpected end of JSON, expected a value at character 0");
        fails("{\"a\":\"x", "unterminated string at character 7");
        fails("\"a\nb\"", "control character U+000A in a string at character 2");
        fails("\"\\x\"", "invalid escape '\\x' at character 2");
        fails("\"\\u12g4\"", "invalid \\u escape at character 3");
        fails("01", "unexpected '1' after the JSON value at character 1");
        fails("1.", "invalid number: digits expected after '.' at character 2");
        fails("-", "invalid number at character 1");
        fails("1e", "invalid number: digits expected in the exponent at character 2");
        fails("+1", "unexpected '+', expected a value at character 0");
        fails("tru", "unexpected 't', expected a value at character 0");
        fails("NaN", "unexpected 'N', expected a value at character 0");
        fails("// c\n{}", "unexpected '/', expected a value at character 0");
        fails("{'a':1}", "unexpected ''', expected a string key at character 1");
        fails("[[[[[[[[[]]]]]]]]]", "JSON nested deeper than 8 levels at character 8");
        fails("\u00a0{}", "unexpected character U+00A0, expected a value at character 0");
    }

    @Test
    void quoteRoundTrips() throws Exception {
        String s = "a\"b\\c\n\u0001é😀/";
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é😀/\"", Json.quote(s));
        assertEquals(s, Json.parse(Json.quote(s), 1));
    }

    private static void fails(String text, String message) {
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse(text, 8), text);
        assertEquals(message, e.getMessage(), text);
    }
}
