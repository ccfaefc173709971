package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.kernel.SourceScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exported API packages, one list per module: the {@code jgrad.doclint.packages} property of its pom, which
 * javac's doclint checks on JDK 21+. Every package listed has a {@code package-info.java}, and a module with a
 * {@code module-info.java} exports exactly those packages to everyone, so that doclint covers the whole API and
 * nothing else. The scan reads every module's pom, from the repository root up from this module's directory.
 */
class ApiPackagesTest {
    private static final Pattern PACKAGES =
            Pattern.compile("<jgrad\\.doclint\\.packages>([^<]*)</jgrad\\.doclint\\.packages>");
    /** An unqualified export; {@code exports p to m;} (an implementation package shared with a module) is not API. */
    private static final Pattern EXPORTS = Pattern.compile("\\bexports\\s+([\\w.]+)\\s*;");

    private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    @Test
    void everyExportedPackageHasPackageInfoAndMatchesTheModuleDescriptor() throws IOException {
        Path root = SourceScan.repositoryRoot();
        Map<String, List<String>> apiByModule = apiPackagesByModule(root);
        // The library modules must all be found, or the scan would pass on an empty tree.
        assertTrue(
                apiByModule.keySet().containsAll(List.of("tensor-core", "autograd", "nn", "data", "mnist")),
                "modules declaring jgrad.doclint.packages under " + root + ": " + apiByModule.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : apiByModule.entrySet()) {
            Path sources = root.resolve(e.getKey()).resolve("src/main/java");
            for (String pkg : e.getValue()) {
                if (!Files.isRegularFile(sources.resolve(pkg.replace('.', '/')).resolve("package-info.java"))) {
                    problems.add(e.getKey() + ": " + pkg + " has no package-info.java");
                }
            }
            Path descriptor = sources.resolve("module-info.java");
            if (Files.isRegularFile(descriptor)) {
                TreeSet<String> exported = exports(Files.readString(descriptor, StandardCharsets.UTF_8));
                if (!exported.equals(new TreeSet<>(e.getValue()))) {
                    problems.add(e.getKey() + ": module-info.java exports " + exported
                            + " but jgrad.doclint.packages lists " + new TreeSet<>(e.getValue()));
                }
            }
        }
        assertEquals(
                List.of(),
                problems,
                "each module's jgrad.doclint.packages (its pom) must list its exported "
                        + "API packages, each with a package-info.java saying what lives there and where to start");
    }

    @Test
    void onlyUnqualifiedExportsOutsideCommentsCount() {
        assertEquals(
                new TreeSet<>(List.of("a.b", "c")),
                exports(
                        "module m {\n  exports a.b;\n  exports c ;\n"
                                + "  exports d.internal to other.module;\n  // exports e;\n  /* exports f; */\n  requires g;\n}"));
    }

    /** The API packages each module's pom lists; "-*" (the parent's default: no API) lists none. */
    static Map<String, List<String>> apiPackagesByModule(Path root) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path pom : dirs.map(d -> d.resolve("pom.xml"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                Matcher m = PACKAGES.matcher(Files.readString(pom, StandardCharsets.UTF_8));
                if (m.find()) {
                    List<String> pkgs = new ArrayList<>();
                    for (String p : m.group(1).split(",")) {
                        if (!p.isBlank() && !p.strip().startsWith("-")) {
                            pkgs.add(p.strip());
                        }
                    }
                    out.put(pom.getParent().getFileName().toString(), pkgs);
                }
            }
        }
        return out;
    }

    static TreeSet<String> exports(String moduleInfo) {
        Matcher m = EXPORTS.matcher(COMMENTS.matcher(moduleInfo).replaceAll(" "));
        TreeSet<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
