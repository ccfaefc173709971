package dev.jgrad.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real data: the sample inside the jar always, the full Debian Fashion-MNIST files when installed. */
class FashionMnistDataTest {
    static final Path DEBIAN = Paths.get("/usr/share/datasets/fashion-mnist");

    @Test
    void embeddedSampleLoads() throws IOException {
        MnistSplit train = MnistSample.train();
        MnistSplit test = MnistSample.test();
        assertEquals(DType.UINT8, train.images().dtype());
        assertArrayEquals(new int[] {4000, 28, 28}, train.images().shape().toArray());
        assertArrayEquals(new int[] {4000}, train.labels().shape().toArray());
        assertArrayEquals(new int[] {1000, 28, 28}, test.images().shape().toArray());
        assertEquals(DType.INT64, test.labels().dtype());
        // The counts the sample's README states.
        assertArrayEquals(
                new int[] {373, 440, 404, 409, 395, 391, 400, 413, 380, 395},
                histogram(train.labels().toLongArray()));
        assertArrayEquals(
                new int[] {107, 105, 111, 93, 115, 87, 97, 95, 95, 95},
                histogram(test.labels().toLongArray()));
        assertEquals("embedded Fashion-MNIST sample (train)", train.source());
        assertEquals(MnistKind.FASHION_MNIST, MnistSample.KIND);
        // Real images, not noise: Fashion-MNIST's border pixels are mostly 0, and the mean is about 73.
        byte[] px = train.images().toByteArray();
        long sum = 0;
        for (byte b : px) {
            sum += b & 0xff;
        }
        double mean = (double) sum / px.length;
        assertTrue(mean > 65 && mean < 80, "mean pixel " + mean);
    }

    @Test
    void fullFashionMnistFilesLoad() throws IOException {
        boolean present = Files.isRegularFile(DEBIAN.resolve("train-images-idx3-ubyte.gz"));
        if (!present && "1".equals(System.getenv("JGRAD_REQUIRE_FASHION_MNIST"))) {
            throw new AssertionError("JGRAD_REQUIRE_FASHION_MNIST=1 but " + DEBIAN
                    + " has no Fashion-MNIST: apt-get install dataset-fashion-mnist");
        }
        Assumptions.assumeTrue(
                present,
                "Fashion-MNIST not installed in " + DEBIAN
                        + " (apt-get install dataset-fashion-mnist); skipping the full-dataset test");
        MnistFiles files = MnistFiles.locate(DEBIAN, MnistKind.FASHION_MNIST);
        MnistSplit train = files.train();
        MnistSplit test = files.test();
        assertArrayEquals(new int[] {60000, 28, 28}, train.images().shape().toArray());
        assertArrayEquals(new int[] {10000, 28, 28}, test.images().shape().toArray());
        int[] six = new int[10];
        Arrays.fill(six, 6000);
        assertArrayEquals(six, histogram(train.labels().toLongArray()));
        int[] one = new int[10];
        Arrays.fill(one, 1000);
        assertArrayEquals(one, histogram(test.labels().toLongArray()));
        // The embedded sample is the head of these files.
        MnistSplit sample = MnistSample.train();
        assertTrue(sample.images().equal(train.images().slice(0, 0, 4000)));
        assertTrue(sample.labels().equal(train.labels().slice(0, 0, 4000)));
        assertTrue(MnistSample.test().images().equal(test.images().slice(0, 0, 1000)));
    }

    private static int[] histogram(long[] labels) {
        int[] h = new int[10];
        for (long l : labels) {
            h[(int) l]++;
        }
        return h;
    }
}
