package dev.jgrad.tensor.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the source-scan tests share: where the modules are, their main sources, and code without comments. */
public final class SourceScan {
    private SourceScan() {}

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
    static List<Path> mainSources(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path java : modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
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
     *
     * @return its real path
     */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = null;
        for (Path d = dir; d != null && Files.isRegularFile(d.resolve("pom.xml")); d = d.getParent()) {
            root = d;
        }
        if (root == null || !Files.isDirectory(root.resolve("tensor-core/src/main/java"))) {
            throw new IllegalStateException(
                    "no jgrad repository root (a pom.xml with tensor-core beside it) at or" + " above " + dir);
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
