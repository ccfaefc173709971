package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * The KL divergence of log-probabilities (the input) against probabilities (the target):
 * PyTorch's {@code nn.KLDivLoss(reduction='mean', log_target=False)}. {@link Reduction#BATCHMEAN}
 * gives the true KL divergence per sample; see {@link F#klDiv(Tensor, Tensor, Reduction, boolean)}.
 */
public class KLDivLoss extends FunctionLoss {
    /** Whether the target is given as log-probabilities. */
    public final boolean logTarget;

    /** The mean over every element, with a probability target. */
    public KLDivLoss() {
        this(Reduction.MEAN, false);
    }

    /**
     * The loss with the given settings.
     *
     * @param reduction how the per-element terms combine, {@code BATCHMEAN} included
     * @param logTarget whether the target is given as log-probabilities
     */
    public KLDivLoss(Reduction reduction, boolean logTarget) {
        super(reduction, (input, target, r) -> F.klDiv(input, target, r, logTarget));
        this.logTarget = logTarget;
    }
}
