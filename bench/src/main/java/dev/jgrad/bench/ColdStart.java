package dev.jgrad.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./jgrad bench --cold-start [--jvms N] [--data DIR] [-- JVM_FLAGS...]}: time to the first
 * training steps in fresh JVMs, which a JMH fork does not show (it starts timing after JVM
 * start-up and class loading). Runs {@link ColdStartRun} in N JVMs one after another (default 10)
 * and prints, and writes to {@code bench/results/cold-start.md}, the median, minimum and maximum of
 * each time: main reached, data decoded, the 1st, 10th and 100th MLP step and the first epoch
 * (these four from JVM start, less the decoding time) and the CPU time spent to step 100 and to
 * the end of the epoch, next to the targets.
 */
final class ColdStart {
    static final String FILE = "cold-start.md";
    private static final String[] KEYS = {"main", "load", "step1", "step10", "step100", "epoch", "cpu100", "cpuEpoch"};

    private ColdStart() {}

    static void run(List<String> args, Path resultsDir) throws IOException, InterruptedException {
        int jvms = 10;
        Path data = Path.of("/usr/share/datasets/fashion-mnist");
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--jvms") && i + 1 < args.size()) {
                jvms = Integer.parseInt(args.get(++i));
            } else if (a.equals("--data") && i + 1 < args.size()) {
                data = Path.of(args.get(++i));
            } else if (a.equals("--")) {
                flags.addAll(args.subList(i + 1, args.size()));
                break;
            } else {
                throw new IllegalArgumentException(
                        "--cold-start takes --jvms N, --data DIR and -- JVM_FLAGS, not '" + a + "'");
            }
        }
        if (!Files.isRegularFile(data.resolve("train-images-idx3-ubyte.gz"))) {
            throw new IOException(
                    "no Fashion-MNIST training set in " + data + " (train-images-idx3-ubyte.gz):" + " pass --data DIR");
        }
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String k : KEYS) {
            times.put(k, new double[jvms]);
        }
        String loadBefore = BenchRunner.loadAverage();
        for (int r = 0; r < jvms; r++) {
            Map<String, Double> one = runOnce(flags, data);
            for (String k : KEYS) {
                times.get(k)[r] = one.get(k);
            }
            System.out.println("  JVM " + (r + 1) + "/" + jvms + ": " + one);
        }
        String report = table(times, jvms, flags, loadBefore + " before, " + BenchRunner.loadAverage() + " after");
        System.out.print(report);
        Path out = resultsDir.resolve(FILE);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("written to " + out);
    }

    /** Runs one {@link ColdStartRun} JVM and parses its times. */
    private static Map<String, Double> runOnce(List<String> flags, Path data) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(Jvm.VECTOR_MODULE);
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ColdStartRun.class.getName());
        command.add(data.toString());
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        Map<String, Double> parsed = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith(ColdStartRun.PREFIX)) {
                for (String field :
                        line.substring(ColdStartRun.PREFIX.length()).trim().split(" ")) {
                    String[] kv = field.split("=");
                    parsed.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
        }
        if (!parsed.keySet().containsAll(Arrays.asList(KEYS))) {
            throw new IOException(String.join(" ", command) + " printed no times: " + out);
        }
        return parsed;
    }

    private static String table(Map<String, double[]> times, int jvms, List<String> flags, String load) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT, "### Cold start: %d fresh JVMs, MLP 784-256-10, batch 100, 1 thread%n%n", jvms));
        s.append("JVM: ")
                .append(System.getProperty("java.vendor"))
                .append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append(", flags: ")
                .append(flags.isEmpty() ? "(none beyond " + Jvm.VECTOR_MODULE + ")" : String.join(" ", flags))
                .append("; CPU: ")
                .append(BenchRunner.cpuModel())
                .append("; 1-minute load average: ")
                .append(load)
                .append("\n\n");
        s.append("| ms from JVM start (less the decoding time) | median | min | max | target |\n");
        s.append("|---|---|---|---|---|\n");
        Map<String, String> labels = Map.of(
                "main",
                "main() reached",
                "load",
                "decoding the training set (duration)",
                "step1",
                "end of step 1",
                "step10",
                "end of step 10",
                "step100",
                "end of step 100",
                "epoch",
                "end of epoch 1 (600 steps)",
                "cpu100",
                "CPU time of all threads to step 100",
                "cpuEpoch",
                "CPU time of all threads to the end of epoch 1");
        for (String k : KEYS) {
            double[] v = times.get(k).clone();
            Arrays.sort(v);
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            String target = k.equals("step100") ? "≤ 1000" : "";
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.0f | %s |%n",
                    labels.get(k),
                    median,
                    v[0],
                    v[v.length - 1],
                    target));
        }
        return s.toString();
    }
}
