package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Binary cross entropy of logits: PyTorch's {@code nn.BCEWithLogitsLoss(weight=None,
 * reduction='mean', pos_weight=None)}, e.g. {@code new BCEWithLogitsLoss().withPosWeight(w)} to weigh
 * the positives of each class; see {@link F#binaryCrossEntropyWithLogits(Tensor, Tensor, Tensor, Tensor, Reduction)}.
 */
public final class BCEWithLogitsLoss extends Loss {
    /** The mean, without weights. */
    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    /**
     * The loss with the given settings, in PyTorch's order.
     *
     * @param weight a constant broadcastable to the input's shape, or null; a buffer named {@code weight}
     * @param reduction how the per-element losses combine
     * @param posWeight the positives' weight, broadcast along the last dim, or null; a buffer named
     *     {@code pos_weight}
     */
    public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
        super(reduction);
        registerBuffer("weight", weight);
        registerBuffer("pos_weight", posWeight);
    }

    /**
     * This loss with another {@code weight}, PyTorch's {@code weight=} keyword.
     *
     * @param weight a constant broadcastable to the input's shape, or null
     * @return a new loss
     */
    public BCEWithLogitsLoss withWeight(Tensor weight) {
        return new BCEWithLogitsLoss(weight, reduction, getBuffer("pos_weight"));
    }

    /**
     * This loss with another {@code pos_weight}, PyTorch's {@code pos_weight=} keyword.
     *
     * @param posWeight the positives' weight, broadcast along the last dim, or null
     * @return a new loss
     */
    public BCEWithLogitsLoss withPosWeight(Tensor posWeight) {
        return new BCEWithLogitsLoss(getBuffer("weight"), reduction, posWeight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, getBuffer("weight"), getBuffer("pos_weight"), reduction);
    }
}
