package dev.jgrad.nn;

/** {@code (input - target)²}, reduced: PyTorch's {@code nn.MSELoss}. */
public class MSELoss extends FunctionLoss {
    /** The mean over all elements. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /**
     * The loss with the given reduction.
     *
     * @param reduction how the per-element losses combine
     */
    public MSELoss(Reduction reduction) {
        super(reduction, F::mseLoss);
    }
}
