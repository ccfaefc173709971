package dev.jgrad.mnist;

import java.io.IOException;
import java.util.Locale;

/**
 * The training and test splits that {@code ./jgrad train} runs on, with a description of where
 * they came from.
 */
record MnistData(String description, MnistSplit train, MnistSplit test) {

    /** The classes a label may name: 0 to 9. */
    static final int CLASSES = 10;

    /** Checks that both splits hold images of one size and labels that name a class. */
    MnistData {
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException(
                    "train images are " + train.rows() + "x" + train.cols() + " (" + train.source()
                            + ") but test images are " + test.rows() + "x" + test.cols() + " (" + test.source() + ")");
        }
        checkLabels(train);
        checkLabels(test);
    }

    private static void checkLabels(MnistSplit split) {
        long[] labels = split.labels().toLongArray();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " in " + split.source()
                        + " is not a class 0-" + (CLASSES - 1));
            }
        }
    }

    /**
     * Fails unless the data can be trained or evaluated on: images of at least 1x1 pixels, test
     * images, and training images when {@code training}.
     */
    void checkUsable(boolean training) {
        if (train.rows() == 0 || train.cols() == 0) {
            throw new IllegalArgumentException("the images of " + train.source() + " are " + train.rows() + "x"
                    + train.cols() + " pixels: there is nothing to classify");
        }
        if (training && train.size() == 0) {
            throw new IllegalArgumentException(train.source() + " holds 0 training images: nothing to train on");
        }
        if (test.size() == 0) {
            throw new IllegalArgumentException(test.source() + " holds 0 test images: nothing to evaluate on");
        }
    }

    static MnistData read(MnistFiles files, String description) throws IOException {
        return new MnistData(description, files.train(), files.test());
    }

    static MnistData embedded() throws IOException {
        return new MnistData("embedded Fashion-MNIST sample", MnistSample.train(), MnistSample.test());
    }

    /** Pixels per image: the model's input size. */
    int inputs() {
        return train.rows() * train.cols();
    }

    /** The first line of {@code ./jgrad train}: which data, how many images. */
    String summary() {
        return String.format(
                Locale.ROOT,
                "data: %s (%d train + %d test images, %dx%d)",
                description,
                train.size(),
                test.size(),
                train.rows(),
                train.cols());
    }
}
