package dev.jgrad.spark;

import dev.jgrad.mnist.MnistFiles;
import dev.jgrad.mnist.MnistSample;
import dev.jgrad.mnist.MnistSplit;
import dev.jgrad.tensor.Generator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Inference throughput of {@link JgradModel}: rows per second scoring Fashion-MNIST's 70,000 images
 * {@code repeat} times over (from a cached DataFrame, so reading the data is not timed), median of
 * {@code runs} after a warm-up run, with the process's CPU time per row beside it (in local mode the
 * driver and the executors are this JVM). It also times Spark alone reading the cached rows as
 * {@code Row}s, and splits the scorer's own time into reading features, the forward pass and building
 * output rows, which says where a row's CPU time goes. Usage:
 * {@code ScoringBench MASTER [repeat=10] [runs=5] [batch=1000]}.
 */
public final class ScoringBench {
    private ScoringBench() {}

    /**
     * Runs the benchmark and prints one line per run and the median.
     *
     * @param args master, then optionally repeat, runs and batch size
     * @throws Exception if the data cannot be read or Spark fails
     */
    public static void main(String[] args) throws Exception {
        String master = args.length > 0 ? args[0] : "local[2]";
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        Optional<MnistFiles> files = MnistFiles.inFolder(Path.of("/usr/share/datasets/fashion-mnist"));
        MnistSplit train = files.isPresent() ? files.get().train() : MnistSample.train();
        MnistSplit test = files.isPresent() ? files.get().test() : MnistSample.test();
        SparkSession spark = SparkSession.builder()
                .master(master)
                .appName("jgrad scoring bench")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            spark.sparkContext().setLogLevel("ERROR");
            int partitions = spark.sparkContext().defaultParallelism();
            Dataset<Row> once = MnistFrames.of(spark, train, train.size(), partitions)
                    .union(MnistFrames.of(spark, test, test.size(), partitions))
                    .coalesce(partitions)
                    .cache();
            long n = once.count();
            Dataset<Row> all = once;
            for (int i = 1; i < repeat; i++) {
                all = all.union(once);
            }
            ModelSpec spec = new ModelSpec("mlp", new int[] {784, 256, 10});
            JgradModel model = JgradModel.of(spec, spec.build(new Generator(0))).setBatchSize(batch);
            double[] rates = new double[runs];
            double[] cpuPerRow = new double[runs];
            double[] cores = new double[runs];
            for (int r = -1; r < runs; r++) {
                Sample before = Sample.now();
                long rows = model.transform(all).count();
                Sample d = Sample.now().minus(before);
                System.out.printf(
                        Locale.ROOT,
                        "%s run %d: %s, other threads, GC and JIT %.2f us),"
                                + " scorer wall: read %.2f us, forward %.2f us, output %.2f us%n",
                        master,
                        r,
                        d.describe(rows),
                        (d.cpu() - d.tasks()) / rows * 1e6,
                        d.read() / rows * 1e6,
                        d.forward() / rows * 1e6,
                        d.output() / rows * 1e6);
                if (r >= 0) {
                    rates[r] = rows / d.wall();
                    cpuPerRow[r] = d.cpu() / rows;
                    cores[r] = d.cpu() / d.wall();
                }
            }
            // Spark alone: the cached rows decoded to Rows (what the scorer reads), then decoded and
            // encoded back into a DataFrame as transform does (a transform with no model), no forward pass.
            Dataset<Row> input = all;
            baseline(master, "the cached rows as Rows", () -> input.javaRDD().count());
            baseline(
                    master,
                    "the rows as Rows and back into a DataFrame",
                    () -> spark.createDataFrame(input.javaRDD(), input.schema()).count());
            Arrays.sort(rates);
            Arrays.sort(cpuPerRow);
            Arrays.sort(cores);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d x %d rows, %d partitions, batch %d: median %.0f rows/s, %.1f CPU ms per 1000 rows,"
                            + " %.2f cores busy%n",
                    master,
                    repeat,
                    n,
                    partitions,
                    batch,
                    rates[runs / 2],
                    cpuPerRow[runs / 2] * 1e6,
                    cores[runs / 2]);
        } finally {
            spark.stop();
        }
    }

    private static void baseline(String master, String what, java.util.function.LongSupplier job) {
        Sample before = Sample.now();
        long rows = job.getAsLong();
        Sample d = Sample.now().minus(before);
        System.out.printf(Locale.ROOT, "%s Spark alone, %s (no model): %s)%n", master, what, d.describe(rows));
    }

    /** Process CPU, GC and the scorer's phase times at one moment, in seconds. */
    private record Sample(
            double wall, double cpu, double tasks, double gc, double read, double forward, double output) {
        /** CPU seconds of Spark's task threads ("Executor task launch worker", "... idle worker" between tasks). */
        static double taskThreadsCpu() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double sum = 0;
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && t.getThreadName().startsWith("Executor task ")) {
                    sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId())) / 1e9;
                }
            }
            return sum;
        }

        static Sample now() {
            double gc = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime()) / 1e3;
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Sample(
                    System.nanoTime() / 1e9,
                    os.getProcessCpuTime() / 1e9,
                    taskThreadsCpu(),
                    gc,
                    JgradModel.Scorer.READ_NANOS.sum() / 1e9,
                    JgradModel.Scorer.FORWARD_NANOS.sum() / 1e9,
                    JgradModel.Scorer.OUTPUT_NANOS.sum() / 1e9);
        }

        Sample minus(Sample o) {
            return new Sample(
                    wall - o.wall,
                    cpu - o.cpu,
                    tasks - o.tasks,
                    gc - o.gc,
                    read - o.read,
                    forward - o.forward,
                    output - o.output);
        }

        /**
         * The line both kinds of run print: rows, wall time and rate, process CPU and cores busy, GC
         * pauses, and CPU per row with its task-thread part; the caller closes the parenthesis.
         */
        String describe(long rows) {
            return String.format(
                    Locale.ROOT,
                    "%d rows in %.2f s = %.0f rows/s; CPU %.2f s (%.2f cores), GC pauses %.2f s;"
                            + " per row: %.2f us CPU (task threads %.2f us",
                    rows,
                    wall(),
                    rows / wall(),
                    cpu(),
                    cpu() / wall(),
                    gc(),
                    cpu() / rows * 1e6,
                    tasks() / rows * 1e6);
        }
    }
}
