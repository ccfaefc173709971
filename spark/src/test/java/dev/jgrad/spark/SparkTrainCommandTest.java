package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.mnist.IdxData;
import dev.jgrad.mnist.IdxFile;
import dev.jgrad.mnist.MnistFiles;
import dev.jgrad.mnist.MnistSample;
import dev.jgrad.mnist.MnistSplit;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.io.SafeTensors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./jgrad spark-train: ./jgrad train's lines on Spark, and one-line errors. */
class SparkTrainCommandTest {
    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void smallDataset() throws Exception {
        TestSpark.stop(); // the command starts (and stops) its own session with its own master
        data = Files.createDirectory(dir.resolve("data"));
        write(MnistSample.train(), 400, MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS);
        write(MnistSample.test(), 200, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS);
    }

    @AfterAll
    static void restart() {
        TestSpark.local2();
    }

    private static void write(MnistSplit split, int n, String images, String labels) throws Exception {
        IdxFile.write(
                data.resolve(images), IdxData.of(split.images().narrow(0, 0, n).contiguous()));
        IdxFile.write(
                data.resolve(labels),
                IdxData.of(split.labels().narrow(0, 0, n).to(DType.UINT8).contiguous()));
    }

    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkTrainCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Result r, String expected) {
        assertEquals(1, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(
                lines.get(0).startsWith("jgrad spark-train: ") && lines.get(0).contains(expected), r.err());
    }

    @Test
    void trainsPrintsTrainsLinesAndSavesAModelJgradTrainLoads() throws Exception {
        Path saved = dir.resolve("m.safetensors");
        Result r = run(
                "--master",
                "local[2]",
                "--partitions",
                "2",
                "--data",
                data.toString(),
                "--model",
                "softmax",
                "--epochs",
                "3",
                "--batch-size",
                "20",
                "--sync-every",
                "1",
                "--lr",
                "0.5",
                "--save",
                saved.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertTrue(
                lines.get(0).startsWith("data: MNIST-format data in " + data + " (400 train + 200 test images, 28x28)"),
                lines.get(0));
        assertTrue(
                lines.get(1)
                        .matches(
                                "epoch 1/3  loss \\d\\.\\d{4}  train_acc \\d\\.\\d{4}  test_acc \\d\\.\\d{4}  time .*s"),
                lines.get(1));
        assertTrue(lines.get(4).matches("test accuracy: 0\\.\\d{4}"), lines.get(4));
        double accuracy = Double.parseDouble(lines.get(4).substring("test accuracy: ".length()));
        assertTrue(accuracy > 0.55, "accuracy " + accuracy);
        assertEquals(
                new ModelSpec("softmax", new int[] {784, 10}),
                ModelSpec.fromMetadata(SafeTensors.load(saved).metadata(), "saved"));
        Result eval = run(
                "--master",
                "local[2]",
                "--data",
                data.toString(),
                "--model",
                "softmax",
                "--eval-only",
                "--load",
                saved.toString());
        assertEquals(0, eval.status(), eval.err());
        assertEquals(lines.get(4), eval.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void badInputIsOneLineAndANonZeroExit() {
        String d = data.toString();
        assertOneLineError(run("--master", "nonsense", "--data", d), "nonsense");
        assertOneLineError(
                run("--master", "local[2]", "--partitions", "3", "--data", d), "3 partitions but only 2 task slots");
        assertOneLineError(
                run("--master", "local[2]", "--partitions", "500", "--data", d),
                "--partitions 500 is out of range: the data has 400 rows");
        assertOneLineError(run("--checkpoint", dir.resolve("missing").toString(), "--data", d), "missing");
        Result usage = run("--sync-every", "x");
        assertEquals(2, usage.status());
        assertEquals("jgrad spark-train: --sync-every must be a non-negative integer, got 'x'\n", usage.err());
        // The same words as ./jgrad train for the same input.
        Result epochs = run("--epochs", "-3");
        assertEquals(2, epochs.status());
        assertEquals("jgrad spark-train: --epochs must be a positive integer, got '-3'\n", epochs.err());
        Result download = run("--download=x");
        assertEquals(2, download.status());
        assertEquals("jgrad spark-train: --download takes no value, got 'x'\n", download.err());
    }
}
