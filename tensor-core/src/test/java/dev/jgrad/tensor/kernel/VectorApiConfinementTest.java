package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Vector API rule (Lucene keeps it with an ast-grep rule): only the vector kernels use
 * {@code jdk.incubator.vector}, so that everything else loads and runs on a JVM without the
 * incubator module, and the scalar fallback stays a fallback. The scan reads every module's main
 * sources, from the repository root up from this module's directory.
 */
class VectorApiConfinementTest {
    /** The classes allowed to use the Vector API, as paths from the repository root. */
    private static final Pattern ALLOWED = Pattern.compile(
            // The vector kernels, and Lanes: the fixed-order lane sums they share.
            "tensor-core/src/main/java/dev/jgrad/tensor/kernel/(Vector\\w*|Lanes)\\.java"
                    // The machine's own vector peak, measured with the Vector API by definition.
                    + "|bench/src/main/java/dev/jgrad/bench/PeakBench\\.java");

    /** A use of the package, by import or by qualified name, once comments and literals are gone. */
    private static final Pattern USE = Pattern.compile("\\bjdk\\s*\\.\\s*incubator\\s*\\.\\s*vector\\s*\\.");

    @Test
    void onlyTheVectorKernelsUseTheVectorApi() throws IOException {
        Path root = repositoryRoot();
        List<String> offenders = new ArrayList<>();
        List<String> allowedSeen = new ArrayList<>();
        for (Path file : mainSources(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (usesVectorApi(Files.readString(file, StandardCharsets.UTF_8))) {
                (ALLOWED.matcher(rel).matches() ? allowedSeen : offenders).add(rel);
            }
        }
        assertEquals(List.of(), offenders, "jdk.incubator.vector is used outside the vector kernels "
                + "(tensor-core's dev.jgrad.tensor.kernel.Vector* and Lanes): put the code in a Vector* kernel "
                + "class behind the Kernels interface, with its scalar twin");
        // The scan must have found the sources at all, or it would pass on an empty tree.
        assertTrue(allowedSeen.contains("tensor-core/src/main/java/dev/jgrad/tensor/kernel/VectorKernels.java"),
                "the scan did not see VectorKernels.java under " + root + ": it read " + allowedSeen);
    }

    @Test
    void importsAndQualifiedNamesCountCommentsAndStringsDoNot() {
        assertTrue(usesVectorApi("import jdk.incubator.vector.FloatVector;\nclass A {}"));
        assertTrue(usesVectorApi("import static jdk.incubator.vector.VectorOperators.ADD;"));
        assertTrue(usesVectorApi("import jdk.incubator.vector.*;"));
        assertTrue(usesVectorApi("class A { Object s = jdk.incubator.vector.FloatVector.SPECIES_128; }"));
        assertFalse(usesVectorApi("/** Needs {@code jdk.incubator.vector.FloatVector}. */ class A {}"));
        assertFalse(usesVectorApi("// jdk.incubator.vector.FloatVector\nclass A {}"));
        assertFalse(usesVectorApi("class A { String m = \"jdk.incubator.vector\"; }"));
        assertFalse(usesVectorApi("class A { String m = \"see jdk.incubator.vector.FloatVector\"; }"));
        assertFalse(usesVectorApi("class A { String m = \"\"\"\n  jdk.incubator.vector.FloatVector\n  \"\"\"; }"));
        assertFalse(usesVectorApi("class A { char q = '\"'; } // jdk.incubator.vector.X"));
    }

    static boolean usesVectorApi(String source) {
        return USE.matcher(codeOnly(source)).find();
    }

    /** The source with comments, string and text-block literals and char literals blanked out. */
    static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = skipTo(s, i + 2, "\n");
            } else if (s.startsWith("/*", i)) {
                i = skipTo(s, i + 2, "*/");
            } else if (s.startsWith("\"\"\"", i)) {
                i = skipLiteral(s, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(s, i + 1, String.valueOf(c));
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(' ');
        }
        return out.toString();
    }

    private static int skipTo(String s, int from, String end) {
        int k = s.indexOf(end, from);
        return k < 0 ? s.length() : k + end.length();
    }

    /** Past the closing quote(s) of a literal, stepping over backslash escapes. */
    private static int skipLiteral(String s, int from, String close) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith(close, i)) {
                return i + close.length();
            } else {
                i++;
            }
        }
        return i;
    }

    /** Every {@code .java} file under {@code <module>/src/main/java}, for each module directory in the root. */
    private static List<Path> mainSources(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path java : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> walk = Files.walk(java)) {
                    walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * The top of the Maven project: up from this module's directory (surefire's working directory,
     * or wherever the test runs from) to the highest directory that still holds a pom.xml, which
     * must list tensor-core as a module.
     */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = null;
        for (Path d = dir; d != null && Files.isRegularFile(d.resolve("pom.xml")); d = d.getParent()) {
            root = d;
        }
        if (root == null || !Files.isDirectory(root.resolve("tensor-core/src/main/java"))) {
            throw new IllegalStateException("no jgrad repository root (a pom.xml with tensor-core beside it) at or"
                    + " above " + dir);
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
