package dev.jgrad.tensor;

import dev.jgrad.tensor.internal.BackwardKernels;

/** The backward kernels that {@link BackwardKernels} hands to autograd; loaded by name from there. */
final class BackwardKernelsImpl implements BackwardKernels.Impl {
    private BackwardKernelsImpl() {}

    @Override
    public NDArray thresholdBackward(NDArray grad, NDArray input, double threshold) {
        return Elementwise.thresholdBackward(grad, input, threshold);
    }

    @Override
    public NDArray logSoftmaxBackwardData(NDArray grad, NDArray output, int dim) {
        return RowOps.logSoftmaxBackward(grad, output, dim);
    }
}
