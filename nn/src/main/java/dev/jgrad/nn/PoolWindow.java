package dev.jgrad.nn;

/**
 * A 2-d pooling window as the kernels take it: kernel, stride, padding and dilation, each a
 * {@code (h, w)} pair. {@link #of} turns PyTorch's arguments (one value or a pair; the stride
 * defaulting to the kernel) into one, so that every pooling function reads them the same way.
 *
 * @param kernel the window's size
 * @param stride the step between windows
 * @param padding the implicit padding on each side
 * @param dilation the spacing of the window's elements
 */
record PoolWindow(int[] kernel, int[] stride, int[] padding, int[] dilation) {
    /**
     * The window of PyTorch's pooling arguments.
     *
     * @param kernelSize one value or {@code (kH, kW)}
     * @param stride one value or {@code (sH, sW)}; null or empty for the kernel size
     * @param padding one value or {@code (pH, pW)}
     * @param dilation one value or {@code (dH, dW)}
     * @return the window, every part a fresh pair
     * @throws IllegalArgumentException if a part is not one value or a pair
     */
    static PoolWindow of(int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        int[] k = F.pair(kernelSize, "kernel_size");
        return new PoolWindow(
                k,
                stride == null || stride.length == 0 ? k : F.pair(stride, "stride"),
                F.pair(padding, "padding"),
                F.pair(dilation, "dilation"));
    }
}
