package dev.jgrad.spark;

import dev.jgrad.mnist.CommandLine;
import dev.jgrad.mnist.CommandLine.UsageException;
import dev.jgrad.mnist.MnistFiles;
import dev.jgrad.mnist.MnistKind;
import dev.jgrad.mnist.MnistSample;
import dev.jgrad.mnist.MnistSplit;
import dev.jgrad.tensor.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./jgrad spark-train}: {@code ./jgrad train} on Spark. Reads the IDX files into a
 * DataFrame, trains with {@link JgradClassifier} (one replica per partition, a Spark job per round), scores
 * the test set with the fitted {@link JgradModel}, and prints the same lines as
 * {@code ./jgrad train}: the data, one line per epoch, then {@code test accuracy: X}. What the
 * synchronisation cost goes to stderr. Bad input is one line on stderr and a non-zero exit.
 */
public final class SparkTrainCommand {
    private static final String USAGE = String.join(
            "\n",
            "usage: ./jgrad spark-train [options]",
            "Trains and evaluates a classifier on MNIST-format data on Spark, data-parallel (one replica per partition).",
            "",
            "  --master URL            Spark master [local[*]]",
            "  --partitions N          replicas, one task each per round [the master's default parallelism]",
            "  --sync-every N          local steps between synchronisations, 0 = once per epoch ["
                    + JgradClassifier.DEFAULT_SYNC_EVERY + "]",
            "  --checkpoint DIR        write a checkpoint at each epoch's end to DIR (which must exist); resume from one there",
            "  --data DIR              a folder with the four IDX files (raw or .gz)",
            "  --dataset NAME          mnist or fashion-mnist: which dataset to look for or download",
            "  --download              download the dataset when it is not found",
            "  --model KIND            softmax or mlp (784-256-10 with ReLU) [mlp]",
            "  --epochs N              [5]",
            "  --batch-size N          rows per partition per step [100]",
            "  --lr X                  learning rate, applied to the mean over all partitions' batches [0.1]",
            "  --optimizer NAME        sgd or adam [sgd]",
            "  --seed N                seed for the initial weights and the shuffling [0]",
            "  --threads N             kernel threads per task (spark.task.cpus) [1]",
            "  --save FILE             save the trained model (safetensors, readable by ./jgrad train --load)",
            "  --load FILE             start from a saved model; its kind must match --model",
            "  --eval-only             only evaluate the --load model on the test set",
            "  --json FILE             also write the results as JSON",
            "  --help                  this message",
            "",
            "Data: --data DIR if given, else ./data, ~/.cache/jgrad, /usr/share/datasets/fashion-mnist,",
            "else the small sample embedded in jgrad.");

    private SparkTrainCommand() {}

    /**
     * Runs the command and exits with its status (0 on success, 2 on a usage error, 1 otherwise).
     *
     * @param args the command-line options (see {@code --help})
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    static final class Options {
        /** The options that take no value. */
        private static final Set<String> FLAGS = Set.of("--help", "-h", "--download", "--eval-only");

        /** The options that take a value. */
        private static final Set<String> VALUED = Set.of(
                "--master",
                "--partitions",
                "--sync-every",
                "--checkpoint",
                "--data",
                "--dataset",
                "--model",
                "--epochs",
                "--batch-size",
                "--lr",
                "--optimizer",
                "--seed",
                "--threads",
                "--save",
                "--load",
                "--json");

        String master = "local[*]";
        int partitions;
        int syncEvery = JgradClassifier.DEFAULT_SYNC_EVERY;
        Path checkpoint;
        Path data;
        String dataset;
        boolean download;
        String model = "mlp";
        int epochs = 5;
        int batchSize = 100;
        double lr = 0.1;
        String optimizer = "sgd";
        long seed;
        int threads = 1;
        Path save;
        Path load;
        boolean evalOnly;
        Path json;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            CommandLine.parse(args, FLAGS, VALUED, o::set);
            if (o.evalOnly && o.load == null) {
                throw new UsageException("--eval-only needs --load FILE (a model to evaluate)");
            }
            return o;
        }

        private void set(String name, String value) {
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--download" -> download = CommandLine.flag(name, value);
                case "--eval-only" -> evalOnly = CommandLine.flag(name, value);
                case "--master" -> master = value;
                case "--partitions" -> partitions = CommandLine.positiveInt(name, value);
                case "--sync-every" -> syncEvery = CommandLine.nonNegativeInt(name, value);
                case "--checkpoint" -> checkpoint = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--dataset" -> dataset = CommandLine.oneOf(name, value, "mnist", "fashion-mnist");
                case "--model" -> model = CommandLine.oneOf(name, value, "softmax", "mlp");
                case "--epochs" -> epochs = CommandLine.positiveInt(name, value);
                case "--batch-size" -> batchSize = CommandLine.positiveInt(name, value);
                case "--lr" -> lr = CommandLine.positiveDouble(name, value);
                case "--optimizer" -> optimizer = CommandLine.oneOf(name, value, "sgd", "adam");
                case "--seed" -> seed = CommandLine.longValue(name, value);
                case "--threads" -> threads = CommandLine.positiveInt(name, value);
                case "--save" -> save = Path.of(value);
                case "--load" -> load = Path.of(value);
                case "--json" -> json = Path.of(value);
                default -> throw new IllegalStateException("option " + name + " has no setter");
            }
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            if (options.help) {
                out.println(USAGE);
                return 0;
            }
            execute(options, out, err);
            return 0;
        } catch (UsageException e) {
            err.println("jgrad spark-train: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("jgrad spark-train: no such file: " + e.getFile());
            return 1;
        } catch (Exception | OutOfMemoryError | ExceptionInInitializerError e) {
            err.println("jgrad spark-train: " + oneLine(rootMessage(e)));
            return 1;
        }
    }

    /** The most specific message: Spark wraps task failures in SparkException with the cause's text inside. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.toString() : m;
    }

    private static String oneLine(String message) {
        return message.replace('\n', ' ')
                .replace('\r', ' ')
                .replaceAll(" +", " ")
                .trim();
    }

    private record Data(String description, MnistSplit train, MnistSplit test) {}

    private static Data data(Options o) throws IOException {
        List<MnistKind> kinds = o.dataset == null
                ? List.of(MnistKind.FASHION_MNIST, MnistKind.MNIST)
                : List.of(MnistKind.fromName(o.dataset));
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "jgrad");
        List<Path> roots = new ArrayList<>();
        if (o.data != null) {
            Optional<MnistFiles> flat = MnistFiles.inFolder(o.data);
            if (flat.isPresent()) {
                return new Data(
                        "MNIST-format data in " + o.data,
                        flat.get().train(),
                        flat.get().test());
            }
            roots.add(o.data);
        } else {
            roots.add(Path.of("data"));
            roots.add(cache);
        }
        for (Path root : roots) {
            for (MnistKind kind : kinds) {
                Optional<MnistFiles> found = MnistFiles.find(root, kind);
                if (found.isPresent()) {
                    return new Data(
                            name(kind) + " in " + found.get().directory(),
                            found.get().train(),
                            found.get().test());
                }
            }
        }
        if (o.data == null && kinds.contains(MnistKind.FASHION_MNIST)) {
            Optional<MnistFiles> debian = MnistFiles.inFolder(Path.of("/usr/share/datasets/fashion-mnist"));
            if (debian.isPresent()) {
                return new Data(
                        "Fashion-MNIST in /usr/share/datasets/fashion-mnist",
                        debian.get().train(),
                        debian.get().test());
            }
        }
        if (o.download) {
            MnistFiles files = MnistFiles.download(o.data != null ? o.data : cache, kinds.get(0));
            return new Data(
                    name(kinds.get(0)) + " in " + files.directory() + " (downloaded)", files.train(), files.test());
        }
        if (o.data != null) {
            MnistFiles.locate(o.data, kinds.get(0)); // throws naming what is missing
        }
        return new Data("embedded Fashion-MNIST sample", MnistSample.train(), MnistSample.test());
    }

    private static String name(MnistKind kind) {
        return kind == MnistKind.FASHION_MNIST ? "Fashion-MNIST" : "MNIST";
    }

    private static void execute(Options o, PrintStream out, PrintStream err) throws IOException {
        if (o.checkpoint != null && !Files.isDirectory(o.checkpoint)) {
            throw new NoSuchFileException(o.checkpoint + " (the --checkpoint directory must exist)");
        }
        byte[] loaded = null;
        if (o.load != null) {
            if (!Files.isRegularFile(o.load)) {
                throw new NoSuchFileException(o.load.toString());
            }
            loaded = Files.readAllBytes(o.load);
        }
        Data data = data(o);
        out.println(String.format(
                Locale.ROOT,
                "data: %s (%d train + %d test images, %dx%d)",
                data.description(),
                data.train().size(),
                data.test().size(),
                data.train().rows(),
                data.train().cols()));
        out.flush();
        if (o.partitions > data.train().size()) {
            throw new IllegalArgumentException("--partitions " + o.partitions + " is out of range: the data has "
                    + data.train().size() + " rows, so 1 to " + data.train().size() + " partitions");
        }
        SparkSession spark = SparkSession.builder()
                .master(o.master)
                .appName("jgrad spark-train")
                .config("spark.ui.enabled", "false")
                .config("spark.task.cpus", Integer.toString(o.threads))
                .getOrCreate();
        try {
            spark.sparkContext().setLogLevel("ERROR");
            int partitions = o.partitions > 0
                    ? o.partitions
                    : Math.max(1, spark.sparkContext().defaultParallelism() / o.threads);
            Dataset<Row> test = MnistFrames.of(
                            spark,
                            data.test(),
                            data.test().size(),
                            Math.min(partitions, data.test().size()))
                    .cache();
            JgradModel model;
            List<TrainingSummary.Epoch> epochs = new ArrayList<>();
            List<Double> testAccs = new ArrayList<>();
            if (o.evalOnly) {
                model = new JgradModel(loaded);
                checkKind(model.spec(), o.model, o.load);
            } else {
                Dataset<Row> train =
                        MnistFrames.of(spark, data.train(), data.train().size(), partitions);
                JgradClassifier est = new JgradClassifier()
                        .setModel(o.model)
                        .setNumClasses(10)
                        .setOptimizer(o.optimizer)
                        .setLearningRate(o.lr)
                        .setBatchSize(o.batchSize)
                        .setEpochs(o.epochs)
                        .setSeed(o.seed)
                        .setSyncEvery(o.syncEvery)
                        .setKeepEpochModels(true)
                        .setCheckpointDir(o.checkpoint == null ? "" : o.checkpoint.toString());
                if (loaded != null) {
                    JgradModel start = new JgradModel(loaded);
                    checkKind(start.spec(), o.model, o.load);
                    est.setInitialModel(start);
                }
                // Each epoch's line as that epoch ends, as ./jgrad train prints them.
                est.onEpoch(e -> {
                    double acc = accuracy(new JgradModel(e.modelBytes()), test);
                    epochs.add(e);
                    testAccs.add(acc);
                    out.println(String.format(
                            Locale.ROOT,
                            "epoch %d/%d  loss %.4f  train_acc %.4f  test_acc %.4f  time %.2fs",
                            e.epoch(),
                            o.epochs,
                            e.loss(),
                            e.trainAccuracy(),
                            acc,
                            e.seconds()));
                    out.flush();
                });
                model = est.fit(train);
                TrainingSummary s = model.summary();
                err.println(String.format(
                        Locale.ROOT,
                        "jgrad spark-train: %d partitions on %s, %d rounds (one Spark job each) of %d bytes"
                                + " per replica, %.1f ms per round of which %.1f ms synchronising; %s",
                        s.partitions(),
                        o.master,
                        s.rounds(),
                        s.payloadBytes(),
                        s.meanRoundMillis(),
                        s.meanOverheadMillis(),
                        throughput(s)));
            }
            double accuracy = testAccs.isEmpty() ? accuracy(model, test) : testAccs.get(testAccs.size() - 1);
            if (o.save != null) {
                byte[] bytes = model.modelBytes();
                AtomicFiles.write(o.save, stream -> stream.write(bytes));
            }
            if (o.json != null) {
                writeJson(o, data, epochs, testAccs, accuracy);
            }
            out.println(String.format(Locale.ROOT, "test accuracy: %.4f", accuracy));
        } finally {
            spark.stop();
        }
    }

    private static void checkKind(ModelSpec spec, String kind, Path file) {
        if (!spec.kind().equals(kind)) {
            throw new IllegalArgumentException(file + " holds a " + spec.kind() + " model (sizes "
                    + spec.metadata().get(ModelSpec.SIZES_KEY) + "), but --model is " + kind + "; pass --model "
                    + spec.kind());
        }
    }

    /** Images per second over the epochs after the first (all of them when there is one). */
    static String throughput(TrainingSummary s) {
        List<TrainingSummary.Epoch> es = s.epochs();
        List<TrainingSummary.Epoch> timed = es.size() > 1 ? es.subList(1, es.size()) : es;
        long rows = 0;
        double seconds = 0;
        for (TrainingSummary.Epoch e : timed) {
            rows += e.rows();
            seconds += e.seconds();
        }
        return String.format(
                Locale.ROOT,
                "%.0f images/s over epoch%s %s",
                rows / seconds,
                timed.size() > 1 ? "s" : "",
                timed.size() > 1
                        ? timed.get(0).epoch() + "-"
                                + timed.get(timed.size() - 1).epoch()
                        : Integer.toString(timed.get(0).epoch()));
    }

    private static double accuracy(JgradModel model, Dataset<Row> test) {
        Dataset<Row> scored =
                model.setProbabilityCol("").setRawPredictionCol("").transform(test);
        return (double) scored.filter("prediction = label").count() / test.count();
    }

    private static void writeJson(
            Options o, Data data, List<TrainingSummary.Epoch> epochs, List<Double> testAccs, double accuracy)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"data\": ")
                .append(quote(data.description()))
                .append(", \"model\": ")
                .append(quote(o.model))
                .append(", \"master\": ")
                .append(quote(o.master))
                .append(", \"epochs\": [");
        for (int i = 0; i < epochs.size(); i++) {
            TrainingSummary.Epoch e = epochs.get(i);
            sb.append(i == 0 ? "" : ", ")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"epoch\": %d, \"loss\": %s, \"train_acc\": %s, \"test_acc\": %s, \"time_s\": %s}",
                            e.epoch(),
                            e.loss(),
                            e.trainAccuracy(),
                            testAccs.get(i),
                            e.seconds()));
        }
        sb.append("], \"test_accuracy\": ").append(accuracy).append("}\n");
        Files.writeString(o.json, sb, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
