package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
        Path root = SourceScan.repositoryRoot();
        List<String> offenders = new ArrayList<>();
        List<String> allowedSeen = new ArrayList<>();
        for (Path file : SourceScan.mainSources(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (usesVectorApi(Files.readString(file, StandardCharsets.UTF_8))) {
                (ALLOWED.matcher(rel).matches() ? allowedSeen : offenders).add(rel);
            }
        }
        assertEquals(
                List.of(),
                offenders,
                "jdk.incubator.vector is used outside the vector kernels "
                        + "(tensor-core's dev.jgrad.tensor.kernel.Vector* and Lanes): put the code in a Vector* kernel "
                        + "class behind the Kernels interface, with its scalar twin");
        // The scan must have found the sources at all, or it would pass on an empty tree.
        assertTrue(
                allowedSeen.contains("tensor-core/src/main/java/dev/jgrad/tensor/kernel/VectorKernels.java"),
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
        return USE.matcher(SourceScan.codeOnly(source)).find();
    }
}
