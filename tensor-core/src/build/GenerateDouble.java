import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the float64 kernels from their float32 sources, by text substitution: the build runs it
 * in the generate-sources phase (tensor-core/pom.xml), as
 *
 * <pre>java GenerateDouble.java SOURCE_DIR OUTPUT_DIR ScalarSgemm.java VectorFloatReduce.java ...</pre>
 *
 * Each named float32 file in SOURCE_DIR gives a float64 file in OUTPUT_DIR, its name substituted
 * as its text is (VectorFloatReduce.java gives VectorDoubleReduce.java). A file that holds a
 * section from {@code // @double-twin:begin NAME} to {@code // @double-twin:end} (an op enum's
 * float32 loops, say) gives instead a class NAME of that section alone, in the same package. Line
 * by line:
 *
 * <ul>
 *   <li>lines from {@code // @float-only:begin} to {@code // @float-only:end} are left out;
 *   <li>a line {@code // @double-only: CODE} becomes CODE, at the marker's indentation;
 *   <li>every other line goes through {@link #SUBSTITUTIONS}, in order, after a call
 *       {@code FloatMath.f(} becomes {@code Math.f(} where the JDK has f on doubles (float64 computes
 *       with the JDK's exp, log, sin, ...), {@code DoubleMath.f(} where it does not (erf, sigmoid).
 * </ul>
 *
 * Everything else is the same in both: where float64 must differ, the float32 source says so
 * with those markers, so that a reader of the float32 kernel sees every difference.
 */
public final class GenerateDouble {
    private static final String FLOAT_ONLY_BEGIN = "// @float-only:begin";
    private static final String FLOAT_ONLY_END = "// @float-only:end";
    private static final String DOUBLE_ONLY = "// @double-only:";
    private static final String TWIN_BEGIN = "// @double-twin:begin ";
    private static final String TWIN_END = "// @double-twin:end";

    /** Pattern, replacement; applied in this order to every line outside the markers. */
    private static final String[][] SUBSTITUTIONS = {
        // A float widened to double: on a double the cast is redundant (and javac's -Xlint:cast says so).
        {"\\(double\\) ", ""},
        // A double result of a Math function rounded to float (Math.sqrt, Math.floor, Math.tan): in double
        // there is nothing to round. Not Math.round, whose result is an integer.
        {"\\(float\\) (Math\\.(?!round\\b)[a-z]\\w*\\()", "$1"},
        {"\\bfloat32\\b", "float64"},
        // ScalarSgemm, VectorSgemm (BLAS's S and D prefixes).
        {"Sgemm", "Dgemm"},
        // FloatVector, VectorSpecies<Float>, Float.BYTES, ScalarFloatReduce, VectorFloatReduce.
        {"Float", "Double"},
        {"\\bfloat\\b", "double"},
        // float literals: 0f becomes 0.0, 0.5f becomes 0.5, 1e-3f becomes 1e-3.
        {"\\b(\\d+)[fF]\\b", "$1.0"},
        {"\\b(\\d+\\.\\d+(?:[eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+)[fF]\\b", "$1"},
    };

    private static final Pattern FLOAT_MATH = Pattern.compile("\\bFloatMath\\.(\\w+)\\(");

    private static final Pattern[] PATTERNS = new Pattern[SUBSTITUTIONS.length];

    static {
        for (int i = 0; i < SUBSTITUTIONS.length; i++) {
            PATTERNS[i] = Pattern.compile(SUBSTITUTIONS[i][0]);
        }
    }

    private GenerateDouble() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException(
                    "usage: java GenerateDouble.java SOURCE_DIR OUTPUT_DIR FloatFile.java... (got " + args.length
                            + " arguments)");
        }
        Path source = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        for (int i = 2; i < args.length; i++) {
            Path from = source.resolve(args[i]);
            List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
            String name = from.getFileName().toString();
            String twin = twinName(name, lines);
            Path to = output.resolve(twin != null ? twin + ".java" : substitute(args[i]));
            if (to.getFileName().equals(from.getFileName())) {
                throw new IllegalArgumentException(from + ": its name has nothing to substitute (no Float or Sgemm)");
            }
            List<String> generated = twin != null ? twinClass(name, twin, lines) : generate(name, lines);
            String text = String.join("\n", generated) + "\n";
            // Unchanged output keeps its timestamp, so that the compiler's up-to-date check holds.
            if (!Files.exists(to) || !Files.readString(to, StandardCharsets.UTF_8).equals(text)) {
                Files.writeString(to, text, StandardCharsets.UTF_8);
            }
        }
    }

    /** The class name a double-twin section asks for, or null where the file has none. */
    static String twinName(String name, List<String> lines) {
        String twin = null;
        for (int n = 0; n < lines.size(); n++) {
            String trimmed = lines.get(n).trim();
            if (trimmed.startsWith(TWIN_BEGIN)) {
                if (twin != null) {
                    throw fail(name, n, "a second double-twin section (one a file)");
                }
                twin = trimmed.substring(TWIN_BEGIN.length()).trim();
            }
        }
        return twin;
    }

    /**
     * The class {@code twin}: the source's package, and the float64 text of its double-twin section
     * as the class body.
     */
    static List<String> twinClass(String name, String twin, List<String> lines) {
        String pkg = null;
        int begin = -1;
        int end = -1;
        for (int n = 0; n < lines.size(); n++) {
            String trimmed = lines.get(n).trim();
            if (pkg == null && trimmed.startsWith("package ")) {
                pkg = trimmed;
            } else if (trimmed.startsWith(TWIN_BEGIN)) {
                begin = n;
            } else if (trimmed.equals(TWIN_END)) {
                if (begin < 0 || end >= 0) {
                    throw fail(name, n, "a double-twin section closed that was not opened");
                }
                end = n;
            }
        }
        if (end < 0) {
            throw fail(name, begin, "a double-twin section never closed");
        }
        List<String> body = generate(name, lines.subList(begin + 1, end));
        List<String> out = new ArrayList<>();
        out.add(body.get(0));
        out.add(pkg);
        out.add("");
        out.add("/** The float64 loops of " + name.replace(".java", "") + ", generated from its float32 ones. */");
        out.add("final class " + twin + " {");
        out.add("    private " + twin + "() {}");
        out.add("");
        out.addAll(body.subList(1, body.size()));
        out.add("}");
        return out;
    }

    /** The float64 text of a float32 source's lines; {@code name} is the source's file name, for messages. */
    static List<String> generate(String name, List<String> lines) {
        List<String> out = new ArrayList<>();
        out.add("// Generated from " + name + " by tensor-core/src/build/GenerateDouble.java: edit that file.");
        int openedAt = -1;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String trimmed = line.trim();
            if (trimmed.equals(FLOAT_ONLY_BEGIN)) {
                if (openedAt >= 0) {
                    throw fail(name, n, "a float-only block opened inside the one of line " + (openedAt + 1));
                }
                openedAt = n;
            } else if (trimmed.equals(FLOAT_ONLY_END)) {
                if (openedAt < 0) {
                    throw fail(name, n, "a float-only block closed that was not opened");
                }
                openedAt = -1;
                // A block between two blank lines leaves one of them, not both.
                if (n + 1 < lines.size() && lines.get(n + 1).isBlank() && out.get(out.size() - 1).isBlank()) {
                    n++;
                }
            } else if (trimmed.startsWith(DOUBLE_ONLY)) {
                if (openedAt >= 0) {
                    throw fail(name, n, "a double-only line inside the float-only block of line " + (openedAt + 1));
                }
                String indent = line.substring(0, line.indexOf(DOUBLE_ONLY));
                out.add(indent + trimmed.substring(DOUBLE_ONLY.length()).trim());
            } else if (trimmed.contains("@float-only") || trimmed.contains("@double-only") || trimmed.contains("@double-twin")) {
                throw fail(name, n, "a marker this generator does not know: " + trimmed);
            } else if (openedAt < 0) {
                out.add(substitute(line));
            }
        }
        if (openedAt >= 0) {
            throw fail(name, openedAt, "a float-only block never closed");
        }
        return out;
    }

    static String substitute(String line) {
        // FloatMath.exp( becomes Math.exp( where the JDK has the function on doubles, DoubleMath.erf( where not.
        String s = FLOAT_MATH
                .matcher(line)
                .replaceAll(m -> (hasJdkFunction(m.group(1)) ? "Math." : "DoubleMath.") + m.group(1) + "(");
        for (int i = 0; i < PATTERNS.length; i++) {
            s = PATTERNS[i].matcher(s).replaceAll(SUBSTITUTIONS[i][1]);
        }
        return s;
    }

    /** Whether java.lang.Math has {@code name(double)}: float64 then computes with the JDK's function. */
    private static boolean hasJdkFunction(String name) {
        try {
            Math.class.getMethod(name, double.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static IllegalStateException fail(String name, int line, String what) {
        return new IllegalStateException(name + ":" + (line + 1) + ": " + what);
    }
}
