package dev.jgrad.nn;

/**
 * {@code z < delta ? 0.5·z² : delta·(z - 0.5·delta)} with {@code z = |input - target|}, reduced:
 * PyTorch's {@code nn.HuberLoss(reduction='mean', delta=1.0)}.
 */
public class HuberLoss extends FunctionLoss {
    /** Where the quadratic part turns linear. */
    public final double delta;

    /** The mean, with delta 1. */
    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    /**
     * The loss with the given settings.
     *
     * @param reduction how the per-element losses combine
     * @param delta where the quadratic part turns linear, &gt; 0
     * @throws IllegalArgumentException if delta is not positive
     */
    public HuberLoss(Reduction reduction, double delta) {
        super(reduction, (input, target, r) -> F.huberLoss(input, target, r, delta));
        this.delta = F.checkHuberDelta(delta);
    }
}
