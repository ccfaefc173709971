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
public class BatchNorm1d extends BatchNorm {

    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected void checkInputDim(int dims) {
        if (dims != 2 && dims != 3) {
            throw new IllegalArgumentException("expected 2D or 3D input (got " + dims + "D input)");
        }
    }
}
