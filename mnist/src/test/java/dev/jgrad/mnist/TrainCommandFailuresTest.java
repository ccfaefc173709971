package dev.jgrad.mnist;

import static dev.jgrad.mnist.TrainCommandTest.assertError;
import static dev.jgrad.mnist.TrainCommandTest.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure of {@code ./jgrad train} (issue 13): one line on stderr, a non-zero exit, nothing left behind. */
class TrainCommandFailuresTest {
    @TempDir
    static Path shared;

    static Path data;

    @BeforeAll
    static void generate() throws IOException {
        data = shared.resolve("data");
        TrainCommandTest.writeDataset(data, 100, 50, 3);
    }

    @Test
    void aFileGivenAsTheDataFolderOrAFolderAsTheModel(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("passwd");
        Files.writeString(file, "root:x:0:0\n");
        assertError(
                train("--data", file.toString()),
                1,
                "jgrad train: data folder " + file
                        + " is a file, not a folder (give the folder that holds the four IDX files)");
        assertError(
                Run.trainOn(data, "--load", tmp.toString(), "--eval-only"),
                1,
                "jgrad train: --load " + tmp + " is a folder, not a model file");
    }

    @Test
    void unwritableSaveAndJsonTargetsFailBeforeTrainingAndNameTheTarget(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        Path model = file.resolve("model.safetensors");
        Run save = Run.trainOn(data, "--epochs", "1", "--save", model.toString());
        assertError(save, 1, "jgrad train: cannot write " + model + ": " + file + " is a file, not a folder");
        assertEquals(List.of(), save.out(), "nothing was loaded or trained");
        Path json = tmp.resolve("missing").resolve("run.json");
        assertError(
                Run.trainOn(data, "--json", json.toString()),
                1,
                "jgrad train: cannot write " + json + ": folder " + json.getParent() + " does not exist");
        assertError(
                Run.trainOn(data, "--save", tmp.toString()),
                1,
                "jgrad train: cannot write " + tmp + ": it is a folder");
        assertEquals(List.of("a-file"), names(tmp), "nothing left behind");
    }

    @Test
    void jsonIsWrittenAtomicallyAndItsErrorsNameIt(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("run.json");
        Run ok = Run.trainOn(data, "--model", "softmax", "--epochs", "1", "--json", json.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(Files.readString(json).startsWith("{\"data\": "));
        assertEquals(List.of("run.json"), names(tmp), "no temporary file left");
        Path proc = Path.of("/proc/version");
        if (Files.isRegularFile(proc)) {
            Run run = Run.trainOn(
                    data,
                    "--model",
                    "softmax",
                    "--eval-only",
                    "--load",
                    saved(tmp).toString(),
                    "--json",
                    proc.toString());
            assertEquals(1, run.status());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("jgrad train: cannot write /proc/version: "), run.err());
        }
    }

    private static Path saved(Path tmp) {
        Path model = tmp.resolve("m.safetensors");
        Run run = Run.trainOn(data, "--model", "softmax", "--epochs", "1", "--save", model.toString());
        assertEquals(0, run.status(), run.err());
        return model;
    }

    @Test
    void emptySplitsAndEmptyImagesAreErrors(@TempDir Path tmp) throws IOException {
        Path noTrain = folder(tmp.resolve("no-train"), 0, 5, 28);
        assertError(
                train("--data", noTrain.toString()),
                1,
                "jgrad train: " + noTrain.resolve("train-images-idx3-ubyte")
                        + " holds 0 training images: nothing to train on");
        Path noTest = folder(tmp.resolve("no-test"), 5, 0, 28);
        assertError(
                train("--data", noTest.toString()),
                1,
                "jgrad train: " + noTest.resolve("t10k-images-idx3-ubyte")
                        + " holds 0 test images: nothing to evaluate on");
        Path noPixels = folder(tmp.resolve("no-pixels"), 5, 5, 0);
        assertError(
                train("--data", noPixels.toString()),
                1,
                "jgrad train: the images of " + noPixels.resolve("train-images-idx3-ubyte")
                        + " are 0x0 pixels: there is nothing to classify");
    }

    @Test
    void aFailedDownloadRemovesTheFoldersItCreated(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("new").resolve("root");
        Run run = train(
                "--dataset",
                "fashion-mnist",
                "--download",
                "--mirror",
                "http://127.0.0.1:9/",
                "--data",
                root.toString());
        assertEquals(1, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals(List.of(), names(tmp), "no empty FashionMNIST/raw folders left");
    }

    /** {@code dir} with an MNIST-format train and test split of square images, {@code side} pixels a side. */
    private static Path folder(Path dir, int train, int test, int side) throws IOException {
        write(dir, "train", train, side, side);
        write(dir, "t10k", test, side, side);
        return dir;
    }

    private static void write(Path dir, String prefix, int n, int rows, int cols) throws IOException {
        Files.createDirectories(dir);
        IdxFile.write(
                dir.resolve(prefix + "-images-idx3-ubyte"),
                IdxData.ofUnsignedBytes(new byte[n * rows * cols], n, rows, cols));
        IdxFile.write(dir.resolve(prefix + "-labels-idx1-ubyte"), IdxData.ofUnsignedBytes(new byte[n], n));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
