package dev.jgrad.mnist;

import static dev.jgrad.mnist.CommandLine.flag;
import static dev.jgrad.mnist.CommandLine.longValue;
import static dev.jgrad.mnist.CommandLine.nonEmpty;
import static dev.jgrad.mnist.CommandLine.oneOf;
import static dev.jgrad.mnist.CommandLine.path;
import static dev.jgrad.mnist.CommandLine.positiveDouble;
import static dev.jgrad.mnist.CommandLine.positiveInt;

import dev.jgrad.mnist.CommandLine.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The options of {@code ./jgrad train}, parsed from its command line. */
record TrainOptions(
        Path data,
        boolean sample,
        String dataset,
        boolean download,
        List<String> mirrors,
        String model,
        int epochs,
        int batchSize,
        double lr,
        String optimizer,
        long seed,
        int threads,
        Path save,
        Path load,
        boolean evalOnly,
        Path json,
        boolean help) {

    static final String USAGE = String.join(
            "\n",
            "usage: ./jgrad train [options]",
            "Trains and evaluates a classifier on MNIST-format data (28x28 images, 10 classes).",
            "",
            "  --data DIR              a folder with the four IDX files (raw or .gz);",
            "                          --data sample: the Fashion-MNIST sample embedded in jgrad",
            "  --dataset NAME          mnist or fashion-mnist: which dataset to look for or download",
            "  --download              download the dataset when it is not found",
            "  --mirror URL            a mirror to download from (repeatable; replaces the default list)",
            "  --model KIND            softmax, mlp (784-256-10 with ReLU) or cnn (PyTorch reference's CNN) [mlp]",
            "  --epochs N              [5]",
            "  --batch-size N          [100]",
            "  --lr X                  learning rate [0.1]",
            "  --optimizer NAME        sgd or adam [sgd]",
            "  --seed N                seed for the initial weights and the shuffling [0]",
            "  --threads N             compute threads [all cores]",
            "  --save FILE             save the trained model (safetensors)",
            "  --load FILE             start from a saved model; its kind must match --model",
            "  --eval-only             only evaluate the --load model on the test set",
            "  --json FILE             also write the results as JSON",
            "  --help                  this message",
            "",
            "Data: --data DIR if given, else ./data, ~/.cache/jgrad, /usr/share/datasets/fashion-mnist,",
            "else the small sample embedded in jgrad.");

    /** The value of {@code --data} that picks the embedded sample (a folder of that name is {@code ./sample}). */
    static final String SAMPLE = "sample";

    /** The options that take no value. */
    private static final Set<String> FLAGS = Set.of("--help", "-h", "--download", "--eval-only");

    /** The options that take a value. */
    private static final Set<String> VALUED = Set.of(
            "--data",
            "--dataset",
            "--mirror",
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

    /** Parses {@code args}; throws {@link UsageException} with a one-line message on bad input. */
    static TrainOptions parse(String[] args) {
        Builder b = new Builder();
        CommandLine.parse(args, FLAGS, VALUED, b::set);
        return b.build();
    }

    private static final class Builder {
        Path data;
        boolean sample;
        String dataset;
        boolean download;
        final List<String> mirrors = new ArrayList<>();
        String model = "mlp";
        int epochs = 5;
        int batchSize = 100;
        double lr = 0.1;
        String optimizer = "sgd";
        long seed;
        int threads = Runtime.getRuntime().availableProcessors();
        Path save;
        Path load;
        boolean evalOnly;
        Path json;
        boolean help;

        void set(String name, String value) {
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--download" -> download = flag(name, value);
                case "--eval-only" -> evalOnly = flag(name, value);
                case "--data" -> {
                    sample = value.equals(SAMPLE);
                    data = sample ? null : path(name, value);
                }
                case "--dataset" -> dataset = oneOf(name, value, "mnist", "fashion-mnist");
                case "--mirror" -> mirrors.add(nonEmpty(name, value));
                case "--model" -> model = oneOf(name, value, "softmax", "mlp", "cnn");
                case "--epochs" -> epochs = positiveInt(name, value);
                case "--batch-size" -> batchSize = positiveInt(name, value);
                case "--lr" -> lr = positiveDouble(name, value);
                case "--optimizer" -> optimizer = oneOf(name, value, "sgd", "adam");
                case "--seed" -> seed = longValue(name, value);
                case "--threads" -> threads = positiveInt(name, value);
                case "--save" -> save = path(name, value);
                case "--load" -> load = path(name, value);
                case "--json" -> json = path(name, value);
                default -> throw new IllegalStateException("option " + name + " has no setter");
            }
        }

        TrainOptions build() {
            if (evalOnly && load == null) {
                throw new UsageException("--eval-only needs --load FILE (a model to evaluate)");
            }
            if (sample && "mnist".equals(dataset)) {
                throw new UsageException("--data sample is Fashion-MNIST, but --dataset is mnist");
            }
            if (sample && download) {
                throw new UsageException("--data sample needs no --download: the sample is inside jgrad");
            }
            return new TrainOptions(
                    data,
                    sample,
                    dataset,
                    download,
                    List.copyOf(mirrors),
                    model,
                    epochs,
                    batchSize,
                    lr,
                    optimizer,
                    seed,
                    threads,
                    save,
                    load,
                    evalOnly,
                    json,
                    help);
        }
    }
}
