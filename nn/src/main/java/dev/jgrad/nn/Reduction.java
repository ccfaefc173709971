package dev.jgrad.nn;

import java.util.Locale;

/** How a loss combines its per-element values: PyTorch's {@code reduction='mean' | 'sum' | 'none'}. */
public enum Reduction {
    /** One value per element, in the input's shape. */
    NONE,
    /** The average (PyTorch's default). */
    MEAN,
    /** The sum. */
    SUM;

    /**
     * The enum for PyTorch's string.
     *
     * @param name {@code "none"}, {@code "mean"} or {@code "sum"}, in lower case
     * @return the matching constant
     * @throws IllegalArgumentException if {@code name} is none of the three
     */
    public static Reduction of(String name) {
        switch (name) {
            case "none": return NONE;
            case "mean": return MEAN;
            case "sum": return SUM;
            default: throw new IllegalArgumentException(name + " is not a valid value for reduction");
        }
    }

    /**
     * PyTorch's spelling.
     *
     * @return {@code "none"}, {@code "mean"} or {@code "sum"}
     */
    public String pyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
