package dev.jgrad.tensor;

/** Vector p-norms (torch.norm / torch.linalg.vector_norm), built from the vectorised elementwise ops and sums. */
final class Norms {
    private Norms() {}

    /** The p-norm over all elements ({@code dims} null) or over dims. */
    static NDArray norm(NDArray x, double p, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("linalg.vector_norm: Expected a floating point or complex tensor as "
                    + "input. Got " + x.dtype().scalarTypeName());
        }
        if (Double.isNaN(p)) {
            throw new IllegalArgumentException("norm: the order p must not be NaN");
        }
        NDArray a = x.abs();
        if (Double.isInfinite(p)) {
            if (dims == null) {
                return p > 0 ? a.max() : a.min();
            }
            return (p > 0 ? a.max(dims[0], keepdim) : a.min(dims[0], keepdim)).values();
        }
        NDArray terms;
        if (p == 0) {
            terms = a.ne(0).to(x.dtype());
        } else if (p == 1) {
            terms = a;
        } else if (p == 2) {
            terms = x.mul(x);
        } else {
            terms = a.pow(p);
        }
        NDArray sum = dims == null ? terms.sum() : terms.sum(dims, keepdim);
        if (p == 0 || p == 1) {
            return sum;
        }
        return p == 2 ? sum.sqrt() : sum.pow(1 / p);
    }
}
