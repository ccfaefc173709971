package dev.jgrad.nn;

/**
 * {@code z < beta ? 0.5·z²/beta : z - 0.5·beta} with {@code z = |input - target|}, reduced: PyTorch's
 * {@code nn.SmoothL1Loss(reduction='mean', beta=1.0)}.
 */
public class SmoothL1Loss extends FunctionLoss {
    /** Where the quadratic part turns linear. */
    public final double beta;

    /** The mean, with beta 1. */
    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    /**
     * The loss with the given settings.
     *
     * @param reduction how the per-element losses combine
     * @param beta where the quadratic part turns linear, ≥ 0 (0 is the L1 loss)
     * @throws IllegalArgumentException if beta is negative
     */
    public SmoothL1Loss(Reduction reduction, double beta) {
        super(reduction, (input, target, r) -> F.smoothL1Loss(input, target, r, beta));
        this.beta = F.checkSmoothL1Beta(beta);
    }
}
