package dev.jgrad.tensor;

/**
 * sort, argsort and topk (torch.sort / argsort / topk). The sort is stable and puts NaN after
 * every number ascending (first descending), as PyTorch's CPU sort; -0.0 and 0.0 tie.
 */
final class Sorting {
    private Sorting() {
    }

    static ValuesIndices<NDArray> sort(NDArray x, int dim, boolean descending) {
        int d = Shapes.wrapDim(dim, x.dim());
        NDArray indices = AlongDim.map(x, d, DType.INT64, (in, io, out, oo, len) -> {
            Integer[] order = new Integer[len];
            for (int i = 0; i < len; i++) {
                order[i] = i;
            }
            java.util.Comparator<Integer> ascending = x.dtype().isFloatingPoint()
                    ? (a, b) -> compareFloating(in.getD(io + a), in.getD(io + b))
                    : (a, b) -> Long.compare(in.getL(io + a), in.getL(io + b));
            java.util.Arrays.sort(order, descending ? ascending.reversed() : ascending);
            for (int i = 0; i < len; i++) {
                out.setL(oo + i, order[i]);
            }
        });
        NDArray values = x.dim() == 0 ? x.clone() : x.gather(d, indices);
        return new ValuesIndices<>("sort", values, indices);
    }

    /** Numbers in order, -0.0 equal to 0.0, NaN above everything (so that a reversed order puts it first). */
    private static int compareFloating(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        boolean na = a != a;
        boolean nb = b != b;
        return na == nb ? 0 : na ? 1 : -1;
    }

    static ValuesIndices<NDArray> topk(NDArray x, int k, int dim, boolean largest, boolean sorted) {
        int d = Shapes.wrapDim(dim, x.dim());
        int len = x.dim() == 0 ? 1 : x.shapeRef()[d];
        if (k < 0 || k > len) {
            throw new IllegalArgumentException("selected index k out of range");
        }
        ValuesIndices<NDArray> all = sort(x, d, largest);
        if (x.dim() == 0) {
            return new ValuesIndices<>("topk", all.values(), all.indices());
        }
        // sorted=false may return the k elements in any order; the sorted order is one of them.
        return new ValuesIndices<>("topk", all.values().narrow(d, 0, k).contiguous(),
                all.indices().narrow(d, 0, k).contiguous());
    }
}
