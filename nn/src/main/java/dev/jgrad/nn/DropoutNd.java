package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * What {@link Dropout} and {@link Dropout2d} share, as PyTorch's {@code _DropoutNd}: the
 * probability {@code p}, checked to lie in [0, 1], and the printed form {@code p=0.5, inplace=False}.
 */
public abstract class DropoutNd extends Module {
    /** One of F's dropouts: the input, p and whether the module is training. */
    @FunctionalInterface
    interface Function {
        /**
         * Drops out {@code input}.
         *
         * @param input the input
         * @param p the probability of zeroing
         * @param training whether to drop (else the identity)
         * @return the result
         */
        Tensor apply(Tensor input, double p, boolean training);
    }

    /** The probability of zeroing an element (Dropout) or a channel (Dropout2d), in [0, 1]. */
    public final double p;
    /** This layer's dropout, or null for a subclass that overrides {@link #forward} itself. */
    private final Function function;

    /**
     * PyTorch's {@code _DropoutNd.__init__(p)}.
     *
     * @param p the probability of zeroing
     * @throws IllegalArgumentException if {@code p} is not in [0, 1] (NaN included)
     */
    protected DropoutNd(double p) {
        this(p, null);
    }

    /**
     * A dropout layer whose forward is {@code function} with this layer's p and training mode.
     *
     * @param p the probability of zeroing
     * @param function the dropout, e.g. {@code F::dropout}
     * @throws IllegalArgumentException if {@code p} is not in [0, 1] (NaN included)
     */
    DropoutNd(double p, Function function) {
        F.checkDropoutProbability(p);
        this.p = p;
        this.function = function;
    }

    /**
     * Applies this layer's dropout with its training mode: in training mode a new tensor of the
     * input's shape and dtype; in eval mode (or with {@code p = 0}) {@code input} itself.
     *
     * @param input a tensor the layer takes (see its class comment)
     * @return the result
     * @throws UnsupportedOperationException for a subclass built with {@link #DropoutNd(double)} that
     *     does not override this method
     */
    @Override
    public Tensor forward(Tensor input) {
        if (function == null) {
            throw new UnsupportedOperationException(getName() + " must override forward");
        }
        return function.apply(input, p, isTraining());
    }

    /**
     * The repr's settings, e.g. {@code p=0.5, inplace=False}.
     *
     * @return the settings as PyTorch prints them
     */
    @Override
    public String extraRepr() {
        return "p=" + Py.number(p) + ", inplace=False";
    }
}
