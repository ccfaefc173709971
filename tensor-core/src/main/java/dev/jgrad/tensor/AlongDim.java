package dev.jgrad.tensor;

/**
 * Ops that work on whole lines along one dim (sort, cumsum, cumprod): the dim is moved last and
 * made contiguous, each line is handed to a {@link Line} function, and the result is moved back.
 */
final class AlongDim {
    private AlongDim() {}

    /** One line: {@code len} elements of {@code in} from {@code inOff}, written to {@code out} from {@code outOff}. */
    @FunctionalInterface
    interface Line {
        void apply(Access in, int inOff, Access out, int outOff, int len);
    }

    /**
     * {@code out} of dtype {@code outType} and x's shape, with {@code line} applied to every line
     * along {@code dim}; a 0-dim x is one line of one element.
     */
    static NDArray map(NDArray x, int dim, DType outType, Line line) {
        int d = Shapes.wrapDim(dim, x.dim());
        NDArray m = lastDim(x, d);
        NDArray out = NDArray.empty(outType, m.shapeRef());
        int len = m.shapeRef()[m.dim() - 1];
        Access in = Access.of(m.storage());
        Access o = Access.of(out.storage());
        int lines = len == 0 ? 0 : m.numel() / len;
        for (int i = 0; i < lines; i++) {
            line.apply(in, m.storageOffset() + i * len, o, i * len, len);
        }
        return back(out, x.dim(), d);
    }

    /** x with dim d moved last, contiguous; a 0-dim x as one element. */
    static NDArray lastDim(NDArray x, int d) {
        return x.dim() == 0 ? x.reshape(1) : x.movedim(d, -1).contiguous();
    }

    /** The inverse of {@link #lastDim}: the last dim moved back to d, contiguous, for an input of {@code ndim} dims. */
    static NDArray back(NDArray m, int ndim, int d) {
        return ndim == 0 ? m.reshape() : m.movedim(-1, d).contiguous();
    }
}
