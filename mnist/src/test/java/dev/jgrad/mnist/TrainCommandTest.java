package dev.jgrad.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./jgrad train} end to end, in-process, on generated IDX folders and the embedded sample. */
class TrainCommandTest {

    static final Pattern EPOCH = Run.EPOCH;
    static final Pattern LAST = Run.LAST;

    @TempDir
    static Path shared;

    static Path generated;

    static Run train(String... args) {
        return Run.train(args);
    }

    /**
     * Writes an easy MNIST-format dataset: class c lights up rows 2c..2c+2 of a 28x28 image, over
     * random noise, so that softmax regression separates it in one epoch.
     */
    static void writeDataset(Path dir, int train, int test, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        for (String prefix : new String[] {"train", "t10k"}) {
            int n = prefix.equals("train") ? train : test;
            byte[] images = new byte[n * 784];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                int c = random.nextInt(10);
                labels[i] = (byte) c;
                for (int p = 0; p < 784; p++) {
                    int row = p / 28;
                    boolean lit = row >= 2 * c + 2 && row < 2 * c + 5;
                    images[i * 784 + p] = (byte) (lit ? 200 + random.nextInt(56) : random.nextInt(90));
                }
            }
            IdxFile.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), IdxData.ofUnsignedBytes(images, n, 28, 28));
            IdxFile.write(
                    dir.resolve(prefix + "-labels-idx1-ubyte" + (prefix.equals("train") ? "" : ".gz")),
                    IdxData.ofUnsignedBytes(labels, n));
        }
    }

    @BeforeAll
    static void generate() throws IOException {
        generated = shared.resolve("generated");
        writeDataset(generated, 600, 200, 5);
    }

    @Test
    void trainsOnAGeneratedIdxFolder(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("run.json");
        Run run = Run.trainOn(
                generated, "--model", "softmax", "--epochs", "2", "--batch-size", "50", "--json", json.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(
                "data: MNIST-format data in " + generated + " (600 train + 200 test images, 28x28)",
                run.out().get(0));
        assertEquals(
                4, run.out().size(), "stdout holds the data line, one line per epoch and the result: " + run.out());
        for (int e = 1; e <= 2; e++) {
            Matcher m = EPOCH.matcher(run.out().get(e));
            assertTrue(m.matches(), run.out().get(e));
            assertEquals(e, Integer.parseInt(m.group(1)));
            assertEquals(2, Integer.parseInt(m.group(2)));
        }
        Matcher second = EPOCH.matcher(run.out().get(2));
        assertTrue(second.matches());
        assertEquals(
                second.group(5),
                LAST.matcher(run.out().get(3)).replaceAll("$1"),
                "the final accuracy is the last epoch's");
        assertTrue(run.accuracy() > 0.95, "an easy dataset: " + run.out());
        assertEquals("", run.err(), "no progress bar when not on a terminal");

        String text = Files.readString(json);
        assertTrue(text.startsWith("{\"data\": \"MNIST-format data in "), text);
        assertTrue(text.contains("\"model\": \"softmax\", \"epochs\": [{\"epoch\": 1, \"loss\": "), text);
        assertTrue(text.contains("{\"epoch\": 2, "), text);
        assertTrue(text.contains("\"time_s\": "), text);
        Matcher accuracy =
                Pattern.compile("\"test_accuracy\": ([01]\\.\\d+)}\\s*$").matcher(text);
        assertTrue(accuracy.find(), text);
        assertEquals(run.accuracy(), Double.parseDouble(accuracy.group(1)), 5e-5);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        Run a = Run.trainOn(generated, "--epochs", "1", "--seed", "7");
        Run b = Run.trainOn(generated, "--epochs", "1", "--seed", "7");
        assertEquals(0, a.status(), a.err());
        assertEquals(a.out().get(1).replaceAll("time .*", ""), b.out().get(1).replaceAll("time .*", ""));
    }

    @Test
    void savesAndLoadsAModelAndChecksItsKind(@TempDir Path tmp) {
        Path model = tmp.resolve("softmax.safetensors");
        Run trained = Run.trainOn(generated, "--model", "softmax", "--epochs", "1", "--save", model.toString());
        assertEquals(0, trained.status(), trained.err());
        assertTrue(Files.isRegularFile(model));

        Run evaluated = Run.trainOn(generated, "--model", "softmax", "--load", model.toString(), "--eval-only");
        assertEquals(0, evaluated.status(), evaluated.err());
        assertEquals(2, evaluated.out().size(), evaluated.out().toString());
        assertEquals(trained.accuracy(), evaluated.accuracy());

        Run wrong = Run.trainOn(generated, "--load", model.toString(), "--eval-only");
        assertEquals(1, wrong.status());
        assertEquals(
                "jgrad train: " + model + " holds a softmax model (sizes 784,10), but --model is mlp;"
                        + " pass --model softmax\n",
                wrong.err());
    }

    @Test
    void trainsSavesAndLoadsTheCnn(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("cnn.safetensors");
        Path json = tmp.resolve("cnn.json");
        Run trained = Run.trainOn(
                generated, "--model", "cnn", "--epochs", "1", "--save", model.toString(), "--json", json.toString());
        assertEquals(0, trained.status(), trained.err());
        assertTrue(trained.accuracy() > 0.5, trained.out().toString());
        assertTrue(Files.readString(json).contains("\"model\": \"cnn\""));
        java.util.Map<String, ?> tensors =
                dev.jgrad.nn.StateDictFile.load(model).tensors();
        assertEquals(
                "[1.weight, 1.bias, 4.weight, 4.bias, 8.weight, 8.bias]",
                tensors.keySet().toString());

        Run evaluated = Run.trainOn(generated, "--model", "cnn", "--load", model.toString(), "--eval-only");
        assertEquals(0, evaluated.status(), evaluated.err());
        assertEquals(trained.accuracy(), evaluated.accuracy());

        Run wrong = Run.trainOn(generated, "--model", "mlp", "--load", model.toString(), "--eval-only");
        assertEquals(1, wrong.status());
        assertEquals(
                "jgrad train: " + model + " holds a cnn model (sizes 784,32,64,10), but --model is mlp;"
                        + " pass --model cnn\n",
                wrong.err());
    }

    @Test
    void badOptionsGiveOneLineAndExitStatus2() {
        assertError(train("--epoch", "3"), 2, "jgrad train: unknown option '--epoch' (see --help)");
        assertError(train("--epochs", "zero"), 2, "jgrad train: --epochs must be a positive integer, got 'zero'");
        assertError(train("--model", "rnn"), 2, "jgrad train: --model must be softmax or mlp or cnn, got 'rnn'");
        assertError(train("--lr"), 2, "jgrad train: --lr needs a value");
        assertError(train("--eval-only"), 2, "jgrad train: --eval-only needs --load FILE (a model to evaluate)");
        assertError(train("extra"), 2, "jgrad train: unexpected argument 'extra' (options start with --; see --help)");
    }

    @Test
    void missingAndCorruptDataGiveOneLineAndExitStatus1(@TempDir Path tmp) throws IOException {
        Path missing = tmp.resolve("nowhere");
        assertError(train("--data", missing.toString()), 1, "jgrad train: data folder " + missing + " does not exist");

        Path corrupt = tmp.resolve("corrupt");
        writeDataset(corrupt, 50, 20, 6);
        Path labels = corrupt.resolve("train-labels-idx1-ubyte");
        byte[] bytes = Files.readAllBytes(labels);
        Files.write(labels, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        Run run = train("--data", corrupt.toString());
        assertEquals(1, run.status());
        assertTrue(run.out().size() <= 1, "nothing is trained: " + run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("jgrad train: ") && run.err().contains(labels.toString()), run.err());

        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        Run none = train("--data", empty.toString());
        assertEquals(1, none.status());
        assertEquals(1, none.err().lines().count(), none.err());
        assertTrue(none.err().contains("train-images-idx3-ubyte"), none.err());

        Run noModel =
                Run.trainOn(generated, "--load", tmp.resolve("none.safetensors").toString(), "--eval-only");
        assertError(noModel, 1, "jgrad train: no such file: " + tmp.resolve("none.safetensors"));
    }

    @Test
    void dataSampleChoosesTheEmbeddedSampleWhereAFullDatasetIsInstalled(@TempDir Path tmp) {
        DataChoice installed = new DataChoice(List.of(generated), tmp.resolve("debian"), tmp.resolve("cache"));
        Run standard = Run.train(false, installed, "--model", "softmax", "--epochs", "1");
        assertEquals(0, standard.status(), standard.err());
        assertTrue(
                standard.out().get(0).startsWith("data: MNIST-format data in " + generated),
                standard.out().get(0));

        Run sample = Run.train(false, installed, "--data", "sample", "--model", "softmax", "--epochs", "1");
        assertEquals(0, sample.status(), sample.err());
        assertEquals(
                "data: embedded Fashion-MNIST sample (4000 train + 1000 test images, 28x28)",
                sample.out().get(0));
        assertTrue(sample.accuracy() > 0.6, "softmax learns the sample in one epoch: " + sample.out());

        assertError(
                train("--data", "sample", "--dataset", "mnist"),
                2,
                "jgrad train: --data sample is Fashion-MNIST, but --dataset is mnist");
        assertError(
                train("--data", "sample", "--download"),
                2,
                "jgrad train: --data sample needs no --download: the sample is inside jgrad");
    }

    @Test
    void onATerminalTheProgressBarGoesToStderrOnly() {
        Run plain = Run.trainOn(generated, "--epochs", "1");
        Run bar = Run.train(true, "--data", generated.toString(), "--epochs", "1");
        assertEquals(0, bar.status(), bar.err());
        assertEquals(
                plain.out().get(1).replaceAll("time .*", ""), bar.out().get(1).replaceAll("time .*", ""));
        assertEquals(plain.out().size(), bar.out().size());
        assertTrue(bar.err().startsWith("\repoch 1/1 ["), bar.err());
        assertTrue(bar.err().contains("] 6/6  loss "), "the last redraw shows every batch done: " + bar.err());
        assertTrue(bar.err().contains(" img/s  ETA "), bar.err());
        assertTrue(bar.err().endsWith("\r"), "the bar is erased before the epoch's line: " + bar.err());
    }

    @Test
    void anUnreachableMirrorGivesOneLineNamingIt() {
        Run run = train(
                "--dataset",
                "mnist",
                "--download",
                "--mirror",
                "http://127.0.0.1:9/",
                "--data",
                shared.resolve("download-here").toString());
        assertEquals(1, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("jgrad train: ") && run.err().contains("http://127.0.0.1:9/"), run.err());
    }

    @Test
    void helpPrintsTheOptions() {
        Run run = train("--help");
        assertEquals(0, run.status());
        assertTrue(
                run.out().get(0).startsWith("usage: ./jgrad train"), run.out().toString());
        assertTrue(String.join("\n", run.out()).contains("--eval-only"));
    }

    static void assertError(Run run, int status, String message) {
        assertEquals(status, run.status(), run.err());
        assertEquals(message + "\n", run.err());
    }
}
