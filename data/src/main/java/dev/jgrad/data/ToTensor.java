package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;

/**
 * torchvision's {@code ToTensor} for uint8 images: pixels become float32 in [0, 1]
 * ({@code x / 255}), and the image gets a channel dim: {@code H x W} becomes {@code 1 x H x W},
 * {@code H x W x C} becomes {@code C x H x W}. Other dtypes are only reshaped the same way, as
 * torchvision leaves non-byte arrays unscaled.
 */
public final class ToTensor implements Transform {

    /** The transform, {@code transforms.ToTensor()}; it has no settings. */
    public ToTensor() {}

    /**
     * The transform of a numpy-like array, as torchvision's takes an ndarray.
     *
     * @param image an {@code H x W} or {@code H x W x C} array, uint8 or other
     * @return as {@link #apply(Tensor)}
     * @throws IllegalArgumentException if the image is not 2-D or 3-D
     */
    public Tensor apply(NDArray image) {
        return apply(Tensor.of(image));
    }

    /**
     * One image to a {@code C x H x W} tensor.
     *
     * @param sample an {@code H x W} or {@code H x W x C} image, uint8 or other
     * @return a contiguous tensor of shape {@code 1 x H x W} or {@code C x H x W}: for uint8 input a
     *     new float32 one in [0, 1]; other dtypes keep their values and share the input's data when
     *     no copy is needed
     * @throws IllegalArgumentException if the image is not 2-D or 3-D
     */
    @Override
    public Tensor apply(Tensor sample) {
        return channelsFirst(sample.data(), false);
    }

    /**
     * A batch of images in one pass, the same as {@link #apply} on each and stacking.
     *
     * @param batch {@code N x H x W} or {@code N x H x W x C} images, uint8 or other
     * @return a contiguous tensor of shape {@code N x 1 x H x W} or {@code N x C x H x W}: for uint8
     *     input a new float32 one in [0, 1]; other dtypes keep their values and share the input's
     *     data when no copy is needed
     * @throws IllegalArgumentException if the batch is not 3-D or 4-D
     */
    @Override
    public Tensor applyBatch(Tensor batch) {
        return channelsFirst(batch.data(), true);
    }

    /**
     * {@code H x W} or {@code H x W x C} images, after a leading {@code N} dim for a batch, to
     * {@code (N x) C x H x W}, scaled as {@link #apply} says.
     */
    private Tensor channelsFirst(NDArray images, boolean batched) {
        int lead = batched ? 1 : 0;
        int dims = images.dim() - lead;
        if (dims == 2) {
            return Tensor.of(scale(images.unsqueeze(lead)));
        }
        if (dims == 3) {
            return Tensor.of(scale(batched ? images.permute(0, 3, 1, 2) : images.permute(2, 0, 1)));
        }
        throw new IllegalArgumentException("pic should be 2/3 dimensional. Got " + dims + " dimensions.");
    }

    /**
     * uint8 to float32, then an in-place division by 255: the same correctly rounded
     * {@code b / 255f} as torchvision, in two vectorised passes over a fresh contiguous array.
     */
    static NDArray scale(NDArray image) {
        if (image.dtype() != DType.UINT8) {
            return image.contiguous();
        }
        return image.to(DType.FLOAT32).div_(255);
    }

    @Override
    public String toString() {
        return "ToTensor()";
    }
}
