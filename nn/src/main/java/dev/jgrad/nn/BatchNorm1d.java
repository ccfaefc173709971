package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;

/**
 * Batch normalisation over a (N, C) or (N, C, L) input: PyTorch's {@code nn.BatchNorm1d}.
 *
 * <p>In training mode each channel is normalised with the batch's mean and biased variance, and the
 * running statistics move towards them: {@code running = (1 - momentum)·running + momentum·batch},
 * with the unbiased variance, as PyTorch does; {@code num_batches_tracked} counts the batches. In
 * eval mode the running statistics are used instead. With {@code momentum = null} the running
 * statistics are a cumulative average.
 */
public final class BatchNorm1d extends Module {
    public final int numFeatures;
    public final double eps;
    /** Null for a cumulative moving average. */
    public final Double momentum;
    public final boolean affine;
    public final boolean trackRunningStats;
    /** γ, ones at first; null unless affine. */
    public final Tensor weight;
    /** β, zeros at first; null unless affine. */
    public final Tensor bias;

    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException("num_features must be positive, got " + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.weight = registerParameter("weight", affine ? Tensor.of(NDArray.ones(numFeatures)) : null);
        this.bias = registerParameter("bias", affine ? Tensor.of(NDArray.zeros(numFeatures)) : null);
        registerBuffer("running_mean", trackRunningStats ? Tensor.of(NDArray.zeros(numFeatures)) : null);
        registerBuffer("running_var", trackRunningStats ? Tensor.of(NDArray.ones(numFeatures)) : null);
        registerBuffer("num_batches_tracked",
                trackRunningStats ? Tensor.of(NDArray.scalar(0, DType.INT64)) : null);
    }

    /** The running mean (null without running statistics). */
    public Tensor runningMean() {
        return getBuffer("running_mean");
    }

    /** The running (unbiased) variance (null without running statistics). */
    public Tensor runningVar() {
        return getBuffer("running_var");
    }

    /** How many training batches updated the running statistics (null without them). */
    public Tensor numBatchesTracked() {
        return getBuffer("num_batches_tracked");
    }

    /** Zeroes the running mean and count and sets the running variance to one. */
    public void resetRunningStats() {
        if (trackRunningStats) {
            runningMean().data().zero_();
            runningVar().data().fill_(1);
            numBatchesTracked().data().zero_();
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        int d = input.dim();
        if (d != 2 && d != 3) {
            throw new IllegalArgumentException("expected 2D or 3D input (got " + d + "D input)");
        }
        if (input.size(1) != numFeatures) {
            throw new IllegalArgumentException("running_mean should contain " + input.size(1)
                    + " elements not " + numFeatures);
        }
        int[] statShape = d == 2 ? new int[] {1, numFeatures} : new int[] {1, numFeatures, 1};
        int[] dims = d == 2 ? new int[] {0} : new int[] {0, 2};
        boolean useBatchStats = isTraining() || !trackRunningStats;
        Tensor normalized;
        if (useBatchStats) {
            int perChannel = input.numel() / numFeatures;
            if (isTraining() && perChannel <= 1) {
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                        + Py.size(input.shape()));
            }
            Tensor mean = input.mean(dims, true);
            Tensor centered = input.sub(mean);
            Tensor var = centered.pow(2).mean(dims, true);
            normalized = centered.div(var.add(eps).sqrt());
            if (isTraining() && trackRunningStats) {
                updateRunningStats(mean.data(), var.data(), perChannel);
            }
        } else {
            Tensor mean = Tensor.of(runningMean().data().view(statShape));
            Tensor var = Tensor.of(runningVar().data().view(statShape));
            normalized = input.sub(mean).div(var.add(eps).sqrt());
        }
        if (affine) {
            normalized = normalized.mul(weight.view(statShape)).add(bias.view(statShape));
        }
        return normalized;
    }

    private void updateRunningStats(NDArray batchMean, NDArray batchVar, int n) {
        NDArray tracked = numBatchesTracked().data();
        tracked.add_(1);
        double factor = momentum != null ? momentum : 1.0 / tracked.itemLong();
        NDArray mean = batchMean.reshape(numFeatures);
        NDArray unbiasedVar = batchVar.reshape(numFeatures).mul((double) n / (n - 1));
        runningMean().data().mul_(1 - factor).add_(mean, factor);
        runningVar().data().mul_(1 - factor).add_(unbiasedVar, factor);
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + Py.number(eps) + ", momentum="
                + (momentum == null ? "None" : Py.number(momentum)) + ", affine=" + Py.bool(affine)
                + ", track_running_stats=" + Py.bool(trackRunningStats);
    }
}
