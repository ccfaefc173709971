package dev.jgrad.spark;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.tensor.Generator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A model that can be rebuilt from a few words: its kind ({@code softmax}: one Linear layer;
 * {@code mlp}: Linear layers with ReLU between them) and its layer sizes, inputs first, classes
 * last. It is what {@code ./jgrad train} writes into a saved model's metadata (keys
 * {@code jgrad.model} and {@code jgrad.sizes}), so models move between that command and Spark.
 *
 * @param kind {@code softmax} or {@code mlp}
 * @param sizes layer widths, e.g. {@code [784, 256, 10]}; a softmax model has exactly two
 */
public record ModelSpec(String kind, int[] sizes) implements Serializable {
    /** Metadata key of the kind, as {@code ./jgrad train} writes it. */
    public static final String KIND_KEY = "jgrad.model";
    /** Metadata key of the comma-separated sizes, as {@code ./jgrad train} writes it. */
    public static final String SIZES_KEY = "jgrad.sizes";

    private static final long serialVersionUID = 1L;

    /**
     * Checks the kind and sizes.
     *
     * @param kind {@code softmax} or {@code mlp}
     * @param sizes layer widths, all positive; two for softmax, at least two for mlp
     * @throws IllegalArgumentException if the kind is unknown or the sizes do not fit it
     */
    public ModelSpec {
        if (!"softmax".equals(kind) && !"mlp".equals(kind)) {
            throw new IllegalArgumentException("unknown model '" + kind + "': expected softmax or mlp");
        }
        sizes = sizes.clone();
        if (sizes.length < 2 || ("softmax".equals(kind) && sizes.length != 2)) {
            throw new IllegalArgumentException(
                    "a " + kind + " model needs " + ("softmax".equals(kind) ? "exactly" : "at least")
                            + " 2 sizes (inputs, ..., classes), got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("model sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
    }

    /**
     * The spec for {@code kind} with the given hidden widths between inputs and classes.
     *
     * @param kind {@code softmax} or {@code mlp}
     * @param inputs features per row
     * @param hidden hidden widths (ignored for softmax)
     * @param classes number of classes
     * @return the spec
     */
    public static ModelSpec of(String kind, int inputs, int[] hidden, int classes) {
        List<Integer> s = new ArrayList<>();
        s.add(inputs);
        if ("mlp".equals(kind)) {
            for (int h : hidden) {
                s.add(h);
            }
        }
        s.add(classes);
        return new ModelSpec(kind, s.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@inheritDoc} The sizes array is a copy. */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * Features per row.
     *
     * @return the first size
     */
    public int inputs() {
        return sizes[0];
    }

    /**
     * Number of classes (logits per row).
     *
     * @return the last size
     */
    public int classes() {
        return sizes[sizes.length - 1];
    }

    /**
     * A new model with PyTorch's default initialisation drawn from {@code generator}.
     *
     * @param generator the source of the initial weights
     * @return a softmax (Linear) or mlp (Sequential of Linear and ReLU) module
     */
    public Module build(Generator generator) {
        if ("softmax".equals(kind)) {
            return new Linear(sizes[0], sizes[1], true, generator);
        }
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            if (i > 0) {
                layers.add(new ReLU());
            }
            layers.add(new Linear(sizes[i], sizes[i + 1], true, generator));
        }
        return new Sequential(layers.toArray(new Module[0]));
    }

    /**
     * The metadata {@code ./jgrad train} writes for this model.
     *
     * @return {@code jgrad.model} and {@code jgrad.sizes}
     */
    public Map<String, String> metadata() {
        return Map.of(
                KIND_KEY,
                kind,
                SIZES_KEY,
                Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(",")));
    }

    /**
     * Reads a spec back from saved metadata.
     *
     * @param metadata a saved model's metadata
     * @param source what to name in an error (a file, a path)
     * @return the spec
     * @throws IllegalArgumentException if the keys are missing or malformed
     */
    public static ModelSpec fromMetadata(Map<String, String> metadata, String source) {
        String kind = metadata.get(KIND_KEY);
        String sizes = metadata.get(SIZES_KEY);
        if (kind == null || sizes == null) {
            throw new IllegalArgumentException(
                    source + " is not a jgrad model (its metadata has no " + KIND_KEY + " and " + SIZES_KEY + ")");
        }
        try {
            return new ModelSpec(
                    kind,
                    Arrays.stream(sizes.split(","))
                            .mapToInt(s -> Integer.parseInt(s.trim()))
                            .toArray());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    source + ": " + SIZES_KEY + " '" + sizes + "' is not a list of integers", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m && m.kind.equals(kind) && Arrays.equals(m.sizes, sizes);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(sizes);
    }
}
