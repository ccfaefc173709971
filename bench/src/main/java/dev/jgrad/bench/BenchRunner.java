package dev.jgrad.bench;

import dev.jgrad.bench.report.BenchResult;
import dev.jgrad.bench.report.MarkdownReport;
import dev.jgrad.bench.report.MatmulChart;
import dev.jgrad.bench.report.Results;
import dev.jgrad.bench.report.RunInfo;
import dev.jgrad.bench.report.TargetRow;
import dev.jgrad.bench.report.Targets;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code ./jgrad bench [--full] [--only SUITES] [--report-only]}: runs the JMH suites and writes
 * the report; {@code ./jgrad bench --cold-start} times fresh JVMs instead (see {@link ColdStart}).
 *
 * <p>The quick mode (default) runs a subset of sizes with short iterations and writes everything
 * under {@code bench/target/quick/}. {@code --full} runs every size with two forks and, once all
 * suites have finished, replaces {@code bench/results/*.json} and rewrites {@code bench/REPORT.md}
 * and {@code bench/matmul-gflops.svg}. {@code --report-only} regenerates the report from the
 * results already there.
 */
public final class BenchRunner {
    static final String REPORT = "REPORT.md";
    static final String CHART = "matmul-gflops.svg";
    /** Hand-written analysis appended to the report when present in the bench directory. */
    static final String NOTES = "report-notes.md";
    /** How long to wait for another JMH run on the machine before giving up. */
    static final int LOCK_WAIT_MINUTES = 60;

    /** JMH settings of a mode: its label, forks, warm-up and measured iterations and their milliseconds. */
    record RunMode(String label, int forks, int warmups, int warmupMs, int iterations, int iterationMs) {
        static final RunMode QUICK = new RunMode("quick", 1, 1, 300, 3, 300);
        static final RunMode FULL = new RunMode("full", 2, 3, 500, 5, 500);
    }

    /**
     * One JMH run, written to {@code name.json}: the benchmark classes of each mode, the
     * parameter values the quick mode restricts them to, and the number of warm-up iterations
     * when the mode's is too few (0: the mode's).
     */
    record Suite(
            String name,
            List<Class<?>> fullClasses,
            List<Class<?>> quickClasses,
            Map<String, String[]> quickParams,
            int warmups) {

        Suite(String name, List<Class<?>> fullClasses, List<Class<?>> quickClasses, Map<String, String[]> quickParams) {
            this(name, fullClasses, quickClasses, quickParams, 0);
        }

        List<Class<?>> classes(RunMode mode) {
            return mode == RunMode.FULL ? fullClasses : quickClasses;
        }
    }

    static final List<Suite> SUITES = List.of(
            new Suite(
                    "matmul",
                    List.of(MatmulBench.class, MatmulMlpBench.class, MatmulThreadsBench.class),
                    List.of(MatmulBench.class, MatmulMlpBench.class),
                    Map.of("n", new String[] {"64", "256"})),
            new Suite(
                    "reductions",
                    List.of(ReductionBench.class),
                    List.of(ReductionBench.class),
                    Map.of("size", new String[] {"65536"})),
            new Suite(
                    "elementwise",
                    List.of(ElementwiseBench.class),
                    List.of(ElementwiseBench.class),
                    Map.of("size", new String[] {"1048576"})),
            new Suite("peak", List.of(PeakBench.class), List.of(PeakBench.class), Map.of()),
            // A training step runs dozens of kernels that the JIT compiles one after another:
            // it takes 3 to 4 s to reach its steady speed, so it warms up for 10 iterations.
            new Suite(
                    "train",
                    List.of(TrainStepBench.class),
                    List.of(TrainStepBench.class),
                    Map.of("model", new String[] {"mlp"}),
                    10),
            new Suite("conv", List.of(ConvBench.class), List.of(ConvBench.class), Map.of()));

    private BenchRunner() {}

    public static void main(String[] args) throws Exception {
        RunMode mode = RunMode.QUICK;
        boolean reportOnly = false;
        List<String> only = null;
        if (args.length > 0 && args[0].equals("--cold-start")) {
            Path benchDir = benchDir();
            ColdStart.run(Arrays.asList(args).subList(1, args.length), benchDir.resolve("results"));
            if (Files.isRegularFile(benchDir.resolve("results").resolve(RunInfo.FILE_NAME))) {
                writeReport(benchDir, benchDir, benchDir.resolve("results"));
            }
            return;
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full":
                    mode = RunMode.FULL;
                    break;
                case "--report-only":
                    reportOnly = true;
                    break;
                case "--only":
                    if (i + 1 == args.length) {
                        usage("--only needs a comma-separated list of suites");
                    }
                    only = Arrays.asList(args[++i].split(","));
                    break;
                case "-h":
                case "--help":
                    usage(null);
                    break;
                default:
                    usage("unknown argument '" + args[i] + "'");
            }
        }
        if (only != null && mode == RunMode.FULL) {
            usage("--only is for quick runs: a full run rewrites every result");
        }
        List<Suite> suites = new ArrayList<>();
        for (Suite s : SUITES) {
            if (only == null || only.contains(s.name())) {
                suites.add(s);
            }
        }
        if (only != null && suites.size() != only.size()) {
            usage("--only takes some of: matmul, reductions, elementwise, peak, train, conv");
        }

        Path benchDir = benchDir();
        Path outDir =
                mode == RunMode.FULL ? benchDir : benchDir.resolve("target").resolve("quick");
        Path resultsDir = outDir.resolve("results");
        int failures = 0;
        if (!reportOnly) {
            Path staging = mode == RunMode.FULL ? benchDir.resolve("target").resolve("full-run") : resultsDir;
            try {
                failures = run(mode, suites, staging);
            } catch (RunnerException e) {
                System.err.println("jgrad bench: " + e.getMessage());
                System.exit(1);
            }
            if (staging != resultsDir) {
                publish(staging, resultsDir);
            }
        }
        writeReport(benchDir, outDir, resultsDir);
        if (failures > 0) {
            System.out.println("jgrad bench: " + failures + " benchmark(s) failed; their targets "
                    + "show as not measured (see the JMH log)");
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        PrintStream err = System.err;
        if (problem != null) {
            err.println("jgrad bench: " + problem);
        }
        err.println("usage: ./jgrad bench [--full] [--only SUITE,...] [--report-only]");
        err.println("       ./jgrad bench --cold-start [--jvms N] [--data DIR] [-- JVM_FLAGS...]");
        err.println("  (default)      quick run of a subset of sizes; writes bench/target/quick/");
        err.println(
                "  --full         every size, 2 forks; rewrites bench/results/, bench/REPORT.md, " + "bench/" + CHART);
        err.println(
                "  --only S,...   quick run of some suites: matmul, reductions, elementwise, peak, " + "train, conv");
        err.println("  --report-only  regenerate the report from the results already written");
        err.println("  --cold-start   time to the 1st, 10th, 100th MLP step and epoch 1 in N fresh JVMs (10);"
                + " writes bench/results/" + ColdStart.FILE + " and adds it to bench/" + REPORT);
        System.exit(problem == null ? 0 : 2);
    }

    /** Runs the suites into {@code resultsDir}; returns how many benchmarks failed. */
    private static int run(RunMode mode, List<Suite> suites, Path resultsDir) throws IOException, RunnerException {
        Files.createDirectories(resultsDir);
        try (Stream<Path> old = Files.list(resultsDir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                if (p.getFileName().toString().endsWith(".json")) {
                    Files.delete(p);
                }
            }
        }
        Path logFile = resultsDir.getParent().resolve("jmh.log");
        int vectorBits = vectorBits();
        System.out.println("jgrad bench (" + mode.label() + "): JMH log in " + logFile);
        System.out.println("checks: sum accuracy and NaN in max/argmax");
        RunInfo info = new RunInfo(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                mode.label(),
                vectorBits,
                Checks.sumRelativeError(),
                Checks.nanPropagation(),
                "unknown");
        String loadAtStart = loadAverage();
        info.withLoad(loadAtStart + " at the start").write(resultsDir.resolve(RunInfo.FILE_NAME));

        int failures = 0;
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
            for (Suite suite : suites) {
                if (suite.name().equals("peak") && vectorBits == 0) {
                    System.out.println("peak: skipped, the Vector API is not available to this JVM");
                    continue;
                }
                System.out.println(suite.name() + ":");
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .forks(mode.forks())
                        .warmupIterations(Math.max(mode.warmups(), suite.warmups()))
                        .warmupTime(TimeValue.milliseconds(mode.warmupMs()))
                        .measurementIterations(mode.iterations())
                        .measurementTime(TimeValue.milliseconds(mode.iterationMs()))
                        .resultFormat(ResultFormatType.JSON)
                        .result(resultsDir.resolve(suite.name() + ".json").toString())
                        .shouldFailOnError(false);
                for (Class<?> c : suite.classes(mode)) {
                    options.include("^" + c.getName().replace(".", "\\.") + "\\.");
                }
                if (mode == RunMode.QUICK) {
                    suite.quickParams().forEach(options::param);
                }
                if (vectorBits > 0) {
                    options.param("bits", Integer.toString(vectorBits));
                }
                ProgressFormat progress = new ProgressFormat(
                        OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL), System.out);
                runWhenFree(options.build(), progress);
                failures += progress.failures();
            }
        }
        info.withLoad("1-minute load average " + loadAtStart + " at the start, " + loadAverage() + " at the end")
                .write(resultsDir.resolve(RunInfo.FILE_NAME));
        return failures;
    }

    /**
     * Runs JMH, first waiting (up to {@link #LOCK_WAIT_MINUTES}) while another JMH run holds the
     * machine-wide JMH lock: two benchmark runs at once would spoil each other's numbers.
     */
    private static void runWhenFree(Options options, ProgressFormat progress) throws RunnerException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LOCK_WAIT_MINUTES);
        boolean told = false;
        while (true) {
            try {
                new Runner(options, progress).run();
                return;
            } catch (RunnerException e) {
                if (!String.valueOf(e.getMessage()).contains("JMH lock") || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!told) {
                    System.out.println("  another JMH run holds this machine; waiting for it to finish");
                    told = true;
                }
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Replaces the published results with the staged ones, all at once at the end of a run. */
    private static void publish(Path staging, Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        try (Stream<Path> old = Files.list(resultsDir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") || name.equals(RunInfo.FILE_NAME)) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> fresh = Files.list(staging)) {
            for (Path p : (Iterable<Path>) fresh::iterator) {
                Files.copy(p, resultsDir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void writeReport(Path benchDir, Path outDir, Path resultsDir) throws IOException {
        Path infoFile = resultsDir.resolve(RunInfo.FILE_NAME);
        if (!Files.isRegularFile(infoFile)) {
            throw new IOException("no results in " + resultsDir + ": run the benchmarks first");
        }
        List<BenchResult> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(resultsDir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (p.getFileName().toString().endsWith(".json")) {
                    all.addAll(BenchResult.parseAll(Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        Results results = Results.of(all);
        RunInfo info = RunInfo.read(infoFile);
        String chart = MatmulChart.render(results);
        Path chartFile = outDir.resolve(CHART);
        if (chart != null) {
            Files.writeString(chartFile, chart, StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(chartFile);
        }
        Path notesFile = benchDir.resolve(NOTES);
        String notes = Files.isRegularFile(notesFile) ? Files.readString(notesFile, StandardCharsets.UTF_8) : null;
        Path coldStartFile = resultsDir.resolve(ColdStart.FILE);
        if (Files.isRegularFile(coldStartFile)) {
            notes = Files.readString(coldStartFile, StandardCharsets.UTF_8) + "\n" + (notes == null ? "" : notes);
        }
        String report = MarkdownReport.render(results, info, chart == null ? null : CHART, notes);
        Path reportFile = outDir.resolve(REPORT);
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);

        Map<TargetRow.Status, Integer> counts = new LinkedHashMap<>();
        for (TargetRow t : Targets.evaluate(results, info)) {
            counts.merge(t.status(), 1, Integer::sum);
        }
        System.out.println("report: " + reportFile + " (targets: "
                + counts.getOrDefault(TargetRow.Status.MET, 0) + " met, "
                + counts.getOrDefault(TargetRow.Status.MISSED, 0) + " missed, "
                + counts.getOrDefault(TargetRow.Status.NOT_MEASURED, 0) + " not measured)");
    }

    /** bench/, found from where this class was loaded (bench/target/classes or a jar in bench/target). */
    private static Path benchDir() throws IOException {
        String override = System.getProperty("jgrad.bench.dir");
        if (override != null) {
            return Path.of(override).toAbsolutePath();
        }
        try {
            Path here = Path.of(BenchRunner.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = here.getParent().getParent();
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            throw new IOException("cannot find the bench directory from " + here + ": set -Djgrad.bench.dir");
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** The preferred vector width of this JVM, 0 without the Vector API. */
    private static int vectorBits() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return 0;
        }
        return PeakBench.preferredBits();
    }

    /** The 1-minute load average from /proc/loadavg, or "unknown". */
    static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg"));
            return s.substring(0, s.indexOf(' '));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The CPU as /proc/cpuinfo describes it, or the architecture where there is none. */
    static String cpuModel() {
        try {
            return describeCpu(Files.readAllLines(Path.of("/proc/cpuinfo")), System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    /**
     * The first processor's model name, with its family and model numbers where there are any:
     * a VM may show a bare "AMD EPYC", and the numbers are what tell the generations apart
     * (family 25 model 17 is Zen 4, whose 512-bit FMAs issue as two 256-bit halves; family 26
     * is Zen 5, with full-width 512-bit units and twice the peak).
     */
    static String describeCpu(List<String> cpuinfo, String fallback) {
        String name = null, family = null, model = null;
        for (String line : cpuinfo) {
            if (line.isBlank()) {
                break; // the end of the first processor's block
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "model name" -> name = value;
                case "cpu family" -> family = value;
                case "model" -> model = value;
                default -> {}
            }
        }
        if (name == null) {
            return fallback;
        }
        return family == null || model == null ? name : name + ", family " + family + " model " + model;
    }
}
