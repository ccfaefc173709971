package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.Arrays;

/**
 * torchvision's {@code Normalize(mean, std)}: {@code (x - mean[c]) / std[c]} for each channel
 * {@code c} of a float image of shape {@code (..., C, H, W)}, so a batch is normalized the same
 * way as one image. A single mean or std applies to every channel.
 */
public final class Normalize implements Transform {

    private final double[] mean;
    private final double[] std;
    private final NDArray meanColumn;
    private final NDArray stdColumn;

    /**
     * A Normalize with per-channel means and standard deviations, {@code Normalize(mean, std)}. They
     * are used as float32, as torchvision converts them to the image's dtype.
     *
     * @param mean one mean per channel, or one for every channel; copied
     * @param std one standard deviation per channel, or one for every channel; copied
     * @throws IllegalArgumentException if either is empty, or a std is 0 as a float32
     */
    public Normalize(double[] mean, double[] std) {
        if (mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException("Normalize: mean and std must have at least one value");
        }
        for (double s : std) {
            if ((float) s == 0f) {
                throw new IllegalArgumentException(
                        "std evaluated to zero after conversion to torch.float32, leading to division by zero.");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.meanColumn = column(mean);
        this.stdColumn = column(std);
    }

    /**
     * One mean and std for every channel, {@code Normalize((mean,), (std,))}.
     *
     * @param mean the mean
     * @param std the standard deviation
     * @throws IllegalArgumentException if {@code std} is 0 as a float32
     */
    public Normalize(double mean, double std) {
        this(new double[] {mean}, new double[] {std});
    }

    private static NDArray column(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return NDArray.wrap(f, values.length, 1, 1);
    }

    /**
     * {@code (x - mean[c]) / std[c]} for each channel {@code c}.
     *
     * @param sample a floating-point image of shape {@code (..., C, H, W)}; a batch works too
     * @return a new tensor of the input's shape (float32 means and stds promote with its dtype)
     * @throws IllegalArgumentException if the image is not floating-point, has fewer than 3 dims, or
     *     its channel count doesn't broadcast with the number of means and stds
     */
    @Override
    public Tensor apply(Tensor sample) {
        NDArray x = sample.data();
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Input tensor should be a float tensor. Got torch."
                    + x.dtype().pyName() + ".");
        }
        if (x.dim() < 3) {
            throw new IllegalArgumentException(
                    "Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = " + x.shape());
        }
        return Tensor.of(x.sub(meanColumn).div(stdColumn));
    }

    /**
     * The same as {@link #apply}, which already takes leading batch dims.
     *
     * @param batch floating-point images of shape {@code (N, C, H, W)}
     * @return a new tensor of the batch's shape
     * @throws IllegalArgumentException as {@link #apply} does
     */
    @Override
    public Tensor applyBatch(Tensor batch) {
        return apply(batch);
    }

    @Override
    public String toString() {
        return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
