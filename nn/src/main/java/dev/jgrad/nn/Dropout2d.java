package dev.jgrad.nn;

/**
 * In training, zeroes whole channels with probability {@code p} and scales the others by
 * {@code 1 / (1 - p)}; in eval mode, the identity: PyTorch's {@code nn.Dropout2d}.
 */
public class Dropout2d extends DropoutNd {
    /** {@code nn.Dropout2d()}: p = 0.5. */
    public Dropout2d() {
        this(0.5);
    }

    /**
     * {@code nn.Dropout2d(p)}.
     *
     * @param p the probability of zeroing a channel, in [0, 1]
     * @throws IllegalArgumentException when p is outside [0, 1]
     */
    public Dropout2d(double p) {
        super(p, F::dropout2d);
    }
}
