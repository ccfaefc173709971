package dev.jgrad.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the four files, and reading them into a split. */
class MnistFilesTest {
    @TempDir
    Path root;

    @Test
    void findsTorchvisionLayoutBeforeAFlatFolder() throws IOException {
        Path raw = root.resolve("FashionMNIST").resolve("raw");
        writeSplit(raw, true, 5, 3);
        writeSplit(root, false, 4, 2);
        MnistFiles f = MnistFiles.locate(root, MnistKind.FASHION_MNIST);
        assertEquals(raw, f.directory());
        assertEquals(raw.resolve("train-images-idx3-ubyte.gz"), f.trainImages());
        // Under the MNIST kind, root/MNIST/raw does not exist, so the flat folder is used.
        MnistFiles flat = MnistFiles.locate(root, MnistKind.MNIST);
        assertEquals(root, flat.directory());
        assertEquals(root.resolve("t10k-labels-idx1-ubyte"), flat.testLabels());
        assertEquals(4, flat.train().size());
        assertEquals(2, flat.test().size());
        assertEquals(5, f.load(true).size());
    }

    @Test
    void rawWinsOverGzipWhenBothAreThere() throws IOException {
        writeSplit(root, true, 2, 2);
        writeSplit(root, false, 3, 3);
        MnistFiles f = MnistFiles.inFolder(root).orElseThrow();
        assertEquals(root.resolve("train-images-idx3-ubyte"), f.trainImages());
        assertEquals(3, f.train().size());
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        FileNotFoundException none = assertThrows(
                FileNotFoundException.class, () -> MnistFiles.locate(root.resolve("nope"), MnistKind.MNIST));
        assertEquals("MNIST data folder " + root.resolve("nope") + " does not exist", none.getMessage());

        writeSplit(root, true, 2, 2);
        Files.delete(root.resolve("t10k-labels-idx1-ubyte.gz"));
        Files.delete(root.resolve("train-images-idx3-ubyte.gz"));
        assertFalse(MnistFiles.find(root, MnistKind.MNIST).isPresent());
        FileNotFoundException e =
                assertThrows(FileNotFoundException.class, () -> MnistFiles.locate(root, MnistKind.MNIST));
        assertEquals(
                "no MNIST files in " + root + ": expected train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                        + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each raw or .gz) in "
                        + root.resolve("MNIST/raw")
                        + " or " + root + "; " + root + " lacks train-images-idx3-ubyte, t10k-labels-idx1-ubyte",
                e.getMessage());
    }

    @Test
    void splitHoldsUint8ImagesOverTheFileArrayAndInt64Labels() throws IOException {
        byte[] pixels = new byte[3 * 2 * 4];
        new Random(2).nextBytes(pixels);
        pixels[0] = (byte) 255;
        IdxData images = IdxData.ofUnsignedBytes(pixels, 3, 2, 4);
        MnistSplit s =
                MnistSplit.of(images, "i", IdxData.ofUnsignedBytes(new byte[] {9, 0, (byte) 200}, 3), "l", "src");
        assertEquals(DType.UINT8, s.images().dtype());
        assertArrayEquals(new int[] {3, 2, 4}, s.images().shape().toArray());
        assertEquals(255, s.images().getLong(0, 0, 0));
        assertEquals(DType.INT64, s.labels().dtype());
        assertArrayEquals(new long[] {9, 0, 200}, s.labels().toLongArray());
        assertEquals(3, s.size());
        assertEquals(2, s.rows());
        assertEquals(4, s.cols());
        assertEquals("MnistSplit(3 images of 2x4 from src)", s.toString());
        // No copy: the tensor views the array the file was read into.
        pixels[1] = 7;
        assertEquals(7, s.images().getLong(0, 0, 1));
    }

    @Test
    void mismatchedOrMisshapenFilesAreRefused() {
        IdxData img = IdxData.ofUnsignedBytes(new byte[2 * 4], 2, 2, 2);
        IdxFormatException count = assertThrows(
                IdxFormatException.class,
                () -> MnistSplit.of(img, "img", IdxData.ofUnsignedBytes(new byte[3], 3), "lab", "x"));
        assertEquals("lab: holds 3 labels, but img holds 2 images", count.getMessage());
        assertEquals(4, count.offset());
        assertEquals(
                "img: expected MNIST images with 3 dims [N, rows, cols], found 2 dims [2, 4]",
                assertThrows(
                                IdxFormatException.class,
                                () -> MnistSplit.of(
                                        IdxData.ofUnsignedBytes(new byte[8], 2, 4),
                                        "img",
                                        IdxData.ofUnsignedBytes(new byte[2], 2),
                                        "lab",
                                        "x"))
                        .getMessage());
        assertEquals(
                "lab: expected MNIST labels of type 0x08 (unsigned byte), found 0x0c (int)",
                assertThrows(
                                IdxFormatException.class,
                                () -> MnistSplit.of(img, "img", IdxData.ofInts(new int[2], 2), "lab", "x"))
                        .getMessage());
    }

    @Test
    void idxDataBecomesTensorsOfTheMatchingDtype() {
        assertEquals(
                "tensor([-1,  2], dtype=int32)",
                IdxData.ofBytes(new byte[] {-1, 2}, 2).toNDArray().toString());
        assertEquals(
                "tensor([-300,    7], dtype=int32)",
                IdxData.ofShorts(new short[] {-300, 7}, 2).toNDArray().toString());
        assertEquals(
                "tensor([[255]], dtype=uint8)",
                IdxData.ofUnsignedBytes(new byte[] {-1}, 1, 1).toNDArray().toString());
        assertEquals(
                "tensor(5, dtype=int32)",
                IdxData.ofInts(new int[] {5}).toNDArray().toString());
        assertEquals(
                "tensor([1.5000])",
                IdxData.ofFloats(new float[] {1.5f}, 1).toNDArray().toString());
        assertEquals(
                DType.FLOAT64,
                IdxData.ofDoubles(new double[] {1}, 1).toNDArray().dtype());

        NDArray t = NDArray.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}}).t();
        IdxData back = IdxData.of(t);
        assertArrayEquals(new int[] {3, 2}, back.dims());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, back.floats());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IdxData.of(NDArray.tensor(new long[] {1})));
        assertEquals("IDX files have no int64 type: convert the tensor with toInt() first", e.getMessage());
    }

    @Test
    void kindsParseFromTheirCommandLineNames() {
        assertEquals(MnistKind.MNIST, MnistKind.fromName("mnist"));
        assertEquals(MnistKind.FASHION_MNIST, MnistKind.fromName("fashion-mnist"));
        assertEquals(MnistKind.FASHION_MNIST, MnistKind.fromName("FashionMNIST"));
        assertEquals(
                "unknown dataset 'cifar': expected mnist or fashion-mnist",
                assertThrows(IllegalArgumentException.class, () -> MnistKind.fromName("cifar"))
                        .getMessage());
        assertEquals("Ankle boot", MnistKind.FASHION_MNIST.classes().get(9));
        assertTrue(MnistKind.MNIST.md5s().containsKey("t10k-images-idx3-ubyte.gz"));
    }

    /** Writes a split with n train and m test random images into dir, gzip or raw. */
    static void writeSplit(Path dir, boolean gzip, int n, int m) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(n * 31 + m);
        String gz = gzip ? ".gz" : "";
        byte[] train = new byte[n * 28 * 28];
        byte[] test = new byte[m * 28 * 28];
        rnd.nextBytes(train);
        rnd.nextBytes(test);
        IdxFile.write(dir.resolve(MnistFiles.TRAIN_IMAGES + gz), IdxData.ofUnsignedBytes(train, n, 28, 28));
        IdxFile.write(dir.resolve(MnistFiles.TEST_IMAGES + gz), IdxData.ofUnsignedBytes(test, m, 28, 28));
        IdxFile.write(dir.resolve(MnistFiles.TRAIN_LABELS + gz), IdxData.ofUnsignedBytes(labels(n, rnd), n));
        IdxFile.write(dir.resolve(MnistFiles.TEST_LABELS + gz), IdxData.ofUnsignedBytes(labels(m, rnd), m));
    }

    private static byte[] labels(int n, Random rnd) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(10);
        }
        return b;
    }
}
