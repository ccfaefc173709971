package dev.jgrad.optim.lr_scheduler;

import dev.jgrad.optim.Optimizer;

/** Multiplies each group's learning rate by {@code gamma} every {@code stepSize} epochs: PyTorch's {@code StepLR}. */
public final class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma;

    /**
     * A StepLR with gamma 0.1, {@code StepLR(optimizer, step_size)}; sets epoch 0's rates.
     *
     * @param optimizer the optimizer whose groups' {@code lr} this scheduler sets
     * @param stepSize the period of the decay, in epochs
     * @throws IllegalArgumentException if {@code stepSize} is not positive
     */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1, -1);
    }

    /**
     * A StepLR, {@code StepLR(optimizer, step_size, gamma)}; sets epoch 0's rates.
     *
     * @param optimizer the optimizer whose groups' {@code lr} this scheduler sets
     * @param stepSize the period of the decay, in epochs
     * @param gamma the factor the rates are multiplied by every {@code stepSize} epochs
     * @throws IllegalArgumentException if {@code stepSize} is not positive
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        this(optimizer, stepSize, gamma, -1);
    }

    /**
     * A StepLR, {@code StepLR(optimizer, step_size, gamma, last_epoch)}; takes the first step.
     *
     * @param optimizer the optimizer whose groups' {@code lr} this scheduler sets
     * @param stepSize the period of the decay, in epochs
     * @param gamma the factor the rates are multiplied by every {@code stepSize} epochs
     * @param lastEpoch the index of the last epoch, -1 to start afresh; any other value resumes and
     *     needs each group's {@code initial_lr}
     * @throws IllegalArgumentException if {@code stepSize} is not positive, or when resuming a group
     *     has no {@code initial_lr}
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (stepSize <= 0) {
            throw new IllegalArgumentException("step_size must be positive, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        saved("step_size", () -> this.stepSize, v -> this.stepSize = ((Number) v).intValue());
        saved("gamma", () -> this.gamma, v -> this.gamma = ((Number) v).doubleValue());
        initialStep();
    }

    @Override
    protected double[] getLr() {
        // a factor of 1 is exact: the rates are kept bit for bit between decays
        return scaledGroupLrs(lastEpoch == 0 || lastEpoch % stepSize != 0 ? 1 : gamma);
    }
}
