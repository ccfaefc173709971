package dev.jgrad.nn;

/** {@code |input - target|}, reduced: PyTorch's {@code nn.L1Loss}. */
public class L1Loss extends FunctionLoss {
    /** The mean over all elements. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /**
     * The loss with the given reduction.
     *
     * @param reduction how the per-element losses combine
     */
    public L1Loss(Reduction reduction) {
        super(reduction, F::l1Loss);
    }
}
