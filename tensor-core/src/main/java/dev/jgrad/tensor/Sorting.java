package dev.jgrad.tensor;

/**
 * sort, argsort and topk (torch.sort / argsort / topk). The sort is stable and puts NaN after
 * every number ascending (first descending), as PyTorch's CPU sort; -0.0 and 0.0 tie.
 */
final class Sorting {
    private Sorting() {}

    static ValuesIndices<NDArray> sort(NDArray x, int dim, boolean descending) {
        int d = Shapes.wrapDim(dim, x.dim());
        boolean packable = x.dtype() != DType.FLOAT64 && x.dtype() != DType.INT64;
        NDArray indices = AlongDim.map(x, d, DType.INT64, (in, io, out, oo, len) -> {
            if (packable) {
                sortPacked(x.dtype() == DType.FLOAT32, descending, in, io, out, oo, len);
                return;
            }
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

    /**
     * Values of at most 32 bits (float32, int32, uint8, bool): each element becomes one long, an
     * order-preserving 32-bit key above its index, so that a primitive sort of the longs is a
     * stable sort of the values. Float keys: -0.0 as 0.0, every NaN as one NaN above +inf, and the
     * sign-magnitude bits turned into an unsigned-comparable order. Descending flips the key bits.
     */
    private static void sortPacked(
            boolean floating, boolean descending, Access in, int io, Access out, int oo, int len) {
        long[] keys = new long[len];
        for (int i = 0; i < len; i++) {
            int k;
            if (floating) {
                float v = (float) in.getD(io + i);
                int bits = v != v ? 0x7FC00000 : v == 0f ? 0 : Float.floatToRawIntBits(v);
                k = bits < 0 ? ~bits : bits | 0x80000000;
            } else {
                k = (int) in.getL(io + i) ^ 0x80000000;
            }
            long key = Integer.toUnsignedLong(descending ? ~k : k);
            keys[i] = key << 32 | i;
        }
        // the keys are unsigned 32-bit values shifted up: compare them as unsigned longs
        for (int i = 0; i < len; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
        java.util.Arrays.sort(keys);
        for (int i = 0; i < len; i++) {
            out.setL(oo + i, (int) keys[i]);
        }
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
        return new ValuesIndices<>(
                "topk",
                all.values().narrow(d, 0, k).contiguous(),
                all.indices().narrow(d, 0, k).contiguous());
    }
}
