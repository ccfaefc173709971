package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;

/** The derivatives of tensor-core's {@code Scans}: cumsum and cumprod. */
final class ScansGrad {
    private ScansGrad() {}

    static Tensor cumsum(Tensor a, int d) {
        NDArray out = a.data().cumsum(d);
        int dim = Dims.wrap(d, a.dim());
        // the gradient of a running sum is the running sum from the end
        return OpNode.apply(
                "CumsumBackward0",
                out,
                a,
                n -> g -> new NDArray[] {
                    g.dim() == 0 ? g : g.flip(dim).cumsum(dim).flip(dim)
                });
    }

    static Tensor cumprod(Tensor a, int d) {
        NDArray out = a.data().cumprod(d);
        int dim = Dims.wrap(d, a.dim());
        return OpNode.apply("CumprodBackward0", out, a, n -> {
            SavedValue sa = n.save(0);
            return g -> new NDArray[] {g.cumprodBackward(sa.get(), dim)};
        });
    }
}
