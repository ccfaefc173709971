package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.internal.BackwardKernels;

/** softmax and logSoftmax, with PyTorch's backward formulas. */
final class SoftmaxOps {
    private SoftmaxOps() {}

    static Tensor softmax(Tensor a, int dim) {
        NDArray out = a.data().softmax(dim);
        OpNode n = OpNode.record("SoftmaxBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] d = {Dims.wrap(dim, out.dim())};
        SavedValue so = n.save(out);
        return n.finish(out, g -> {
            NDArray y = so.get();
            return new NDArray[] {y.mul(g.sub(g.mul(y).sum(d, true)))};
        });
    }

    static Tensor logSoftmax(Tensor a, int dim) {
        NDArray out = a.data().logSoftmax(dim);
        OpNode n = OpNode.record("LogSoftmaxBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int d = Dims.wrap(dim, out.dim());
        SavedValue so = n.save(out);
        return n.finish(out, g -> new NDArray[] {BackwardKernels.logSoftmaxBackwardData(g, so.get(), d)});
    }
}
