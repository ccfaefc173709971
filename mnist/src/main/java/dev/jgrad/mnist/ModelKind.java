package dev.jgrad.mnist;

import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.ConvOptions;
import dev.jgrad.nn.Flatten;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.MaxPool2d;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Unflatten;
import dev.jgrad.tensor.Generator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The classifiers of {@code ./jgrad train}: softmax regression (one Linear layer), an MLP with one
 * hidden ReLU layer, and the CNN of the PyTorch reference (two conv-ReLU-maxpool blocks, then a
 * Linear layer; its state-dict keys are PyTorch's: {@code 1.weight}, {@code 4.weight}, {@code 8.weight}). A saved model records its kind and layer sizes in the file's
 * metadata, so that {@code --load} can check them before touching any weight.
 */
enum ModelKind {
    SOFTMAX("softmax"),
    MLP("mlp"),
    CNN("cnn");

    static final String KIND_KEY = "jgrad.model";
    static final String SIZES_KEY = "jgrad.sizes";
    static final int HIDDEN = 256;
    /** Channels of the CNN's two convolutions. */
    static final int CONV1 = 32;

    static final int CONV2 = 64;

    private final String cliName;

    ModelKind(String cliName) {
        this.cliName = cliName;
    }

    static ModelKind fromName(String name) {
        for (ModelKind k : values()) {
            if (k.cliName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': expected softmax, mlp or cnn");
    }

    String cliName() {
        return cliName;
    }

    /** Layer widths from input to output, e.g. {@code [784, 256, 10]}. */
    int[] sizes(int inputs, int classes) {
        switch (this) {
            case SOFTMAX:
                return new int[] {inputs, classes};
            case MLP:
                return new int[] {inputs, HIDDEN, classes};
            default:
                return new int[] {inputs, CONV1, CONV2, classes};
        }
    }

    /** A freshly initialized model, with PyTorch's default Linear init drawn from {@code generator}. */
    Module build(int inputs, int classes, Generator generator) {
        if (this == SOFTMAX) {
            return new Linear(inputs, classes, true, generator);
        }
        if (this == MLP) {
            return new Sequential(
                    new Linear(inputs, HIDDEN, true, generator),
                    new ReLU(),
                    new Linear(HIDDEN, classes, true, generator));
        }
        return cnn(inputs, classes, generator);
    }

    /**
     * The reference's CNN on square images of {@code inputs} pixels: Unflatten to (1, side, side),
     * conv 3x3 (pad 1) to 32 channels, ReLU, max-pool 2, conv 3x3 to 64, ReLU, max-pool 2, Flatten,
     * Linear to the classes. Layers are drawn from {@code generator} in PyTorch's order.
     */
    private static Module cnn(int inputs, int classes, Generator generator) {
        int side = (int) Math.round(Math.sqrt(inputs));
        if (side * side != inputs || side < 4) {
            throw new IllegalArgumentException(
                    "the cnn model needs square images of at least 4x4 pixels, but the data has " + inputs
                            + " pixels per image");
        }
        int pooled = side / 2 / 2;
        ConvOptions conv = ConvOptions.defaults().padding(1).generator(generator);
        return new Sequential(
                new Unflatten(1, 1, side, side),
                new Conv2d(1, CONV1, 3, conv),
                new ReLU(),
                new MaxPool2d(2),
                new Conv2d(CONV1, CONV2, 3, conv),
                new ReLU(),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(CONV2 * pooled * pooled, classes, true, generator));
    }

    Map<String, String> metadata(int inputs, int classes) {
        return Map.of(KIND_KEY, cliName, SIZES_KEY, sizesText(sizes(inputs, classes)));
    }

    static String sizesText(int[] sizes) {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /**
     * Checks a saved model's metadata against this kind and sizes; the message says what the file
     * holds and what was asked for.
     */
    void checkSaved(Map<String, String> metadata, int inputs, int classes, String file) {
        String kind = metadata.get(KIND_KEY);
        String sizes = metadata.get(SIZES_KEY);
        if (kind == null || sizes == null) {
            throw new IllegalArgumentException(file + " is not a model saved by ./jgrad train (its metadata has no "
                    + KIND_KEY + " and " + SIZES_KEY + ")");
        }
        String expected = sizesText(sizes(inputs, classes));
        if (!kind.equals(cliName)) {
            throw new IllegalArgumentException(file + " holds a " + kind + " model (sizes " + sizes
                    + "), but --model is " + cliName + "; pass --model " + kind.toLowerCase(Locale.ROOT));
        }
        if (!sizes.equals(expected)) {
            throw new IllegalArgumentException(
                    file + " holds a " + kind + " model with sizes " + sizes + ", but this data needs " + expected);
        }
    }
}
