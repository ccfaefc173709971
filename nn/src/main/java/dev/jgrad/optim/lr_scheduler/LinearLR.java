package dev.jgrad.optim.lr_scheduler;

import dev.jgrad.optim.Optimizer;

/**
 * Scales each group's learning rate by a factor that moves linearly from {@code startFactor} to
 * {@code endFactor} over {@code totalIters} epochs, then stays: PyTorch's {@code LinearLR}, a
 * warm-up when {@code startFactor < 1}. It follows PyTorch's recursive (chainable) form; the
 * closed form is {@code base·(start + (end - start)·min(epoch, totalIters)/totalIters)}.
 */
public final class LinearLR extends LRScheduler {
    private double startFactor;
    private double endFactor;
    private int totalIters;

    /**
     * PyTorch's defaults: from a third of the learning rate to all of it over 5 epochs.
     *
     * @param optimizer the optimizer whose learning rates it sets
     */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5, -1);
    }

    /**
     * A linear ramp of the learning rate's factor.
     *
     * @param optimizer the optimizer whose learning rates it sets
     * @param startFactor the factor at epoch 0, in (0, 1]
     * @param endFactor the factor from epoch {@code totalIters} on, in [0, 1]
     * @param totalIters how many epochs the ramp takes
     * @throws IllegalArgumentException if a factor is out of range
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        this(optimizer, startFactor, endFactor, totalIters, -1);
    }

    /**
     * A linear ramp, resuming after {@code lastEpoch} (-1 for a fresh start).
     *
     * @param optimizer the optimizer whose learning rates it sets
     * @param startFactor the factor at epoch 0, in (0, 1]
     * @param endFactor the factor from epoch {@code totalIters} on, in [0, 1]
     * @param totalIters how many epochs the ramp takes
     * @param lastEpoch the last epoch done, -1 for a fresh start
     * @throws IllegalArgumentException if a factor is out of range
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException(
                    "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        saved("start_factor", () -> this.startFactor, v -> this.startFactor = ((Number) v).doubleValue());
        saved("end_factor", () -> this.endFactor, v -> this.endFactor = ((Number) v).doubleValue());
        saved("total_iters", () -> this.totalIters, v -> this.totalIters = ((Number) v).intValue());
        initialStep();
    }

    @Override
    protected double[] getLr() {
        return scaledGroupLrs(factor());
    }

    /** What this epoch multiplies the rates by: the start factor, then the ratio of consecutive factors, then 1. */
    private double factor() {
        if (lastEpoch == 0) {
            return startFactor;
        }
        if (lastEpoch > totalIters) {
            return 1;
        }
        return 1 + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
    }

    /**
     * PyTorch's closed form, for checking the recursion.
     *
     * @param group the group's index
     * @param epoch the epoch
     * @return the learning rate the schedule gives that group at that epoch
     */
    public double closedFormLr(int group, int epoch) {
        return baseLrs[group] * (startFactor + (endFactor - startFactor) * Math.min(totalIters, epoch) / totalIters);
    }
}
