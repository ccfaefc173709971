package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a lab's output with the tutorial's printed text, number by number: the text between
 * the numbers must be identical, integers must be equal, and each printed decimal may differ from
 * the tutorial's by one unit in its last printed digit or 1e-5 relative (float32 summation order
 * moves the last digits; PyTorch itself prints 1.620242 for the tutorial's 1.620234 elsewhere).
 */
final class TutorialText {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d*)?(e[-+]\\d+)?");

    private TutorialText() {}

    /** What {@code lab} prints to the stream it is given, as UTF-8 text. */
    static String output(Consumer<PrintStream> lab) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            lab.accept(out);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * What {@code ./jgrad lab id} prints: the lab's {@code main} run through the dispatcher, which
     * must succeed, with {@code System.out} captured (the printing labs write to it).
     */
    static String labOutput(String id) {
        return output(out -> {
            PrintStream saved = System.out;
            System.setOut(out);
            try {
                assertEquals(0, Labs.run(new String[] {id}, System.err), "exit status of lab " + id);
            } catch (Exception e) {
                throw new AssertionError("lab " + id + " failed", e);
            } finally {
                System.setOut(saved);
            }
        });
    }

    /**
     * The sections of what lab {@code id} prints, after checking every section of the tutorial's
     * text ({@code lab<id>.txt}) against them with {@link #assertSectionsMatch}.
     */
    static Map<String, List<String>> labSections(String id) throws IOException {
        String out = labOutput(id);
        assertSectionsMatch(resource("lab" + id + ".txt"), out);
        return sections(out);
    }

    /** The test resource {@code name} (an expected output), as UTF-8 text. */
    static String resource(String name) throws IOException {
        try (InputStream in = TutorialText.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The output split at {@code # title} lines: title to the lines that follow (trailing blank lines dropped). */
    static Map<String, List<String>> sections(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# ")) {
                current = new ArrayList<>();
                out.put(line.substring(2), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        for (List<String> lines : out.values()) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
        }
        return out;
    }

    /** Every section of {@code expected} appears in {@code actual} and matches it line by line. */
    static void assertSectionsMatch(String expected, String actual) {
        Map<String, List<String>> want = sections(expected);
        Map<String, List<String>> got = sections(actual);
        for (Map.Entry<String, List<String>> e : want.entrySet()) {
            List<String> g = got.get(e.getKey());
            assertNotNull(g, "section '" + e.getKey() + "' in " + got.keySet());
            assertEquals(e.getValue().size(), g.size(), "lines in section '" + e.getKey() + "'");
            for (int i = 0; i < g.size(); i++) {
                assertLineMatches(e.getValue().get(i), g.get(i));
            }
        }
    }

    static void assertLineMatches(String expected, String actual) {
        Matcher me = NUMBER.matcher(expected);
        Matcher ma = NUMBER.matcher(actual);
        assertEquals(me.replaceAll("#"), ma.replaceAll("#"), "text around the numbers");
        me.reset();
        ma.reset();
        while (me.find()) {
            assertTrue(ma.find());
            String e = me.group();
            String a = ma.group();
            if (me.group(1) == null && me.group(2) == null) {
                assertEquals(e, a, "integer in: " + actual);
                continue;
            }
            double ev = Double.parseDouble(e);
            double av = Double.parseDouble(a);
            assertTrue(
                    Math.abs(ev - av) <= 1e-5 * Math.abs(ev) + lastDigit(e) * 1.000001,
                    "tutorial: " + expected + "\n     ours: " + actual);
        }
    }

    /** One unit in the last printed digit of a decimal such as {@code 2.7648e-04} or {@code 0.761050}. */
    private static double lastDigit(String number) {
        int e = number.indexOf('e');
        String mantissa = e < 0 ? number : number.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(number.substring(e + 1));
        int dot = mantissa.indexOf('.');
        int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
        return Math.pow(10, exponent - decimals);
    }

    /** The decimal numbers of one line, in order. */
    static double[] numbers(String line) {
        Matcher m = NUMBER.matcher(line.replace("inf", "Infinity"));
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The value after {@code "Cost: "} on a line ({@code inf} and {@code nan} included). */
    static double cost(String line) {
        int at = line.indexOf("Cost: ");
        assertTrue(at >= 0, line);
        String v = line.substring(at + 6).split(" ")[0];
        switch (v) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                return Double.parseDouble(v);
        }
    }
}
