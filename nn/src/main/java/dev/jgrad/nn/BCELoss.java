package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Binary cross entropy of probabilities: PyTorch's {@code nn.BCELoss(weight=None, reduction='mean')}.
 * The weight multiplies each element's loss; see {@link F#binaryCrossEntropy(Tensor, Tensor, Tensor, Reduction)}.
 */
public final class BCELoss extends Loss {
    /** The mean, without weights. */
    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    /**
     * The loss with the given settings.
     *
     * @param weight a constant broadcastable to the input's shape, or null; a buffer named {@code weight}
     * @param reduction how the per-element losses combine
     */
    public BCELoss(Tensor weight, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, getBuffer("weight"), reduction);
    }
}
