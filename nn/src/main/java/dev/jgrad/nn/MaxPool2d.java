package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.ValuesIndices;

/**
 * Max pooling over 2-D windows: PyTorch's {@code nn.MaxPool2d}, printed as
 * {@code MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)}. Settings given
 * as one int print as an int, pairs as a tuple, as PyTorch keeps what it was given.
 */
public class MaxPool2d extends Module {
    /** The window, one value or {@code (kH, kW)}. */
    public final int[] kernelSize;
    /** The step, one value or {@code (sH, sW)}; the kernel size by default. */
    public final int[] stride;
    /** Padding (-inf) on each side, one value or {@code (pH, pW)}. */
    public final int[] padding;
    /** The gap between taps, one value or {@code (dH, dW)}. */
    public final int[] dilation;
    /** Whether {@link #forward} is replaced by {@link #forwardWithIndices}. */
    public final boolean returnIndices;
    /** Round the output size up. */
    public final boolean ceilMode;

    /**
     * {@code nn.MaxPool2d(kernel_size)}: stride = kernel size.
     *
     * @param kernelSize the window's side
     */
    public MaxPool2d(int kernelSize) {
        this(new int[] {kernelSize}, new int[] {kernelSize}, new int[] {0}, new int[] {1}, false, false);
    }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride, padding)}.
     *
     * @param kernelSize the window's side
     * @param stride the step
     * @param padding -inf padding on each side
     */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1}, false, false);
    }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, return_indices, ceil_mode)}.
     *
     * @param kernelSize one value or {@code (kH, kW)}
     * @param stride one value or {@code (sH, sW)}; null or empty for the kernel size
     * @param padding one value or {@code (pH, pW)}
     * @param dilation one value or {@code (dH, dW)}
     * @param returnIndices also return where each maximum was ({@link #forwardWithIndices})
     * @param ceilMode round the output size up
     */
    public MaxPool2d(
            int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean returnIndices, boolean ceilMode) {
        F.pair(kernelSize, "kernel_size");
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null || stride.length == 0 ? kernelSize.clone() : stride.clone();
        F.pair(this.stride, "stride");
        this.padding = padding.clone();
        F.pair(padding, "padding");
        this.dilation = dilation.clone();
        F.pair(dilation, "dilation");
        this.returnIndices = returnIndices;
        this.ceilMode = ceilMode;
    }

    /**
     * The maxima; a layer built with {@code returnIndices} needs {@link #forwardWithIndices} instead.
     *
     * @throws IllegalStateException when built with {@code returnIndices = true}
     */
    @Override
    public Tensor forward(Tensor input) {
        if (returnIndices) {
            throw new IllegalStateException(
                    "MaxPool2d(return_indices=True) returns values and indices: call " + "forwardWithIndices(input)");
        }
        return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * The maxima and where each was found (flat index {@code h*W + w} within its plane, int64).
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @return values and indices
     */
    public ValuesIndices<Tensor> forwardWithIndices(Tensor input) {
        return F.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + show(kernelSize) + ", stride=" + show(stride) + ", padding=" + show(padding)
                + ", dilation=" + show(dilation) + ", ceil_mode=" + Py.bool(ceilMode);
    }

    /** An int as PyTorch keeps it: a plain number when given as one, a tuple when given as a pair. */
    static String show(int[] v) {
        return v.length == 1 ? Integer.toString(v[0]) : ConvNd.tuple(v);
    }
}
