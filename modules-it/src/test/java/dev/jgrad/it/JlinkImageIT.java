package dev.jgrad.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * jlink images of jgrad's packaged modules, linked by the JDK that runs this test (from its jmods/ on
 * Debian's JDK 17, from its run-time image on Temurin 25, JEP 493). jlink does not follow
 * {@code requires static}, so the Vector API must be added by name; the image bakes
 * {@code --add-modules jdk.incubator.vector} into its launcher. An image without it runs the scalar
 * kernels.
 */
class JlinkImageIT {

    /** The packaged jars of tensor-core, autograd, nn, data and mnist (copied there by the pom). */
    private static final Path MODULES = Path.of(System.getProperty("jgrad.modules", "target/jgrad-modules"));

    private static final Path IMAGES = Path.of(System.getProperty("jgrad.images", "target/images"));
    private static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final String TRAIN = "dev.jgrad.mnist/dev.jgrad.mnist.TrainCommand";
    /** What KernelSelection logs, once, whenever it falls back to the scalar kernels. */
    private static final String SCALAR_WARNING = "so jgrad uses its scalar kernels";

    private static final Pattern ACCURACY = Pattern.compile("test accuracy: (\\d\\.\\d{4})");

    @Test
    void anImageWithTheVectorApiTrainsOnTheEmbeddedSampleWithTheVectorKernels() throws Exception {
        List<String> options = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector"));
        if (Runtime.version().feature() >= 24) {
            options.add("--illegal-native-access=deny");
        }
        // jlink reads a value that starts with "--" as an option: the leading space keeps it a value.
        Path image =
                link("vector", "dev.jgrad.mnist,jdk.incubator.vector", "--add-options= " + String.join(" ", options));
        assertTrue(modules(image).contains("jdk.incubator.vector"), "the image holds the Vector API");

        Result run = train(image);
        assertEquals(0, run.status(), run.describe());
        assertTrue(
                run.err().contains("Using incubator modules: jdk.incubator.vector"),
                "the baked-in --add-modules loads the Vector API: " + run.describe());
        // With the module in the boot layer and no jgrad.kernels property, the only way to the scalar
        // kernels is through a failure that KernelSelection logs: no warning means the vector kernels.
        assertFalse(run.err().contains(SCALAR_WARNING), "the vector kernels were chosen: " + run.describe());
        assertTrained(run);
    }

    @Test
    void anImageWithoutTheIncubatorModuleRunsTheScalarFallback() throws Exception {
        Path image = link("scalar", "dev.jgrad.mnist");
        List<String> modules = modules(image);
        assertFalse(modules.contains("jdk.incubator.vector"), "requires static is not followed: " + modules);
        assertTrue(
                modules.containsAll(List.of(
                        "dev.jgrad.tensor",
                        "dev.jgrad.autograd",
                        "dev.jgrad.nn",
                        "dev.jgrad.data",
                        "dev.jgrad.mnist",
                        "java.base")),
                "requires transitive brings the stack: " + modules);

        Result run = train(image);
        assertEquals(0, run.status(), run.describe());
        assertTrue(
                run.err().contains("module jdk.incubator.vector is not in the boot layer, " + SCALAR_WARNING),
                "one warning names the missing module: " + run.describe());
        assertTrained(run);
    }

    private static void assertTrained(Result run) {
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.describe());
        assertEquals("data: embedded Fashion-MNIST sample (4000 train + 1000 test images, 28x28)", lines.get(0));
        assertTrue(lines.get(1).startsWith("epoch 1/1  loss "), run.describe());
        Matcher accuracy = ACCURACY.matcher(lines.get(2));
        assertTrue(accuracy.matches(), run.describe());
        assertTrue(
                Double.parseDouble(accuracy.group(1)) > 0.6,
                "softmax learns the sample in one epoch: " + run.describe());
    }

    private static Result train(Path image) throws IOException, InterruptedException {
        return run(
                image.getParent(),
                List.of(
                        image.resolve("bin/java").toString(),
                        "-m",
                        TRAIN,
                        "--model",
                        "softmax",
                        "--epochs",
                        "1",
                        "--data",
                        "sample"));
    }

    private static List<String> modules(Path image) throws IOException, InterruptedException {
        Result listed = run(image.getParent(), List.of(image.resolve("bin/java").toString(), "--list-modules"));
        assertEquals(0, listed.status(), listed.describe());
        return listed.out().lines().map(line -> line.replaceFirst("@.*", "")).toList();
    }

    /** Links an image of {@code modules} from the packaged jars and the running JDK. */
    private static Path link(String name, String modules, String... extra) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(MODULES), "the packaged modules: " + MODULES.toAbsolutePath());
        Path image = IMAGES.resolve(name).toAbsolutePath();
        deleteTree(image);
        Files.createDirectories(image.getParent());
        List<String> command = new ArrayList<>(List.of(
                JDK.resolve("bin/jlink").toString(),
                "--module-path",
                MODULES.toAbsolutePath().toString(),
                "--add-modules",
                modules,
                "--no-header-files",
                "--no-man-pages",
                "--output",
                image.toString()));
        command.addAll(List.of(extra));
        Result linked = run(image.getParent(), command);
        assertEquals(0, linked.status(), linked.describe());
        return image;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Runs {@code command} in {@code dir} with no inherited JDK options, and collects its output. */
    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("timed out after 5 minutes: " + String.join(" ", command));
        }
        int status = process.exitValue();
        Result result = new Result(command, status, Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** A finished process: its command, exit status, stdout and stderr. */
    private record Result(List<String> command, int status, String out, String err) {
        String describe() {
            return String.join(" ", command) + "\nexit " + status + "\nstdout:\n" + out + "stderr:\n" + err;
        }
    }
}
