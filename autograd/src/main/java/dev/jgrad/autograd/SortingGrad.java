package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.ValuesIndices;

/** The derivatives of tensor-core's {@code Sorting} ops: sort and topk (argsort has none). */
final class SortingGrad {
    private SortingGrad() {}

    static ValuesIndices<Tensor> sort(Tensor a, int dim, boolean descending) {
        return selectAlong(a, a.data().sort(dim, descending), Dims.wrap(dim, a.dim()), "SortBackward0");
    }

    static ValuesIndices<Tensor> topk(Tensor a, int k, int dim, boolean largest, boolean sorted) {
        return selectAlong(a, a.data().topk(k, dim, largest, sorted), Dims.wrap(dim, a.dim()), "TopkBackward0");
    }

    /** The values' gradient goes back to the element each index names. */
    private static ValuesIndices<Tensor> selectAlong(Tensor a, ValuesIndices<NDArray> r, int dim, String name) {
        Tensor values = OpNode.apply(name, r.values(), a, n -> {
            int[] shape = n.inputShape(0);
            SavedValue si = n.save(r.indices());
            return g -> {
                if (shape.length == 0) {
                    return new NDArray[] {g};
                }
                NDArray grad = NDArray.zeros(g.dtype(), shape);
                grad.scatter_(dim, si.get(), g);
                return new NDArray[] {grad};
            };
        });
        return new ValuesIndices<>(r.op(), values, Tensor.of(r.indices()));
    }
}
