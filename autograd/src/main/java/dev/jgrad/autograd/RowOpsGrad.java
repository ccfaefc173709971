package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.internal.BackwardKernels;

/** The derivatives of tensor-core's {@code RowOps}: var, std, logsumexp, softmax and logSoftmax. */
final class RowOpsGrad {
    private RowOpsGrad() {}

    /** var and std over everything ({@code dim == null}) or one dim. */
    static Tensor variance(Tensor a, Integer dim, boolean unbiased, boolean keepdim, boolean std) {
        NDArray x0 = a.data();
        NDArray out;
        if (dim == null) {
            out = std ? x0.std() : x0.var();
        } else {
            out = std ? x0.std(dim, unbiased, keepdim) : x0.var(dim, unbiased, keepdim);
        }
        return OpNode.apply(std ? "StdBackward0" : "VarBackward0", out, a, n -> {
            int ndim = x0.dim();
            int[] dims = dim == null ? Dims.wrapAll(new int[0], ndim) : new int[] {Dims.wrap(dim, ndim)};
            double dof = Dims.reducedCount(x0.shape().toArray(), dims) - (unbiased ? 1 : 0);
            SavedValue sa = n.save(0);
            SavedValue so = std ? n.saveOutput() : null;
            return g -> {
                NDArray x = sa.get();
                NDArray gk = Dims.keepDims(g, dims, ndim);
                if (std) {
                    NDArray sd = Dims.keepDims(so.get(), dims, ndim);
                    gk = NDArray.where(sd.eq(0), ElementwiseGrad.zero(gk), gk.div(sd.mul(2)));
                }
                NDArray mean = dim == null ? x.mean() : x.mean(dims, true);
                return new NDArray[] {gk.mul(2.0 / dof).mul(x.sub(mean))};
            };
        });
    }

    static Tensor logsumexp(Tensor a, int dim, boolean keepdim) {
        return OpNode.apply("LogsumexpBackward0", a.data().logsumexp(dim, keepdim), a, n -> {
            int ndim = n.input(0).data().dim();
            int[] dims = {Dims.wrap(dim, ndim)};
            SavedValue sa = n.save(0);
            SavedValue so = n.saveOutput();
            return g -> new NDArray[] {
                Dims.keepDims(g, dims, ndim)
                        .mul(sa.get().sub(Dims.keepDims(so.get(), dims, ndim)).exp())
            };
        });
    }

    static Tensor softmax(Tensor a, int dim) {
        NDArray out = a.data().softmax(dim);
        return OpNode.apply("SoftmaxBackward0", out, a, n -> {
            int[] d = {Dims.wrap(dim, out.dim())};
            SavedValue so = n.saveOutput();
            return g -> {
                NDArray y = so.get();
                return new NDArray[] {y.mul(g.sub(g.mul(y).sum(d, true)))};
            };
        });
    }

    static Tensor logSoftmax(Tensor a, int dim) {
        NDArray out = a.data().logSoftmax(dim);
        return OpNode.apply("LogSoftmaxBackward0", out, a, n -> {
            int d = Dims.wrap(dim, out.dim());
            SavedValue so = n.saveOutput();
            return g -> new NDArray[] {BackwardKernels.logSoftmaxBackwardData(g, so.get(), d)};
        });
    }
}
