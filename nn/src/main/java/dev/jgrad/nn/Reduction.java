package dev.jgrad.nn;

import java.util.Locale;
import java.util.function.UnaryOperator;

/** How a loss combines its per-element values: PyTorch's {@code reduction='mean' | 'sum' | 'none'}. */
public enum Reduction {
    /** One value per element, in the input's shape. */
    NONE,
    /** The average (PyTorch's default). */
    MEAN,
    /** The sum. */
    SUM,
    /** The sum divided by the batch size: only {@link F#klDiv KL divergence} takes it, as in PyTorch. */
    BATCHMEAN;

    /**
     * The enum for PyTorch's string.
     *
     * @param name {@code "none"}, {@code "mean"}, {@code "sum"} or {@code "batchmean"}, in lower case
     * @return the matching constant
     * @throws IllegalArgumentException if {@code name} is none of the four
     */
    public static Reduction of(String name) {
        switch (name) {
            case "none":
                return NONE;
            case "mean":
                return MEAN;
            case "sum":
                return SUM;
            case "batchmean":
                return BATCHMEAN;
            default:
                throw new IllegalArgumentException(name + " is not a valid value for reduction");
        }
    }

    /**
     * This reduction, or PyTorch's error if it is {@code BATCHMEAN}, which only KL divergence takes.
     *
     * @return this reduction
     * @throws IllegalArgumentException for {@code BATCHMEAN}
     */
    Reduction elementwise() {
        if (this == BATCHMEAN) {
            throw new IllegalArgumentException("batchmean is not a valid value for reduction");
        }
        return this;
    }

    /**
     * Reduces per-element losses by this reduction (after {@link #elementwise()}): their mean, their
     * sum, or the losses themselves for {@code NONE}. Generic so that the autograd losses (tensors)
     * and their backward formulas (arrays) reduce the same way.
     *
     * @param <T> the losses' type
     * @param loss the per-element losses
     * @param mean the mean of all elements
     * @param sum the sum of all elements
     * @return the reduced loss
     * @throws IllegalArgumentException for {@code BATCHMEAN}
     */
    <T> T reduce(T loss, UnaryOperator<T> mean, UnaryOperator<T> sum) {
        switch (elementwise()) {
            case MEAN:
                return mean.apply(loss);
            case SUM:
                return sum.apply(loss);
            default:
                return loss;
        }
    }

    /**
     * PyTorch's spelling.
     *
     * @return {@code "none"}, {@code "mean"}, {@code "sum"} or {@code "batchmean"}
     */
    public String pyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
