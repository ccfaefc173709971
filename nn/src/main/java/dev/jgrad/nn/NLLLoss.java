package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Negative log likelihood of class indices: PyTorch's {@code nn.NLLLoss(weight=None,
 * ignore_index=-100, reduction='mean')}; see {@link F#nllLoss(Tensor, Tensor, Tensor, Reduction, long)}.
 */
public final class NLLLoss extends Loss {
    /** Targets of this class contribute nothing. */
    public final long ignoreIndex;

    /** The mean, without weights or ignored class. */
    public NLLLoss() {
        this(null, F.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    /**
     * The loss with the given settings, in PyTorch's order.
     *
     * @param weight one constant weight per class, or null; a buffer named {@code weight}
     * @param ignoreIndex a target value that contributes nothing
     * @param reduction how the per-target losses combine
     */
    public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
        registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, getBuffer("weight"), reduction, ignoreIndex);
    }
}
