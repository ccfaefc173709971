package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What {@link BatchNorm1d} and {@link BatchNorm2d} share, as PyTorch's {@code _BatchNorm}: each
 * channel (dim 1) is normalised over every other dim.
 *
 * <p>In training mode each channel is normalised with the batch's mean and biased variance, and the
 * running statistics move towards them: {@code running = (1 - momentum)·running + momentum·batch},
 * with the unbiased variance, as PyTorch does; {@code num_batches_tracked} counts the batches. In
 * eval mode the running statistics are used instead. With {@code momentum = null} the running
 * statistics are a cumulative average.
 */
public abstract class BatchNorm extends Module {
    /** C, the number of channels: the input's dim 1. */
    public final int numFeatures;
    /** Added to the variance before its square root, for stability. */
    public final double eps;
    /** The weight of a new batch in the running statistics; null for a cumulative moving average. */
    public final Double momentum;
    /** Whether the module learns a per-channel scale ({@link #weight}) and shift ({@link #bias}). */
    public final boolean affine;
    /** Whether the module keeps running statistics (and uses them in eval mode). */
    public final boolean trackRunningStats;
    /** γ, ones at first; null unless affine. */
    public final Tensor weight;
    /** β, zeros at first; null unless affine. */
    public final Tensor bias;
    /** The input ranks this layer takes (BatchNorm2d: 4), or null when a subclass checks them itself. */
    private final int[] inputDims;

    /**
     * PyTorch's {@code _BatchNorm.__init__}: γ = 1, β = 0, running mean 0, running variance 1.
     *
     * @param numFeatures channels (C)
     * @param eps added to the variance
     * @param momentum weight of a new batch in the running statistics; null for a cumulative average
     * @param affine whether γ and β are learned
     * @param trackRunningStats whether running statistics are kept (and used in eval mode)
     * @throws IllegalArgumentException when numFeatures is not positive
     */
    // Registering parameters and buffers only stores them in Module's maps, which subclasses never
    // override, so the subclass sees nothing half-built; the base registers them so that every
    // subclass has PyTorch's state-dict keys in PyTorch's order.
    @SuppressWarnings("this-escape")
    protected BatchNorm(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this(numFeatures, eps, momentum, affine, trackRunningStats, (int[]) null);
    }

    /**
     * A batch norm layer that takes inputs of the ranks {@code inputDims}, as {@link #checkInputDim}
     * checks them.
     *
     * @param numFeatures channels (C)
     * @param eps added to the variance
     * @param momentum weight of a new batch in the running statistics; null for a cumulative average
     * @param affine whether γ and β are learned
     * @param trackRunningStats whether running statistics are kept (and used in eval mode)
     * @param inputDims the input ranks the layer takes, e.g. 2 and 3 for BatchNorm1d
     * @throws IllegalArgumentException when numFeatures is not positive
     */
    @SuppressWarnings("this-escape")
    BatchNorm(
            int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats, int... inputDims) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException("num_features must be positive, got " + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.inputDims = inputDims == null ? null : inputDims.clone();
        this.weight = registerParameter("weight", affine ? Tensor.of(NDArray.ones(numFeatures)) : null);
        this.bias = registerParameter("bias", affine ? Tensor.of(NDArray.zeros(numFeatures)) : null);
        registerBuffer("running_mean", trackRunningStats ? Tensor.of(NDArray.zeros(numFeatures)) : null);
        registerBuffer("running_var", trackRunningStats ? Tensor.of(NDArray.ones(numFeatures)) : null);
        registerBuffer("num_batches_tracked", trackRunningStats ? Tensor.of(NDArray.scalar(0, DType.INT64)) : null);
    }

    /**
     * The running mean, buffer {@code running_mean}.
     *
     * @return a float32 tensor of shape {@code (numFeatures)}, or null without running statistics
     */
    public Tensor runningMean() {
        return getBuffer("running_mean");
    }

    /**
     * The running (unbiased) variance, buffer {@code running_var}.
     *
     * @return a float32 tensor of shape {@code (numFeatures)}, or null without running statistics
     */
    public Tensor runningVar() {
        return getBuffer("running_var");
    }

    /**
     * How many training batches updated the running statistics, buffer {@code num_batches_tracked}.
     *
     * @return a 0-dim int64 tensor, or null without running statistics
     */
    public Tensor numBatchesTracked() {
        return getBuffer("num_batches_tracked");
    }

    /**
     * Zeroes the running mean and count and sets the running variance to one, in place, as
     * {@code reset_running_stats()}; does nothing without running statistics.
     */
    public void resetRunningStats() {
        if (trackRunningStats) {
            runningMean().data().zero_();
            runningVar().data().fill_(1);
            numBatchesTracked().data().zero_();
        }
    }

    /**
     * Rejects an input rank this layer does not take, in PyTorch's words ({@code _check_input_dim}):
     * {@code expected 2D or 3D input (got 4D input)}. A subclass built with the public constructor,
     * which names no ranks, overrides this to check its own; otherwise every rank passes here.
     *
     * @param dims the input's number of dims
     * @throws IllegalArgumentException for a rank the layer does not take
     */
    protected void checkInputDim(int dims) {
        if (inputDims == null) {
            return;
        }
        for (int accepted : inputDims) {
            if (accepted == dims) {
                return;
            }
        }
        String expected = Arrays.stream(inputDims).mapToObj(d -> d + "D").collect(Collectors.joining(" or "));
        throw new IllegalArgumentException("expected " + expected + " input (got " + dims + "D input)");
    }

    /**
     * Normalises each channel: {@code (x - mean) / √(var + eps)}, then {@code · weight + bias} when
     * affine. In training mode (or without running statistics) the mean and biased variance are the
     * batch's, over every dim but 1, and training updates the running statistics; in eval mode the
     * running statistics are used.
     *
     * @param input a floating-point tensor of shape {@code (N, C, ...)}, with {@code C = numFeatures}
     * @return the normalised tensor, of the input's shape
     * @throws IllegalArgumentException if the input's rank is not the layer's, if its dim 1 is not
     *     {@code numFeatures}, or if in training mode a channel has only one value
     */
    @Override
    public Tensor forward(Tensor input) {
        int d = input.dim();
        checkInputDim(d);
        if (input.size(1) != numFeatures) {
            throw new IllegalArgumentException(
                    "running_mean should contain " + input.size(1) + " elements not " + numFeatures);
        }
        int[] statShape = new int[d];
        Arrays.fill(statShape, 1);
        statShape[1] = numFeatures;
        int[] dims = new int[d - 1];
        dims[0] = 0;
        for (int i = 2; i < d; i++) {
            dims[i - 1] = i;
        }
        boolean useBatchStats = isTraining() || !trackRunningStats;
        Tensor normalized;
        if (useBatchStats) {
            int perChannel = input.numel() / numFeatures;
            if (isTraining() && perChannel <= 1) {
                throw new IllegalArgumentException(
                        "Expected more than 1 value per channel when training, got input size "
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
