package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.ValuesIndices;

/** sort, topk, cumsum, cumprod, norm, maskedFill, tril/triu, flip and repeat, each with its derivative. */
final class ShapeOrderOps {
    private ShapeOrderOps() {}

    /** sort and topk: the values' gradient goes back to the element each index names. */
    static ValuesIndices<Tensor> selectAlong(Tensor a, ValuesIndices<NDArray> r, int dim, String backwardName) {
        Tensor indices = Tensor.of(r.indices());
        OpNode n = OpNode.record(backwardName, a);
        if (n == null) {
            return new ValuesIndices<>(r.op(), Tensor.of(r.values()), indices);
        }
        int[] shape = a.data().shape().toArray();
        SavedValue si = n.save(r.indices());
        Tensor values = n.finish(r.values(), g -> {
            if (shape.length == 0) {
                return new NDArray[] {g};
            }
            NDArray grad = NDArray.zeros(g.dtype(), shape);
            grad.scatter_(dim, si.get(), g);
            return new NDArray[] {grad};
        });
        return new ValuesIndices<>(r.op(), values, indices);
    }

    static Tensor cumsum(Tensor a, int d) {
        NDArray out = a.data().cumsum(d);
        int dim = Dims.wrap(d, a.dim());
        OpNode n = OpNode.record("CumsumBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        // the gradient of a running sum is the running sum from the end
        return n.finish(out, g ->
                new NDArray[] {g.dim() == 0 ? g : g.flip(dim).cumsum(dim).flip(dim)});
    }

    static Tensor cumprod(Tensor a, int d) {
        NDArray out = a.data().cumprod(d);
        int dim = Dims.wrap(d, a.dim());
        OpNode n = OpNode.record("CumprodBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> new NDArray[] {g.cumprodBackward(sa.get(), dim)});
    }

    /**
     * The p-norm over everything ({@code dim} null) or one dim. Its gradient is
     * g sign(x) |x|^(p-1) / norm^(p-1), 0 where the norm is 0; for p = +-inf the gradient is shared
     * evenly among the elements whose |x| equals the norm, as PyTorch's.
     */
    static Tensor norm(Tensor a, double p, Integer d, boolean keepdim) {
        NDArray out = d == null ? a.data().norm(p) : a.data().norm(p, d, keepdim);
        Integer dim = d == null ? null : Dims.wrap(d, a.dim());
        OpNode n = OpNode.record("LinalgVectorNormBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        SavedValue so = n.save(out);
        return n.finish(out, g -> {
            NDArray x = sa.get();
            NDArray norm = so.get();
            if (dim != null && !keepdim && x.dim() > 0) {
                g = g.unsqueeze(dim);
                norm = norm.unsqueeze(dim);
            }
            NDArray zero = NDArray.scalar(0, x.dtype());
            if (p == 0) {
                return new NDArray[] {NDArray.zerosLike(x)};
            }
            if (p == 1) {
                return new NDArray[] {x.sign().mul(g)};
            }
            if (Double.isInfinite(p)) {
                NDArray hit = x.abs().eq(norm).to(x.dtype());
                NDArray count = dim == null ? hit.sum() : hit.sum(dim, true);
                return new NDArray[] {x.sign().mul(hit).mul(g.div(count))};
            }
            NDArray scaled =
                    p == 2 ? x.div(norm) : x.sign().mul(x.abs().pow(p - 1)).div(norm.pow(p - 1));
            return new NDArray[] {NDArray.where(norm.eq(0), zero, scaled).mul(g)};
        });
    }

    static Tensor maskedFill(Tensor a, Tensor mask, double value) {
        NDArray out = a.data().maskedFill(mask.data(), value);
        OpNode n = OpNode.record("MaskedFillBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        NDArray m = mask.data();
        return n.finish(out, g -> new NDArray[] {g.maskedFill(m, 0)});
    }

    static Tensor triangle(Tensor a, int diagonal, boolean lower) {
        NDArray out = lower ? a.data().tril(diagonal) : a.data().triu(diagonal);
        OpNode n = OpNode.record(lower ? "TrilBackward0" : "TriuBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        return n.finish(out, g -> new NDArray[] {lower ? g.tril(diagonal) : g.triu(diagonal)});
    }

    static Tensor flip(Tensor a, int[] dims) {
        NDArray out = a.data().flip(dims);
        OpNode n = OpNode.record("FlipBackward0", a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g.flip(dims)});
    }

    /** The gradient of repeat adds up the tiles: g viewed as [r0, s0, r1, s1, ...], summed over the r dims. */
    static Tensor repeat(Tensor a, int[] sizes) {
        NDArray out = a.data().repeat(sizes);
        OpNode n = OpNode.record("RepeatBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] in = a.data().shape().toArray();
        int k = sizes.length;
        int[] tiles = new int[2 * k];
        int[] tileDims = new int[k];
        for (int i = 0; i < k; i++) {
            int size = i < k - in.length ? 1 : in[i - (k - in.length)];
            tiles[2 * i] = sizes[i];
            tiles[2 * i + 1] = size;
            tileDims[i] = 2 * i;
        }
        return n.finish(
                out, g -> new NDArray[] {g.reshape(tiles).sum(tileDims, false).reshape(in)});
    }

    /** any and all are not differentiable: bool results. */
    static Tensor bool(NDArray out) {
        if (out.dtype() != DType.BOOL) {
            throw new IllegalStateException("expected a bool result, got " + out.dtype());
        }
        return Tensor.of(out);
    }
}
