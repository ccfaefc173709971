package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

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
        super(p);
    }

    /**
     * Applies {@link F#dropout(Tensor, double, boolean)} with this module's training mode.
     *
     * @param input a tensor of any shape
     * @return in training mode a new tensor of the input's shape and dtype; in eval mode (or with
     *     {@code p = 0}) {@code input} itself
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining());
    }
}
