package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;

/** The derivative of tensor-core's {@code Norms}: the vector p-norm. */
final class NormsGrad {
    private NormsGrad() {}

    /**
     * The p-norm over everything ({@code dim} null) or one dim. Its gradient is g sign(x) |x|^(p-1) / norm^(p-1), 0
     * where the norm is 0; for p = +-inf the gradient is shared evenly among the elements whose |x| equals the norm,
     * as PyTorch's.
     */
    static Tensor norm(Tensor a, double p, Integer d, boolean keepdim) {
        NDArray out = d == null ? a.data().norm(p) : a.data().norm(p, d, keepdim);
        Integer dim = d == null ? null : Dims.wrap(d, a.dim());
        return OpNode.apply("LinalgVectorNormBackward0", out, a, n -> {
            SavedValue sa = n.save(0);
            SavedValue so = n.saveOutput();
            return g -> {
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
            };
        });
    }
}
