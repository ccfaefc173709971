package dev.jgrad.nn;

/**
 * Batch normalisation of each channel of an (N, C, H, W) input over N, H and W: PyTorch's
 * {@code nn.BatchNorm2d}, with the same running statistics, momentum, eval mode and state-dict
 * keys ({@code weight}, {@code bias}, {@code running_mean}, {@code running_var},
 * {@code num_batches_tracked}) as {@link BatchNorm1d}.
 */
public class BatchNorm2d extends BatchNorm {

    /**
     * {@code nn.BatchNorm2d(num_features)}: eps 1e-5, momentum 0.1, affine, tracking running statistics.
     *
     * @param numFeatures channels (C)
     */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * {@code nn.BatchNorm2d(num_features, eps, momentum, affine, track_running_stats)}.
     *
     * @param numFeatures channels (C)
     * @param eps added to the variance
     * @param momentum weight of a new batch in the running statistics; null for a cumulative average
     * @param affine whether γ and β are learned
     * @param trackRunningStats whether running statistics are kept (and used in eval mode)
     */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats, 4);
    }
}
