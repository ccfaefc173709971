package dev.jgrad.mnist;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.tensor.Generator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two classifiers of {@code ./jgrad train}: softmax regression (one Linear layer) and an MLP
 * with one hidden ReLU layer. A saved model records its kind and layer sizes in the file's
 * metadata, so that {@code --load} can check them before touching any weight.
 */
enum ModelKind {
    SOFTMAX("softmax"),
    MLP("mlp");

    static final String KIND_KEY = "jgrad.model";
    static final String SIZES_KEY = "jgrad.sizes";
    static final int HIDDEN = 256;

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
        throw new IllegalArgumentException("unknown model '" + name + "': expected softmax or mlp");
    }

    String cliName() {
        return cliName;
    }

    /** Layer widths from input to output, e.g. {@code [784, 256, 10]}. */
    int[] sizes(int inputs, int classes) {
        return this == SOFTMAX ? new int[] {inputs, classes} : new int[] {inputs, HIDDEN, classes};
    }

    /** A freshly initialized model, with PyTorch's default Linear init drawn from {@code generator}. */
    Module build(int inputs, int classes, Generator generator) {
        if (this == SOFTMAX) {
            return new Linear(inputs, classes, true, generator);
        }
        return new Sequential(new Linear(inputs, HIDDEN, true, generator), new ReLU(), new Linear(HIDDEN, classes, true, generator));
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
            throw new IllegalArgumentException(file + " holds a " + kind + " model (sizes " + sizes + "), but --model is "
                    + cliName + "; pass --model " + kind.toLowerCase(Locale.ROOT));
        }
        if (!sizes.equals(expected)) {
            throw new IllegalArgumentException(file + " holds a " + kind + " model with sizes " + sizes
                    + ", but this data needs " + expected);
        }
    }
}
