package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Cross entropy of logits against class indices or class probabilities: PyTorch's
 * {@code nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)}.
 * The keywords read as {@code new CrossEntropyLoss().withWeight(w).withLabelSmoothing(0.1)}; see
 * {@link F#crossEntropy(Tensor, Tensor, Tensor, Reduction, long, double)} for the formulas.
 */
public final class CrossEntropyLoss extends Loss {
    /** Class-index targets of this value contribute nothing. */
    public final long ignoreIndex;
    /** ε: how much of each target is spread evenly over the classes. */
    public final double labelSmoothing;

    /** The mean, without weights, ignored class or smoothing. */
    public CrossEntropyLoss() {
        this(null, F.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0);
    }

    /**
     * The loss with the given reduction.
     *
     * @param reduction how the per-target losses combine
     */
    public CrossEntropyLoss(Reduction reduction) {
        this(null, F.DEFAULT_IGNORE_INDEX, reduction, 0.0);
    }

    /**
     * The loss with the given settings, in PyTorch's order.
     *
     * @param weight one constant weight per class, or null; a buffer named {@code weight}
     * @param ignoreIndex a class-index target that contributes nothing
     * @param reduction how the per-target losses combine
     * @param labelSmoothing ε in [0, 1]
     * @throws IllegalArgumentException if ε is outside [0, 1]
     */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
        super(reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(
                    "label_smoothing must be between 0.0 and 1.0. Got: " + Py.number(labelSmoothing));
        }
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
        registerBuffer("weight", weight);
    }

    /**
     * This loss with class weights, PyTorch's {@code weight=} keyword.
     *
     * @param weight one constant weight per class, or null
     * @return a new loss
     */
    public CrossEntropyLoss withWeight(Tensor weight) {
        return new CrossEntropyLoss(weight, ignoreIndex, reduction, labelSmoothing);
    }

    /**
     * This loss with an ignored class, PyTorch's {@code ignore_index=} keyword.
     *
     * @param ignoreIndex a class-index target that contributes nothing
     * @return a new loss
     */
    public CrossEntropyLoss withIgnoreIndex(long ignoreIndex) {
        return new CrossEntropyLoss(getBuffer("weight"), ignoreIndex, reduction, labelSmoothing);
    }

    /**
     * This loss with label smoothing, PyTorch's {@code label_smoothing=} keyword.
     *
     * @param labelSmoothing ε in [0, 1]
     * @return a new loss
     */
    public CrossEntropyLoss withLabelSmoothing(double labelSmoothing) {
        return new CrossEntropyLoss(getBuffer("weight"), ignoreIndex, reduction, labelSmoothing);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, getBuffer("weight"), reduction, ignoreIndex, labelSmoothing);
    }
}
