package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.ValuesIndices;

/** The derivatives of tensor-core's {@code Reductions}: sum, mean, prod, max and min; any and all have none. */
final class ReductionsGrad {
    private ReductionsGrad() {}

    static Tensor sum(Tensor a) {
        return OpNode.apply("SumBackward0", a.data().sum(), a, SUM);
    }

    private static final OpNode.Rule SUM = n -> {
        int[] shape = n.inputShape(0);
        return g -> new NDArray[] {g.expand(shape)};
    };

    static Tensor sum(Tensor a, int[] dims, boolean keepdim) {
        return OpNode.apply("SumBackward1", a.data().sum(dims, keepdim), a, n -> {
            int[] shape = n.inputShape(0);
            int[] sorted = Dims.wrapAll(dims, shape.length);
            return g -> new NDArray[] {Dims.keepDims(g, sorted, shape.length).expand(shape)};
        });
    }

    static Tensor mean(Tensor a) {
        return OpNode.apply("MeanBackward0", a.data().mean(), a, MEAN);
    }

    private static final OpNode.Rule MEAN = n -> {
        int[] shape = n.inputShape(0);
        double count = n.input(0).data().numel();
        return g -> new NDArray[] {g.div(count).expand(shape)};
    };

    static Tensor mean(Tensor a, int[] dims, boolean keepdim) {
        return OpNode.apply("MeanBackward1", a.data().mean(dims, keepdim), a, n -> {
            int[] shape = n.inputShape(0);
            int[] sorted = Dims.wrapAll(dims, shape.length);
            double count = Dims.reducedCount(shape, sorted);
            return g -> new NDArray[] {
                Dims.keepDims(g.div(count), sorted, shape.length).expand(shape)
            };
        });
    }

    static Tensor prod(Tensor a) {
        return OpNode.apply("ProdBackward0", a.data().prod(), a, n -> prodDerivative(n, null));
    }

    static Tensor prod(Tensor a, int dim, boolean keepdim) {
        return OpNode.apply("ProdBackward1", a.data().prod(dim, keepdim), a, n -> prodDerivative(n, dim));
    }

    /** The derivative of prod over everything ({@code dim} null) or over one dim. */
    private static Derivative prodDerivative(OpNode n, Integer dim) {
        int ndim = n.input(0).data().dim();
        int d = dim == null ? 0 : Dims.wrap(dim, ndim);
        int[] dims = {d};
        SavedValue sa = n.save(0);
        SavedValue so = n.saveOutput();
        return g -> {
            NDArray x = sa.get();
            NDArray zeros = x.eq(0);
            NDArray safe = NDArray.where(zeros, NDArray.scalar(1, x.dtype()), x);
            if (dim == null) {
                return new NDArray[] {prodGrad(x, so.get(), g, zeros, zeros.sum(), safe.prod())};
            }
            return new NDArray[] {
                prodGrad(
                        x,
                        Dims.keepDims(so.get(), dims, ndim),
                        Dims.keepDims(g, dims, ndim),
                        zeros,
                        zeros.sum(dims, true),
                        safe.prod(d, true))
            };
        };
    }

    /**
     * d prod / dx_i is the product of the other elements: out / x_i when the slice has no zero; at the single zero of
     * a slice, the product of the rest; 0 everywhere else.
     */
    private static NDArray prodGrad(
            NDArray x, NDArray out, NDArray g, NDArray isZero, NDArray zeroCount, NDArray productOfNonZeros) {
        NDArray z = ElementwiseGrad.zero(g);
        NDArray noZero = g.mul(out.div(x));
        NDArray oneZero = NDArray.where(isZero, g.mul(productOfNonZeros), z);
        return NDArray.where(zeroCount.eq(0), noZero, NDArray.where(zeroCount.eq(1), oneZero, z));
    }

    /** max() and min() over everything: tied extremes share the gradient equally, as in PyTorch. */
    static Tensor extreme(Tensor a, boolean max) {
        NDArray out = max ? a.data().max() : a.data().min();
        return OpNode.apply(max ? "MaxBackward1" : "MinBackward1", out, a, EXTREME);
    }

    private static final OpNode.Rule EXTREME = n -> {
        SavedValue sa = n.save(0);
        SavedValue so = n.saveOutput();
        return g -> {
            NDArray x = sa.get();
            NDArray v = so.get();
            NDArray mask = x.eq(v).logicalOr(x.ne(x).logicalAnd(v.ne(v))).to(g.dtype());
            return new NDArray[] {mask.mul(g.div(mask.sum()))};
        };
    };

    /** max(dim) and min(dim): the gradient goes to the element each index names. */
    static ValuesIndices<Tensor> extreme(Tensor a, int dim, boolean keepdim, boolean max) {
        ValuesIndices<NDArray> r = max ? a.data().max(dim, keepdim) : a.data().min(dim, keepdim);
        Tensor values = OpNode.apply(max ? "MaxBackward0" : "MinBackward0", r.values(), a, n -> {
            int[] shape = n.inputShape(0);
            int d = Dims.wrap(dim, shape.length);
            SavedValue si = n.save(r.indices());
            return g -> {
                if (shape.length == 0) {
                    return new NDArray[] {g};
                }
                NDArray idx = keepdim ? si.get() : si.get().unsqueeze(d);
                NDArray gk = keepdim ? g : g.unsqueeze(d);
                NDArray grad = NDArray.zeros(g.dtype(), shape);
                grad.scatter_(d, idx, gk);
                return new NDArray[] {grad};
            };
        });
        return new ValuesIndices<>(max ? "max" : "min", values, Tensor.of(r.indices()));
    }

    /** any and all are not differentiable: bool results. */
    static Tensor bool(NDArray out) {
        if (out.dtype() != DType.BOOL) {
            throw new IllegalStateException("expected a bool result, got " + out.dtype());
        }
        return Tensor.of(out);
    }
}
