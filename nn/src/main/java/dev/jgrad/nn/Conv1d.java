package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * A 1-D convolution over {@code (N, C, L)} (or unbatched {@code (C, L)}) inputs: PyTorch's
 * {@code nn.Conv1d}, run on the same kernels as {@link Conv2d} with a height of 1.
 */
public class Conv1d extends ConvNd {

    /**
     * {@code nn.Conv1d(in, out, kernel)}: stride 1, no padding, with bias.
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernelSize the kernel's length
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults());
    }

    /**
     * {@code nn.Conv1d(in, out, kernel, **options)}.
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernelSize the kernel's length
     * @param options stride, padding, dilation, groups, bias, padding mode, generator
     * @throws IllegalArgumentException for settings PyTorch rejects
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        super(1, inChannels, outChannels, new int[] {kernelSize}, options);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor padded = padForMode(input);
        if (padded != null) {
            return F.conv1d(padded, weight, bias, stride[0], 0, dilation[0], groups);
        }
        if (paddingString != null) {
            return F.conv1d(input, weight, bias, stride[0], paddingString, dilation[0], groups);
        }
        return F.conv1d(input, weight, bias, stride[0], padding[0], dilation[0], groups);
    }
}
