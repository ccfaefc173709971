package dev.jgrad.tensor;

/** flip, repeat, tril and triu (torch.flip / Tensor.repeat / torch.tril / torch.triu), built from views and where. */
final class ShapeOps {
    private ShapeOps() {}

    /** A copy with the order of elements reversed along each of {@code dims}. */
    static NDArray flip(NDArray x, int... dims) {
        boolean[] seen = new boolean[Math.max(x.dim(), 1)];
        NDArray out = x;
        for (int dim : dims) {
            int d = Shapes.wrapDim(dim, x.dim());
            if (seen[d]) {
                throw new IllegalArgumentException("dim " + d + " appears multiple times in the list of dims");
            }
            seen[d] = true;
            if (x.dim() == 0) {
                continue;
            }
            int n = x.shapeRef()[d];
            out = out.indexSelect(d, NDArray.arange(n - 1, -1, -1, DType.INT64));
        }
        return out == x ? x.clone() : out;
    }

    /**
     * Tiles x {@code sizes[i]} times along dim i; x is first viewed with leading 1s to as many dims
     * as sizes has. As a view [1, s0, 1, s1, ...] expanded to [r0, s0, r1, s1, ...], then copied.
     */
    static NDArray repeat(NDArray x, int... sizes) {
        if (sizes.length < x.dim()) {
            throw new IllegalArgumentException(
                    "Number of dimensions of repeat dims can not be smaller than number of " + "dimensions of tensor");
        }
        int n = sizes.length;
        int[] padded = new int[n];
        java.util.Arrays.fill(padded, 1);
        System.arraycopy(x.shapeRef(), 0, padded, n - x.dim(), x.dim());
        int[] interleaved = new int[2 * n];
        int[] expanded = new int[2 * n];
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            if (sizes[i] < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + sizes[i] + ": "
                        + java.util.Arrays.toString(sizes));
            }
            interleaved[2 * i] = 1;
            interleaved[2 * i + 1] = padded[i];
            expanded[2 * i] = sizes[i];
            expanded[2 * i + 1] = padded[i];
            result[i] = sizes[i] * padded[i];
        }
        return x.reshape(interleaved).expand(expanded).contiguous().view(result);
    }

    /** Keeps the elements on and below (tril) or above (triu) diagonal k of the last two dims; zeros elsewhere. */
    static NDArray triangle(NDArray x, int k, boolean lower) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException(
                    (lower ? "tril" : "triu") + ": input tensor must have at least 2 dimensions");
        }
        int rows = x.shapeRef()[x.dim() - 2];
        int cols = x.shapeRef()[x.dim() - 1];
        NDArray offset =
                NDArray.arange(cols).view(1, cols).sub(NDArray.arange(rows).view(rows, 1));
        NDArray keep = lower ? offset.le(k) : offset.ge(k);
        return NDArray.where(keep, x, NDArray.scalar(0, x.dtype()));
    }
}
