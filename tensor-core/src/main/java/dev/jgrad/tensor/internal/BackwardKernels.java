package dev.jgrad.tensor.internal;

import dev.jgrad.tensor.NDArray;
import java.lang.reflect.Constructor;

/**
 * tensor-core's fused backward kernels, for autograd: one-pass gradients of ReLU and logSoftmax
 * (PyTorch's {@code threshold_backward} and {@code _log_softmax_backward_data}). Not jgrad's API:
 * the module exports this package to {@code dev.jgrad.autograd} alone, so NDArray doesn't carry
 * them. The kernels themselves live in {@code dev.jgrad.tensor} beside the code they share, in a
 * package-private class that this one loads by name, so that no public method can install another.
 */
public final class BackwardKernels {
    /** What {@code dev.jgrad.tensor} implements; nothing else implements it. */
    public interface Impl {
        /**
         * See {@link BackwardKernels#thresholdBackward}.
         *
         * @param grad the gradient of ReLU's output
         * @param input ReLU's input or output
         * @param threshold where the gradient stops
         * @return the gradient of ReLU's input
         */
        NDArray thresholdBackward(NDArray grad, NDArray input, double threshold);

        /**
         * See {@link BackwardKernels#logSoftmaxBackwardData}.
         *
         * @param grad the gradient of logSoftmax's output
         * @param output logSoftmax's output
         * @param dim the dim logSoftmax ran over
         * @return the gradient of logSoftmax's input
         */
        NDArray logSoftmaxBackwardData(NDArray grad, NDArray output, int dim);
    }

    private static final Impl IMPL = load("dev.jgrad.tensor.BackwardKernelsImpl");

    private BackwardKernels() {}

    /**
     * {@code grad} where {@code input > threshold}, else 0, broadcasting the two: the gradient of
     * ReLU, given its input or its output (PyTorch's {@code threshold_backward}). NaN in the input
     * passes the gradient, as in PyTorch. float32 runs in one pass, without the comparison's mask.
     *
     * @param grad the gradient of ReLU's output
     * @param input ReLU's input or output
     * @param threshold where the gradient stops (0 for ReLU)
     * @return the gradient of ReLU's input, of the broadcast shape and grad's dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public static NDArray thresholdBackward(NDArray grad, NDArray input, double threshold) {
        return IMPL.thresholdBackward(grad, input, threshold);
    }

    /**
     * The gradient of {@code logSoftmax(dim)} from its {@code output}:
     * {@code grad - exp(output) * grad.sum(dim, true)} (PyTorch's {@code _log_softmax_backward_data}).
     * Contiguous float32 over the last dim runs in one pass per row.
     *
     * @param grad the gradient of logSoftmax's output, of output's shape
     * @param output logSoftmax's output
     * @param dim the dim logSoftmax ran over (negative counts from the end)
     * @return the gradient of logSoftmax's input
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static NDArray logSoftmaxBackwardData(NDArray grad, NDArray output, int dim) {
        return IMPL.logSoftmaxBackwardData(grad, output, dim);
    }

    private static Impl load(String className) {
        try {
            Constructor<?> c = Class.forName(className).getDeclaredConstructor();
            // Same module (or the class path): reflection may open a package-private class here.
            c.setAccessible(true);
            return (Impl) c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("tensor-core is incomplete: cannot load " + className, e);
        }
    }
}
