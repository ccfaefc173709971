package dev.jgrad.nn;

/**
 * Batch normalisation over a (N, C) or (N, C, L) input: PyTorch's {@code nn.BatchNorm1d}.
 *
 * <p>In training mode each channel is normalised with the batch's mean and biased variance, and the
 * running statistics move towards them: {@code running = (1 - momentum)·running + momentum·batch},
 * with the unbiased variance, as PyTorch does; {@code num_batches_tracked} counts the batches. In
 * eval mode the running statistics are used instead. With {@code momentum = null} the running
 * statistics are a cumulative average.
 */
public final class BatchNorm1d extends BatchNorm {

    /**
     * A BatchNorm1d with PyTorch's defaults, {@code nn.BatchNorm1d(num_features)}: eps 1e-5,
     * momentum 0.1, affine, tracking running statistics.
     *
     * @param numFeatures C, the number of channels
     * @throws IllegalArgumentException if {@code numFeatures} is not positive
     */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * A BatchNorm1d with every option: {@code nn.BatchNorm1d(num_features, eps, momentum, affine,
     * track_running_stats)}. Its parameters and buffers are float32, of shape {@code (numFeatures)};
     * {@code num_batches_tracked} is a 0-dim int64 tensor.
     *
     * @param numFeatures C, the number of channels
     * @param eps added to the variance before its square root
     * @param momentum the weight of a new batch in the running statistics; null for a cumulative
     *     moving average
     * @param affine whether to learn a per-channel scale and shift
     * @param trackRunningStats whether to keep running statistics; without them the batch's own
     *     statistics are used in eval mode too
     * @throws IllegalArgumentException if {@code numFeatures} is not positive
     */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats, 2, 3);
    }
}
