package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.Arrays;

/**
 * Per-feature standardization fitted on training data, as Lab-07-1 does by hand:
 * {@code mu = x_train.mean(dim=0)}, {@code sigma = x_train.std(dim=0)}, then
 * {@code (x - mu) / sigma} for training and test data alike. A feature that is constant in the
 * training data has sigma 0; it is divided by 1 instead, so it becomes 0 rather than NaN.
 */
public final class Standardize implements Transform {

    private final Tensor mean;
    private final Tensor std;

    private Standardize(NDArray mean, NDArray std) {
        this.mean = Tensor.of(mean);
        this.std = Tensor.of(std);
    }

    /**
     * Fits the mean and (unbiased) std of each feature over dim 0 of {@code train}, as
     * {@code x_train.mean(dim=0)} and {@code x_train.std(dim=0)}.
     *
     * @param train training samples stacked along dim 0, at least 2 of them; integer data is
     *     converted to float32 first
     * @return the fitted transform
     * @throws IllegalArgumentException if {@code train} is 0-dim or has fewer than 2 samples
     */
    public static Standardize fit(Tensor train) {
        NDArray x = train.data();
        if (x.dim() < 1 || x.size(0) < 2) {
            throw new IllegalArgumentException(
                    "Standardize.fit needs at least 2 samples along dim 0, got shape " + x.shape());
        }
        if (!x.dtype().isFloatingPoint()) {
            x = x.toFloat();
        }
        NDArray mean = x.mean(0);
        NDArray std = x.std(0);
        std = NDArray.where(std.eq(0), NDArray.onesLike(std), std);
        return new Standardize(mean, std);
    }

    /**
     * The fitted per-feature mean.
     *
     * @return a tensor of the shape of one sample ({@code train}'s shape without dim 0)
     */
    public Tensor mean() {
        return mean;
    }

    /**
     * The fitted per-feature standard deviation, with zeros replaced by 1.
     *
     * @return a tensor of the shape of one sample
     */
    public Tensor std() {
        return std;
    }

    /**
     * {@code (x - mean) / std}; integer data is converted to float32 first.
     *
     * @param sample one sample of the fitted shape, or samples with leading dims (a batch)
     * @return a new tensor of the input's shape
     * @throws IllegalArgumentException if the input's trailing dims are not the fitted sample shape
     */
    @Override
    public Tensor apply(Tensor sample) {
        NDArray x = sample.data();
        NDArray m = mean.data();
        int[] shape = x.shape().toArray();
        int[] fitted = m.shape().toArray();
        if (shape.length < fitted.length
                || !Arrays.equals(fitted, Arrays.copyOfRange(shape, shape.length - fitted.length, shape.length))) {
            throw new IllegalArgumentException(
                    "Standardize was fitted on samples of shape " + m.shape() + " but got shape " + x.shape());
        }
        if (!x.dtype().isFloatingPoint()) {
            x = x.toFloat();
        }
        return Tensor.of(x.sub(m).div(std.data()));
    }

    /**
     * The same as {@link #apply}, which already takes leading batch dims.
     *
     * @param batch samples stacked along dim 0
     * @return a new tensor of the batch's shape
     * @throws IllegalArgumentException if the batch's trailing dims are not the fitted sample shape
     */
    @Override
    public Tensor applyBatch(Tensor batch) {
        return apply(batch);
    }

    @Override
    public String toString() {
        return "Standardize(features=" + mean.data().shape() + ")";
    }
}
