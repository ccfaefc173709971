package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;

/** The derivatives of tensor-core's {@code ShapeOps}: tril, triu, flip and repeat. */
final class ShapeOpsGrad {
    private ShapeOpsGrad() {}

    static Tensor triangle(Tensor a, int diagonal, boolean lower) {
        NDArray out = lower ? a.data().tril(diagonal) : a.data().triu(diagonal);
        return OpNode.apply(
                lower ? "TrilBackward0" : "TriuBackward0",
                out,
                a,
                n -> g -> new NDArray[] {lower ? g.tril(diagonal) : g.triu(diagonal)});
    }

    static Tensor flip(Tensor a, int[] dims) {
        return OpNode.apply("FlipBackward0", a.data().flip(dims), a, n -> g -> new NDArray[] {g.flip(dims)});
    }

    /** The gradient of repeat adds up the tiles: g viewed as [r0, s0, r1, s1, ...], summed over the r dims. */
    static Tensor repeat(Tensor a, int[] sizes) {
        return OpNode.apply("RepeatBackward0", a.data().repeat(sizes), a, n -> {
            int[] in = n.inputShape(0);
            int k = sizes.length;
            int[] tiles = new int[2 * k];
            int[] tileDims = new int[k];
            for (int i = 0; i < k; i++) {
                int size = i < k - in.length ? 1 : in[i - (k - in.length)];
                tiles[2 * i] = sizes[i];
                tiles[2 * i + 1] = size;
                tileDims[i] = 2 * i;
            }
            return g -> new NDArray[] {g.reshape(tiles).sum(tileDims, false).reshape(in)};
        });
    }
}
