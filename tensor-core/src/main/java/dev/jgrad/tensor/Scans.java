package dev.jgrad.tensor;

/**
 * cumsum and cumprod (torch.cumsum / torch.cumprod): floating values accumulate in double and
 * are rounded once per output, as PyTorch's CPU kernels do; integers and bool accumulate in int64.
 */
final class Scans {
    private Scans() {}

    static NDArray cumsum(NDArray x, int dim) {
        return scan(x, dim, false);
    }

    static NDArray cumprod(NDArray x, int dim) {
        return scan(x, dim, true);
    }

    private static NDArray scan(NDArray x, int dim, boolean product) {
        boolean floating = x.dtype().isFloatingPoint();
        DType outType = floating ? x.dtype() : DType.INT64;
        return AlongDim.map(x, dim, outType, (in, io, out, oo, len) -> {
            if (floating) {
                double acc = product ? 1 : 0;
                for (int i = 0; i < len; i++) {
                    acc = product ? acc * in.getD(io + i) : acc + in.getD(io + i);
                    out.setD(oo + i, acc);
                }
            } else {
                long acc = product ? 1 : 0;
                for (int i = 0; i < len; i++) {
                    acc = product ? acc * in.getL(io + i) : acc + in.getL(io + i);
                    out.setL(oo + i, acc);
                }
            }
        });
    }

    /**
     * The gradient of cumprod for the input x along dim, given the output's gradient g: with
     * S_i = g_i + x_(i+1) S_(i+1) from the end, grad_i = (x_0 ... x_(i-1)) S_i. No division, so zeros
     * in x are fine (PyTorch's cumprod_backward handles them with a special case).
     */
    static NDArray cumprodBackward(NDArray g, NDArray x, int dim) {
        if (!java.util.Arrays.equals(g.shapeRef(), x.shapeRef())) {
            throw new IllegalArgumentException("cumprod backward: grad shape " + Shapes.str(g.shapeRef())
                    + " differs from the input's " + Shapes.str(x.shapeRef()));
        }
        DType t = DType.promote(g.dtype(), x.dtype());
        int d = Shapes.wrapDim(dim, x.dim());
        NDArray gm = AlongDim.lastDim(g.to(t), d);
        NDArray xm = AlongDim.lastDim(x.to(t), d);
        NDArray out = NDArray.empty(t, gm.shapeRef());
        int len = gm.shapeRef()[gm.dim() - 1];
        Access ga = Access.of(gm.storage());
        Access xa = Access.of(xm.storage());
        Access o = Access.of(out.storage());
        double[] suffix = new double[len];
        for (int line = 0; len > 0 && line < gm.numel() / len; line++) {
            int go = gm.storageOffset() + line * len;
            int xo = xm.storageOffset() + line * len;
            double s = 0;
            for (int i = len - 1; i >= 0; i--) {
                s = ga.getD(go + i) + (i + 1 < len ? xa.getD(xo + i + 1) * s : 0);
                suffix[i] = s;
            }
            double prefix = 1;
            for (int i = 0; i < len; i++) {
                o.setD(line * len + i, prefix * suffix[i]);
                prefix *= xa.getD(xo + i);
            }
        }
        return AlongDim.back(out, x.dim(), d);
    }
}
