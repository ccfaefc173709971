package dev.jgrad.mnist;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The small Fashion-MNIST sample inside the mnist jar (the first 4,000 training and 1,000 test
 * images with their labels; MIT licence, Zalando Research: see the README next to the files), so
 * that training runs with no network and no data on disk.
 */
public final class MnistSample {
    /** The dataset the sample is taken from. */
    public static final MnistKind KIND = MnistKind.FASHION_MNIST;

    private static final String FOLDER = "/dev/jgrad/mnist/sample/";

    private MnistSample() {}

    /**
     * The sample's 4,000 training images and labels.
     *
     * @return the training split
     * @throws IOException if the resources are missing from the jar or can't be read
     */
    public static MnistSplit train() throws IOException {
        return load(true);
    }

    /**
     * The sample's 1,000 test images and labels.
     *
     * @return the test split
     * @throws IOException if the resources are missing from the jar or can't be read
     */
    public static MnistSplit test() throws IOException {
        return load(false);
    }

    /**
     * One split of the sample, read from the jar's resources; each call reads it afresh.
     *
     * @param train true for the training split, false for the test split
     * @return the split, 28x28 images
     * @throws IOException if the resources are missing from the jar or can't be read
     */
    public static MnistSplit load(boolean train) throws IOException {
        String images = train ? MnistFiles.TRAIN_IMAGES : MnistFiles.TEST_IMAGES;
        String labels = train ? MnistFiles.TRAIN_LABELS : MnistFiles.TEST_LABELS;
        String source = "embedded Fashion-MNIST sample (" + (train ? "train" : "test") + ")";
        return MnistSplit.of(read(images), displayName(images), read(labels), displayName(labels), source);
    }

    private static IdxData read(String name) throws IOException {
        try (InputStream in = MnistSample.class.getResourceAsStream(FOLDER + name + ".gz")) {
            if (in == null) {
                throw new FileNotFoundException(displayName(name) + " is missing (a broken mnist jar?)");
            }
            return IdxFile.read(in, displayName(name));
        }
    }

    private static String displayName(String name) {
        return "classpath:" + FOLDER + name + ".gz";
    }
}
