package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Average pooling over 2-D windows: PyTorch's {@code nn.AvgPool2d}, printed as
 * {@code AvgPool2d(kernel_size=2, stride=2, padding=0)}.
 */
public class AvgPool2d extends Module {
    /** The window, one value or {@code (kH, kW)}. */
    public final int[] kernelSize;
    /** The step, one value or {@code (sH, sW)}; the kernel size by default. */
    public final int[] stride;
    /** Zero padding on each side, one value or {@code (pH, pW)}. */
    public final int[] padding;
    /** Round the output size up. */
    public final boolean ceilMode;
    /** Whether the zero padding counts in a window's divisor. */
    public final boolean countIncludePad;
    /** The divisor of every window when positive; 0 for PyTorch's None. */
    public final int divisorOverride;

    /**
     * {@code nn.AvgPool2d(kernel_size)}: stride = kernel size.
     *
     * @param kernelSize the window's side
     */
    public AvgPool2d(int kernelSize) {
        this(new int[] {kernelSize}, new int[] {kernelSize}, new int[] {0}, false, true, 0);
    }

    /**
     * {@code nn.AvgPool2d(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     *
     * @param kernelSize one value or {@code (kH, kW)}
     * @param stride one value or {@code (sH, sW)}; null or empty for the kernel size
     * @param padding one value or {@code (pH, pW)}
     * @param ceilMode round the output size up
     * @param countIncludePad count the zero padding in each window's divisor
     * @param divisorOverride when positive, the divisor of every window; 0 for none
     */
    public AvgPool2d(
            int[] kernelSize,
            int[] stride,
            int[] padding,
            boolean ceilMode,
            boolean countIncludePad,
            int divisorOverride) {
        F.pair(kernelSize, "kernel_size");
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null || stride.length == 0 ? kernelSize.clone() : stride.clone();
        F.pair(this.stride, "stride");
        F.pair(padding, "padding");
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + MaxPool2d.show(kernelSize) + ", stride=" + MaxPool2d.show(stride) + ", padding="
                + MaxPool2d.show(padding);
    }
}
