package dev.jgrad.optim.lr_scheduler;

import dev.jgrad.optim.Optimizer;

/**
 * Anneals each group's learning rate from its initial value to {@code etaMin} along half a cosine
 * over {@code tMax} epochs, then back up (the curve continues, as in PyTorch's
 * {@code CosineAnnealingLR}, which this follows formula for formula, recursive form included).
 */
public final class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin;

    /**
     * A CosineAnnealingLR down to 0, {@code CosineAnnealingLR(optimizer, T_max)}; sets epoch 0's rates.
     *
     * @param optimizer the optimizer whose groups' {@code lr} this scheduler sets
     * @param tMax the number of epochs of half a cosine period
     * @throws IllegalArgumentException if {@code tMax} is not positive
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0, -1);
    }

    /**
     * A CosineAnnealingLR, {@code CosineAnnealingLR(optimizer, T_max, eta_min)}; sets epoch 0's rates.
     *
     * @param optimizer the optimizer whose groups' {@code lr} this scheduler sets
     * @param tMax the number of epochs of half a cosine period
     * @param etaMin the smallest learning rate
     * @throws IllegalArgumentException if {@code tMax} is not positive
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        this(optimizer, tMax, etaMin, -1);
    }

    /**
     * A CosineAnnealingLR, {@code CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch)}; takes the
     * first step.
     *
     * @param optimizer the optimizer whose groups' {@code lr} this scheduler sets
     * @param tMax the number of epochs of half a cosine period
     * @param etaMin the smallest learning rate
     * @param lastEpoch the index of the last epoch, -1 to start afresh; any other value resumes and
     *     needs each group's {@code initial_lr}
     * @throws IllegalArgumentException if {@code tMax} is not positive, or when resuming a group has
     *     no {@code initial_lr}
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (tMax <= 0) {
            throw new IllegalArgumentException("T_max must be positive, got " + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        saved("T_max", () -> this.tMax, v -> this.tMax = ((Number) v).intValue());
        saved("eta_min", () -> this.etaMin, v -> this.etaMin = ((Number) v).doubleValue());
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = groupLrs();
        if (lastEpoch == 0) {
            return lrs;
        }
        double[] out = new double[lrs.length];
        if (stepCount() == 1 && lastEpoch > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = etaMin + (baseLrs[i] - etaMin) * (1 + StrictMath.cos(lastEpoch * Math.PI / tMax)) / 2;
            }
        } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = lrs[i] + (baseLrs[i] - etaMin) * (1 - StrictMath.cos(Math.PI / tMax)) / 2;
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = (1 + StrictMath.cos(Math.PI * lastEpoch / tMax))
                                / (1 + StrictMath.cos(Math.PI * (lastEpoch - 1) / tMax))
                                * (lrs[i] - etaMin)
                        + etaMin;
            }
        }
        return out;
    }

    /**
     * PyTorch's closed form, {@code η_min + (base - η_min)(1 + cos(π·epoch/T_max))/2}, for checking
     * the recursion ({@code _get_closed_form_lr}).
     *
     * @param group the index of the parameter group
     * @param epoch the epoch
     * @return the learning rate the closed form gives that group at that epoch
     * @throws ArrayIndexOutOfBoundsException if {@code group} is not a group index
     */
    public double closedFormLr(int group, int epoch) {
        return etaMin + (baseLrs[group] - etaMin) * (1 + StrictMath.cos(Math.PI * epoch / tMax)) / 2;
    }
}
