package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** {@code |input - target|}, reduced: PyTorch's {@code nn.L1Loss}. */
public class L1Loss extends Loss {
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
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction);
    }
}
