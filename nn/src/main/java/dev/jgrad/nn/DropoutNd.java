package dev.jgrad.nn;

/**
 * What {@link Dropout} and {@link Dropout2d} share, as PyTorch's {@code _DropoutNd}: the
 * probability {@code p}, checked to lie in [0, 1], and the printed form {@code p=0.5, inplace=False}.
 */
public abstract class DropoutNd extends Module {
    /** The probability of zeroing an element (Dropout) or a channel (Dropout2d), in [0, 1]. */
    public final double p;

    /**
     * PyTorch's {@code _DropoutNd.__init__(p)}.
     *
     * @param p the probability of zeroing
     * @throws IllegalArgumentException if {@code p} is not in [0, 1] (NaN included)
     */
    protected DropoutNd(double p) {
        F.checkDropoutProbability(p);
        this.p = p;
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
