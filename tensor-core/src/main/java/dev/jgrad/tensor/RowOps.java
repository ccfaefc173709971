package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.Kernels;

/**
 * Ops that need a whole row along one dim at a time (two passes or a running maximum): var, std,
 * logsumexp, softmax and logSoftmax. The dim is moved last and made contiguous (a no-op when it
 * already is), and each row is computed in double.
 */
final class RowOps {
    private RowOps() {}

    @FunctionalInterface
    private interface RowReducer {
        double reduce(double[] row, int n);
    }

    @FunctionalInterface
    private interface RowMap {
        /** Replaces the row in place. */
        void map(double[] row, int n);
    }

    private static NDArray reduce(NDArray x, int d, boolean keepdim, RowReducer fn) {
        NDArray m = x.movedim(d, -1).contiguous();
        int len = x.dim() == 0 ? 1 : x.shapeRef()[d];
        int[] outer = java.util.Arrays.copyOf(m.shapeRef(), Math.max(0, m.dim() - 1));
        NDArray out = NDArray.empty(x.dtype(), outer);
        int rows = Shapes.numel(outer);
        Access o = Access.of(out.storage());
        int base = m.storageOffset();
        Parallel.parallelFor(0, rows, Math.max(1, (1 << 16) / Math.max(len, 1)), (r0, r1) -> {
            double[] buf = new double[len];
            for (int r = r0; r < r1; r++) {
                load(m.storage(), base + r * len, buf, len);
                o.setD(r, fn.reduce(buf, len));
            }
        });
        return keepdim && x.dim() > 0 ? out.unsqueeze(d) : out;
    }

    private static NDArray map(NDArray x, int d, RowMap fn) {
        NDArray m = x.movedim(d, -1).contiguous();
        int len = x.dim() == 0 ? 1 : x.shapeRef()[d];
        NDArray out = NDArray.empty(x.dtype(), m.shapeRef());
        int rows = len == 0 ? 0 : m.numel() / len;
        int base = m.storageOffset();
        Parallel.parallelFor(0, rows, Math.max(1, (1 << 14) / Math.max(len, 1)), (r0, r1) -> {
            double[] buf = new double[len];
            for (int r = r0; r < r1; r++) {
                load(m.storage(), base + r * len, buf, len);
                fn.map(buf, len);
                store(buf, out.storage(), r * len, len);
            }
        });
        return x.dim() == 0 ? out : out.movedim(-1, d).contiguous();
    }

    /** Reads a contiguous row of a floating storage into {@code buf}. */
    private static void load(Storage s, int off, double[] buf, int len) {
        if (s.dtype() == DType.FLOAT32) {
            float[] f = s.floats();
            for (int i = 0; i < len; i++) {
                buf[i] = f[off + i];
            }
        } else {
            System.arraycopy(s.doubles(), off, buf, 0, len);
        }
    }

    private static void store(double[] buf, Storage s, int off, int len) {
        if (s.dtype() == DType.FLOAT32) {
            float[] f = s.floats();
            for (int i = 0; i < len; i++) {
                f[off + i] = (float) buf[i];
            }
        } else {
            System.arraycopy(buf, 0, s.doubles(), off, len);
        }
    }

    private static void requireFloating(NDArray x, String op) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(
                    op + "(): input dtype should be either floating point or complex dtypes. Got "
                            + x.dtype().scalarTypeName() + " instead.");
        }
    }

    static NDArray var(NDArray x, Integer dim, boolean unbiased, boolean keepdim) {
        return moments(x, dim, unbiased, keepdim, false, "var");
    }

    static NDArray std(NDArray x, Integer dim, boolean unbiased, boolean keepdim) {
        return moments(x, dim, unbiased, keepdim, true, "std");
    }

    private static NDArray moments(NDArray x, Integer dim, boolean unbiased, boolean keepdim, boolean sqrt, String op) {
        requireFloating(x, op);
        if (dim == null) {
            return moments(x.reshape(-1), 0, unbiased, false, sqrt, op);
        }
        int d = Shapes.wrapDim(dim, x.dim());
        return reduce(x, d, keepdim, (row, n) -> {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += row[i];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double dv = row[i] - mean;
                ss += dv * dv;
            }
            double v = ss / (unbiased ? n - 1 : n);
            if (unbiased && n <= 1 || n == 0) {
                v = Double.NaN;
            }
            return sqrt ? Math.sqrt(v) : v;
        });
    }

    static NDArray logsumexp(NDArray x, int dim, boolean keepdim) {
        NDArray f = x.dtype().isFloatingPoint() ? x : x.to(DType.FLOAT32);
        int d = Shapes.wrapDim(dim, f.dim());
        return reduce(f, d, keepdim, RowOps::logsumexpRow);
    }

    private static double logsumexpRow(double[] row, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = row[i] > m || row[i] != row[i] ? row[i] : m;
        }
        if (Double.isInfinite(m) || m != m) {
            // All -inf gives -inf; any +inf gives +inf; NaN stays NaN: no shift can help.
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.exp(row[i]);
            }
            return Math.log(s);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(row[i] - m);
        }
        return m + Math.log(s);
    }

    static NDArray softmax(NDArray x, int dim, boolean log) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + (log ? "log_softmax" : "softmax") + "_lastdim_kernel_impl\" "
                    + "not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
        int d = Shapes.wrapDim(dim, x.dim());
        return map(x, d, (row, n) -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                m = Math.max(m, row[i]);
            }
            if (m == Double.NEGATIVE_INFINITY) {
                m = 0;
            }
            double s = 0;
            if (log) {
                for (int i = 0; i < n; i++) {
                    s += Math.exp(row[i] - m);
                }
                double shift = m + Math.log(s);
                for (int i = 0; i < n; i++) {
                    row[i] = row[i] - shift;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    row[i] = Math.exp(row[i] - m);
                    s += row[i];
                }
                for (int i = 0; i < n; i++) {
                    row[i] /= s;
                }
            }
        });
    }

    /**
     * The gradient of logSoftmax from its output y: {@code grad - exp(y) * grad.sum(dim, keepdim)}
     * (PyTorch's _log_softmax_backward_data). float32 rows along the last dim are done in place in
     * the result: exp(y) first, then one pass per row; each op rounds as the unfused formula's does.
     */
    static NDArray logSoftmaxBackward(NDArray grad, NDArray output, int dim) {
        int d = Shapes.wrapDim(dim, output.dim());
        boolean rows = grad.dtype() == DType.FLOAT32
                && output.dtype() == DType.FLOAT32
                && output.dim() > 0
                && d == output.dim() - 1
                && grad.isContiguous()
                && output.isContiguous()
                && java.util.Arrays.equals(grad.shapeRef(), output.shapeRef());
        if (!rows) {
            int[] dims = {d};
            return grad.sub(output.exp().mul(grad.sum(dims, true)));
        }
        NDArray out = output.exp();
        int len = output.shapeRef()[d];
        int n = len == 0 ? 0 : output.numel() / len;
        float[] g = grad.storage().floats();
        float[] o = out.storage().floats();
        int go = grad.storageOffset();
        Parallel.parallelFor(0, n, Math.max(1, (1 << 14) / Math.max(len, 1)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int gi = go + r * len;
                int oi = r * len;
                float s;
                if (len < Reductions.PYTORCH_SEQUENTIAL_FLOAT_SUM) {
                    s = 0f;
                    for (int i = 0; i < len; i++) {
                        s += g[gi + i];
                    }
                } else {
                    s = (float) Kernels.get().sum(len, g, gi, 1);
                }
                for (int i = 0; i < len; i++) {
                    o[oi + i] = g[gi + i] - o[oi + i] * s;
                }
            }
        });
        return out;
    }
}
