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

    /** Fits the mean and (unbiased) std of each feature over dim 0 of {@code train}. */
    public static Standardize fit(Tensor train) {
        NDArray x = train.data();
        if (x.dim() < 1 || x.size(0) < 2) {
            throw new IllegalArgumentException("Standardize.fit needs at least 2 samples along dim 0, got shape " + x.shape());
        }
        if (!x.dtype().isFloatingPoint()) {
            x = x.toFloat();
        }
        NDArray mean = x.mean(0);
        NDArray std = x.std(0);
        std = NDArray.where(std.eq(0), NDArray.onesLike(std), std);
        return new Standardize(mean, std);
    }

    /** The fitted per-feature mean (the shape of one sample). */
    public Tensor mean() {
        return mean;
    }

    /** The fitted per-feature standard deviation, with zeros replaced by 1. */
    public Tensor std() {
        return std;
    }

    @Override
    public Tensor apply(Tensor sample) {
        NDArray x = sample.data();
        NDArray m = mean.data();
        int[] shape = x.shape().toArray();
        int[] fitted = m.shape().toArray();
        if (shape.length < fitted.length
                || !Arrays.equals(fitted, Arrays.copyOfRange(shape, shape.length - fitted.length, shape.length))) {
            throw new IllegalArgumentException("Standardize was fitted on samples of shape " + m.shape() + " but got shape " + x.shape());
        }
        if (!x.dtype().isFloatingPoint()) {
            x = x.toFloat();
        }
        return Tensor.of(x.sub(m).div(std.data()));
    }

    @Override
    public Tensor applyBatch(Tensor batch) {
        return apply(batch);
    }

    @Override
    public String toString() {
        return "Standardize(features=" + mean.data().shape() + ")";
    }
}
