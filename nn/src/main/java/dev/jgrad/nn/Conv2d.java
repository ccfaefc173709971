package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * A 2-D convolution over {@code (N, C, H, W)} (or unbatched {@code (C, H, W)}) inputs: PyTorch's
 * {@code nn.Conv2d}, printed as {@code Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))}.
 *
 * <pre>{@code
 * Conv2d conv = new Conv2d(1, 32, 3, ConvOptions.defaults().padding(1));  // nn.Conv2d(1, 32, 3, padding=1)
 * Tensor y = conv.call(x);                                               // (N, 32, H, W)
 * }</pre>
 */
public class Conv2d extends ConvNd {

    /**
     * {@code nn.Conv2d(in, out, kernel)}: square kernel, stride 1, no padding, with bias.
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernelSize the kernel's side
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize}, ConvOptions.defaults());
    }

    /**
     * {@code nn.Conv2d(in, out, kernel, stride, padding)}.
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernelSize the kernel's side
     * @param stride the step in both dims
     * @param padding zeros on every side
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(
                inChannels,
                outChannels,
                new int[] {kernelSize},
                ConvOptions.defaults().stride(stride).padding(padding));
    }

    /**
     * {@code nn.Conv2d(in, out, kernel, **options)}.
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernelSize the kernel's side
     * @param options stride, padding, dilation, groups, bias, padding mode, generator
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        this(inChannels, outChannels, new int[] {kernelSize}, options);
    }

    /**
     * {@code nn.Conv2d(in, out, (kH, kW), **options)}.
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernelSize {@code (kH, kW)}, or one value for both
     * @param options stride, padding, dilation, groups, bias, padding mode, generator
     * @throws IllegalArgumentException for settings PyTorch rejects
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, ConvOptions options) {
        super(2, inChannels, outChannels, kernelSize, options);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor padded = padForMode(input);
        if (padded != null) {
            return F.conv2d(padded, weight, bias, stride, new int[2], dilation, groups);
        }
        if (paddingString != null) {
            return F.conv2d(input, weight, bias, stride, paddingString, dilation, groups);
        }
        return F.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }
}
