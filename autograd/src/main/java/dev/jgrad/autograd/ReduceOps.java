package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.ValuesIndices;

/** Reductions, each with its derivative. */
final class ReduceOps {
    private ReduceOps() {}

    static Tensor sum(Tensor a) {
        NDArray out = a.data().sum();
        OpNode n = OpNode.record("SumBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] shape = a.data().shape().toArray();
        return n.finish(out, g -> new NDArray[] {g.expand(shape)});
    }

    static Tensor sum(Tensor a, int[] dims, boolean keepdim) {
        NDArray out = a.data().sum(dims, keepdim);
        OpNode n = OpNode.record("SumBackward1", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] shape = a.data().shape().toArray();
        int[] sorted = Dims.wrapAll(dims, shape.length);
        return n.finish(
                out, g -> new NDArray[] {Dims.keepDims(g, sorted, shape.length).expand(shape)});
    }

    static Tensor mean(Tensor a) {
        NDArray out = a.data().mean();
        OpNode n = OpNode.record("MeanBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] shape = a.data().shape().toArray();
        double count = a.data().numel();
        return n.finish(out, g -> new NDArray[] {g.div(count).expand(shape)});
    }

    static Tensor mean(Tensor a, int[] dims, boolean keepdim) {
        NDArray out = a.data().mean(dims, keepdim);
        OpNode n = OpNode.record("MeanBackward1", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] shape = a.data().shape().toArray();
        int[] sorted = Dims.wrapAll(dims, shape.length);
        double count = Dims.reducedCount(shape, sorted);
        return n.finish(out, g ->
                new NDArray[] {Dims.keepDims(g.div(count), sorted, shape.length).expand(shape)});
    }

    static Tensor prod(Tensor a) {
        NDArray out = a.data().prod();
        OpNode n = OpNode.record("ProdBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        SavedValue so = n.save(out);
        return n.finish(out, g -> {
            NDArray x = sa.get();
            NDArray zeros = x.eq(0);
            NDArray safe = NDArray.where(zeros, NDArray.scalar(1, x.dtype()), x);
            return new NDArray[] {prodGrad(x, so.get(), g, zeros, zeros.sum(), safe.prod())};
        });
    }

    static Tensor prod(Tensor a, int dim, boolean keepdim) {
        NDArray out = a.data().prod(dim, keepdim);
        OpNode n = OpNode.record("ProdBackward1", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int ndim = a.data().dim();
        int d = Dims.wrap(dim, ndim);
        int[] dims = {d};
        SavedValue sa = n.save(a);
        SavedValue so = n.save(out);
        return n.finish(out, g -> {
            NDArray x = sa.get();
            NDArray zeros = x.eq(0);
            NDArray safe = NDArray.where(zeros, NDArray.scalar(1, x.dtype()), x);
            return new NDArray[] {
                prodGrad(
                        x,
                        Dims.keepDims(so.get(), dims, ndim),
                        Dims.keepDims(g, dims, ndim),
                        zeros,
                        zeros.sum(dims, true),
                        safe.prod(d, true))
            };
        });
    }

    /**
     * d prod / dx_i is the product of the other elements: out / x_i when the slice has no zero; at
     * the single zero of a slice, the product of the rest; 0 everywhere else.
     */
    private static NDArray prodGrad(
            NDArray x, NDArray out, NDArray g, NDArray isZero, NDArray zeroCount, NDArray productOfNonZeros) {
        NDArray z = PointwiseOps.zero(g);
        NDArray noZero = g.mul(out.div(x));
        NDArray oneZero = NDArray.where(isZero, g.mul(productOfNonZeros), z);
        return NDArray.where(zeroCount.eq(0), noZero, NDArray.where(zeroCount.eq(1), oneZero, z));
    }

    /** max() and min() over everything: tied extremes share the gradient equally, as in PyTorch. */
    static Tensor extreme(Tensor a, boolean max) {
        NDArray out = max ? a.data().max() : a.data().min();
        OpNode n = OpNode.record(max ? "MaxBackward1" : "MinBackward1", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        SavedValue so = n.save(out);
        return n.finish(out, g -> {
            NDArray x = sa.get();
            NDArray v = so.get();
            NDArray mask = x.eq(v).logicalOr(x.ne(x).logicalAnd(v.ne(v))).to(g.dtype());
            return new NDArray[] {mask.mul(g.div(mask.sum()))};
        });
    }

    /** max(dim) and min(dim): the gradient goes to the element each index names. */
    static ValuesIndices<Tensor> extreme(Tensor a, int dim, boolean keepdim, boolean max) {
        ValuesIndices<NDArray> r = max ? a.data().max(dim, keepdim) : a.data().min(dim, keepdim);
        String op = max ? "max" : "min";
        Tensor indices = Tensor.of(r.indices());
        OpNode n = OpNode.record(max ? "MaxBackward0" : "MinBackward0", a);
        if (n == null) {
            return new ValuesIndices<>(op, Tensor.of(r.values()), indices);
        }
        int[] shape = a.data().shape().toArray();
        int d = Dims.wrap(dim, shape.length);
        SavedValue si = n.save(r.indices());
        Tensor values = n.finish(r.values(), g -> {
            if (shape.length == 0) {
                return new NDArray[] {g};
            }
            NDArray idx = keepdim ? si.get() : si.get().unsqueeze(d);
            NDArray gk = keepdim ? g : g.unsqueeze(d);
            NDArray grad = NDArray.zeros(g.dtype(), shape);
            grad.scatter_(d, idx, gk);
            return new NDArray[] {grad};
        });
        return new ValuesIndices<>(op, values, indices);
    }

    /** var and std over everything ({@code dim == null}) or one dim. */
    static Tensor variance(Tensor a, Integer dim, boolean unbiased, boolean keepdim, boolean std) {
        NDArray x0 = a.data();
        NDArray out;
        if (dim == null) {
            out = std ? x0.std() : x0.var();
        } else {
            out = std ? x0.std(dim, unbiased, keepdim) : x0.var(dim, unbiased, keepdim);
        }
        OpNode n = OpNode.record(std ? "StdBackward0" : "VarBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int ndim = x0.dim();
        int[] dims = dim == null ? Dims.wrapAll(new int[0], ndim) : new int[] {Dims.wrap(dim, ndim)};
        double dof = Dims.reducedCount(x0.shape().toArray(), dims) - (unbiased ? 1 : 0);
        SavedValue sa = n.save(a);
        SavedValue so = std ? n.save(out) : null;
        return n.finish(out, g -> {
            NDArray x = sa.get();
            NDArray gk = Dims.keepDims(g, dims, ndim);
            if (std) {
                NDArray sd = Dims.keepDims(so.get(), dims, ndim);
                gk = NDArray.where(sd.eq(0), PointwiseOps.zero(gk), gk.div(sd.mul(2)));
            }
            NDArray mean = dim == null ? x.mean() : x.mean(dims, true);
            return new NDArray[] {gk.mul(2.0 / dof).mul(x.sub(mean))};
        });
    }

    static Tensor logsumexp(Tensor a, int dim, boolean keepdim) {
        NDArray out = a.data().logsumexp(dim, keepdim);
        OpNode n = OpNode.record("LogsumexpBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int ndim = a.data().dim();
        int[] dims = {Dims.wrap(dim, ndim)};
        SavedValue sa = n.save(a);
        SavedValue so = n.save(out);
        return n.finish(out, g -> new NDArray[] {
            Dims.keepDims(g, dims, ndim)
                    .mul(sa.get().sub(Dims.keepDims(so.get(), dims, ndim)).exp())
        });
    }
}
