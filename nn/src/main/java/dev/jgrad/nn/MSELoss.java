package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** {@code (input - target)²}, reduced: PyTorch's {@code nn.MSELoss}. */
public class MSELoss extends Loss {
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
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }
}
