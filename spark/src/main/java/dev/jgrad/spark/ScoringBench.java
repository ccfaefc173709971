package dev.jgrad.spark;

import dev.jgrad.mnist.MnistFiles;
import dev.jgrad.mnist.MnistSample;
import dev.jgrad.mnist.MnistSplit;
import dev.jgrad.tensor.Generator;
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
 * {@code runs} after a warm-up run. Usage: {@code ScoringBench MASTER [repeat=10] [runs=5] [batch=1000]}.
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
            for (int r = -1; r < runs; r++) {
                long t0 = System.nanoTime();
                long rows = model.transform(all).count();
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        Locale.ROOT, "%s run %d: %d rows in %.2f s = %.0f rows/s%n", master, r, rows, s, rows / s);
                if (r >= 0) {
                    rates[r] = rows / s;
                }
            }
            Arrays.sort(rates);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d x %d rows, %d partitions, batch %d: median %.0f rows/s%n",
                    master,
                    repeat,
                    n,
                    partitions,
                    batch,
                    rates[runs / 2]);
        } finally {
            spark.stop();
        }
    }
}
