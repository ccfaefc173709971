package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Averages over the windows that tile the input into a fixed output size: PyTorch's
 * {@code nn.AdaptiveAvgPool2d}, printed as {@code AdaptiveAvgPool2d(output_size=(5, 7))}.
 */
public class AdaptiveAvgPool2d extends Module {
    /** One value for both dims, or {@code (OH, OW)}. */
    public final int[] outputSize;

    /**
     * {@code nn.AdaptiveAvgPool2d(output_size)}.
     *
     * @param outputSize one value for both dims, or {@code (OH, OW)}
     */
    public AdaptiveAvgPool2d(int... outputSize) {
        F.pair(outputSize, "output_size");
        this.outputSize = outputSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return "output_size=" + MaxPool2d.show(outputSize);
    }
}
