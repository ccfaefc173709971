package dev.jgrad.mnist;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.StateDictFile;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.io.AtomicFiles;
import dev.jgrad.tensor.io.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./jgrad train}: trains and evaluates a classifier on MNIST-format data. stdout carries
 * the data line, one line per epoch and the final accuracy; the progress bar goes to stderr on a
 * terminal. Bad input gives a one-line error and a non-zero exit, never a stack trace.
 */
public final class TrainCommand {

    /** Exit status for bad command-line options. */
    static final int USAGE = 2;
    /** Exit status for anything else that went wrong (unreadable data, a wrong model file, ...). */
    static final int FAILURE = 1;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;
    private final DataChoice dataChoice;

    TrainCommand(PrintStream out, PrintStream err, boolean progress, DataChoice dataChoice) {
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.dataChoice = dataChoice;
    }

    /**
     * Runs {@code ./jgrad train} with {@code args} ({@code --help} lists the options: the data folder,
     * the model, epochs, batch size, learning rate, optimizer, seed, threads, saving and loading).
     * Returns normally on success; otherwise prints a one-line error to stderr and exits the JVM with
     * status 2 for bad options, 1 for any other failure.
     *
     * @param args the command-line options, e.g. {@code --model softmax --epochs 1}
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err, ProgressBar.interactive(), DataChoice.standard());
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command as {@code main} does, without exiting the JVM; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean progress, DataChoice dataChoice) {
        try {
            TrainOptions options = TrainOptions.parse(args);
            if (options.help()) {
                out.println(TrainOptions.USAGE);
                return 0;
            }
            new TrainCommand(out, err, progress, dataChoice).execute(options);
            return 0;
        } catch (CommandLine.UsageException e) {
            err.println("jgrad train: " + e.getMessage());
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println("jgrad train: no such file: " + e.getFile());
            return FAILURE;
        } catch (IOException
                | UncheckedIOException
                | IllegalArgumentException
                | IllegalStateException
                | IndexOutOfBoundsException e) {
            err.println("jgrad train: " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILURE;
        } catch (OutOfMemoryError e) {
            err.println("jgrad train: out of memory (" + e.getMessage()
                    + "); give the JVM more heap, e.g. JGRAD_JAVA_OPTS=-Xmx1g");
            return FAILURE;
        } catch (RuntimeException e) {
            err.println("jgrad train: internal error: " + oneLine(e.toString()));
            return FAILURE;
        }
    }

    private static String oneLine(String message) {
        return message.replace('\n', ' ').replace('\r', ' ');
    }

    private void execute(TrainOptions options) throws IOException {
        NDArray.setNumThreads(options.threads());
        checkOutputs(options);
        MnistData data = dataChoice.load(options);
        data.checkUsable(!options.evalOnly());
        out.println(data.summary());
        out.flush();

        ModelKind kind = ModelKind.fromName(options.model());
        int inputs = data.inputs();
        Generator generator = new Generator(options.seed());
        Module model = kind.build(inputs, MnistData.CLASSES, generator);
        if (options.load() != null) {
            load(model, kind, inputs, options.load());
        }

        List<EpochResult> epochs = new ArrayList<>();
        if (!options.evalOnly()) {
            Optimizer optimizer = options.optimizer().equals("adam")
                    ? new Adam(model.parameters(), options.lr())
                    : new SGD(model.parameters(), options.lr());
            int prefetch = options.threads() > 1 ? 2 : 0; // one thread means one: no loader thread beside it
            Trainer trainer = new Trainer(model, optimizer, data.train(), options.batchSize(), generator, prefetch);
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                ProgressBar bar = progress
                        ? new ProgressBar(
                                err,
                                String.format(Locale.ROOT, "epoch %d/%d", epoch, options.epochs()),
                                trainer.batches())
                        : null;
                Trainer.Pass pass = trainer.trainEpoch(bar);
                if (bar != null) {
                    bar.clear();
                }
                double testAcc = Trainer.evaluate(model, data.test());
                EpochResult result = new EpochResult(
                        epoch, options.epochs(), pass.meanLoss(), pass.accuracy(), testAcc, pass.seconds());
                epochs.add(result);
                out.println(result.line());
                out.flush();
            }
        }
        double accuracy = epochs.isEmpty()
                ? Trainer.evaluate(model, data.test())
                : epochs.get(epochs.size() - 1).testAcc();
        if (options.save() != null) {
            model.save(options.save(), kind.metadata(inputs, MnistData.CLASSES));
        }
        if (options.json() != null) {
            writeJson(options, data, kind, epochs, accuracy);
        }
        out.println(String.format(Locale.ROOT, "test accuracy: %.4f", accuracy));
    }

    /** Fails before any training when a result could not be written where asked. */
    private static void checkOutputs(TrainOptions options) throws IOException {
        for (Path target : new Path[] {options.save(), options.json()}) {
            if (target != null) {
                AtomicFiles.checkWritable(target);
            }
        }
    }

    /** Loads a saved model after checking that the file is one, of this kind and these sizes. */
    static void load(Module model, ModelKind kind, int inputs, Path path) throws IOException {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new IOException("--load " + file + " is a folder, not a model file");
        }
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(file);
        }
        StateDictFile.Contents saved = StateDictFile.load(path);
        kind.checkSaved(saved.metadata(), inputs, MnistData.CLASSES, file);
        saved.tensors().forEach((name, t) -> {
            if (t.dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException(
                        file + ": tensor '" + name + "' is " + t.dtype() + ", but ./jgrad train saves float32 weights");
            }
        });
        try {
            model.loadStateDict(saved.tensors());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static void writeJson(
            TrainOptions options, MnistData data, ModelKind kind, List<EpochResult> epochs, double accuracy)
            throws IOException {
        List<Object> epochList = new ArrayList<>();
        for (EpochResult e : epochs) {
            epochList.add(e.json());
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("data", data.description());
        results.put("model", kind.cliName());
        results.put("epochs", epochList);
        results.put("test_accuracy", accuracy);
        byte[] text = (Json.write(results) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(options.json(), out -> out.write(text));
    }
}
