package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Training gives the same bits whatever the JIT has compiled: 50 steps of {@link FiftyTrainingSteps}
 * in a fresh JVM (kernels interpreted, then C1, then C2 part-way through), in a JVM that has run
 * the same training many times first, with the interpreter alone ({@code -Xint}) and with C1 alone
 * ({@code -XX:TieredStopAtLevel=1}) end with the same weights, bit for bit, as in this test's JVM.
 * The Vector API's interpreted fallback and its compiled form agree because the kernels avoid the
 * operations whose order is unspecified (see {@code Lanes}); this test holds them to it.
 */
class WarmupDeterminismTest {
    @Test
    void fiftyStepsGiveTheSameWeightsColdWarmInterpretedAndWithC1() throws Exception {
        Map<String, List<String>> modes = new LinkedHashMap<>();
        modes.put("cold JVM", List.of());
        modes.put("warm JVM (the same training 40 times first)", List.of("-Dwarm"));
        modes.put("-Xint", List.of("-Xint"));
        modes.put("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"));
        String expected = FiftyTrainingSteps.train();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> mode : modes.entrySet()) {
            actual.put(mode.getKey(), run(mode.getValue()));
        }
        for (Map.Entry<String, String> e : actual.entrySet()) {
            assertEquals("weights " + expected, e.getValue(), e.getKey() + " trained other weights than this JVM");
        }
    }

    /**
     * This JVM's code as a class path: the tests may run on the module path, patched into
     * dev.jgrad.nn, so the test classes, the module path and the class path all go on it.
     */
    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(FiftyTrainingSteps.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        // Patched into a module, the test classes may report the module's location: add them by path too.
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        if (java.nio.file.Files.isDirectory(testClasses)) {
            entries.add(testClasses.toString());
        }
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                entries.addAll(List.of(value.split(java.io.File.pathSeparator)));
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Runs {@link FiftyTrainingSteps} in a fresh JVM with these flags; returns its last output line. */
    private static String run(List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--illegal-native-access")) {
                command.add(arg); // JDK 25's test flag (the poms' jgrad.test.nativeGuard)
            }
        }
        boolean warm = flags.contains("-Dwarm");
        flags.stream().filter(f -> !f.equals("-Dwarm")).forEach(command::add);
        command.add("-cp");
        command.add(classPath());
        command.add(FiftyTrainingSteps.class.getName());
        if (warm) {
            command.add("warm");
            command.add("40");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + out);
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
