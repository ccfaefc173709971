package dev.jgrad.nn;

/**
 * In training, zeroes each element with probability {@code p} and scales the rest by
 * {@code 1 / (1 - p)}; in eval mode, the identity: PyTorch's {@code nn.Dropout}. The mask is drawn
 * from the default generator.
 */
public class Dropout extends DropoutNd {
    /** Dropout with {@code p = 0.5}, {@code nn.Dropout()}. */
    public Dropout() {
        this(0.5);
    }

    /**
     * Dropout with probability {@code p}, {@code nn.Dropout(p)}.
     *
     * @param p the probability of zeroing an element
     * @throws IllegalArgumentException if {@code p} is not in [0, 1] (NaN included)
     */
    public Dropout(double p) {
        super(p, F::dropout);
    }
}
