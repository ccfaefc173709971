package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.DoubleOperand;
import dev.jgrad.tensor.kernel.FloatOperand;
import dev.jgrad.tensor.kernel.GemmRoute;
import dev.jgrad.tensor.kernel.Kernels;

/**
 * matmul and friends with PyTorch's shape rules and messages. Everything reduces to a batched
 * product [B, M, K] x [B, K, N]: float32 and float64 go to the GEMM kernels with their strides;
 * integers use contiguous row-major copies, split across threads by rows of the output (each
 * output row is computed the same way whatever the split).
 */
final class LinAlg {
    /** Multiply-adds per thread before a product is split (about a millisecond of scalar work). */
    private static final long GRAIN_FLOPS = 4_000_000L;

    private LinAlg() {}

    private static void sameDtype(NDArray a, NDArray b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected mat1 and mat2 to have the same dtype, but got: "
                    + a.dtype().cName() + " != " + b.dtype().cName()
                    + dtypeHint(a.dtype(), b.dtype()));
        }
    }

    /**
     * What to write instead, for the Java user who built one side from a {@code double[]} literal
     * (float64) and the other is float32, the dtype of layers' weights.
     */
    private static String dtypeHint(DType a, DType b) {
        if (a.isFloatingPoint() && b.isFloatingPoint()) {
            return ". Convert one side with .toFloat() or .toDouble(); note that tensor(double[]...) makes float64,"
                    + " tensor(float[]...) float32 (write 0.5f), and layers' weights are float32";
        }
        return ". Convert one side with .to(DType." + DType.promote(a, b).name() + ")";
    }

    private static IllegalArgumentException cannotMultiply(int m, int k, int k2, int n) {
        return new IllegalArgumentException(
                "mat1 and mat2 shapes cannot be multiplied (" + m + "x" + k + " and " + k2 + "x" + n + ")");
    }

    static NDArray mm(NDArray a, NDArray b) {
        if (a.dim() != 2) {
            throw new IllegalArgumentException("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix");
        }
        if (a.size(1) != b.size(0)) {
            throw cannotMultiply(a.size(0), a.size(1), b.size(0), b.size(1));
        }
        sameDtype(a, b);
        return batched(a.unsqueeze(0), b.unsqueeze(0)).squeeze(0);
    }

    static NDArray bmm(NDArray a, NDArray b) {
        if (a.dim() != 3) {
            throw new IllegalArgumentException("batch1 must be a 3D tensor");
        }
        if (b.dim() != 3) {
            throw new IllegalArgumentException("batch2 must be a 3D tensor");
        }
        if (b.size(0) != a.size(0) || b.size(1) != a.size(2)) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + a.size(0) + ", " + a.size(2) + "] but got: [" + b.size(0) + ", " + b.size(1) + "].");
        }
        sameDtype(a, b);
        return batched(a, b);
    }

    static NDArray dot(NDArray a, NDArray b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException(
                    "1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
        }
        if (a.numel() != b.numel()) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.numel() + "] and src ["
                    + b.numel() + "] to have the same number of elements, but got " + a.numel() + " and " + b.numel()
                    + " elements respectively");
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("dot : expected both vectors to have same dtype, but found "
                    + a.dtype().scalarTypeName() + " and " + b.dtype().scalarTypeName()
                    + dtypeHint(a.dtype(), b.dtype()));
        }
        return batched(a.view(1, 1, -1), b.view(1, -1, 1)).view();
    }

    static NDArray outer(NDArray a, NDArray b) {
        if (a.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument self, but got " + a.dim() + "-D");
        }
        if (b.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument vec2, but got " + b.dim() + "-D");
        }
        return a.unsqueeze(1).mul(b);
    }

    static NDArray matmul(NDArray a, NDArray b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException(
                    "both arguments to matmul need to be at least 1D, but they are " + da + "D and " + db + "D");
        }
        if (da == 1 && db == 1) {
            return dot(a, b);
        }
        if (da == 2 && db == 1) {
            if (a.size(1) != b.size(0)) {
                throw new IllegalArgumentException("size mismatch, got input (" + a.size(0) + "), mat (" + a.size(0)
                        + "x" + a.size(1) + "), vec (" + b.size(0) + ")");
            }
            sameDtype(a, b);
            return batched(a.unsqueeze(0), b.view(1, -1, 1)).view(-1);
        }
        if (da <= 2 && db == 2) {
            NDArray a2 = da == 1 ? a.unsqueeze(0) : a;
            if (a2.size(1) != b.size(0)) {
                throw cannotMultiply(a2.size(0), a2.size(1), b.size(0), b.size(1));
            }
            NDArray r = mm(a2, b);
            return da == 1 ? r.squeeze(0) : r;
        }
        NDArray a2 = da == 1 ? a.unsqueeze(0) : a;
        NDArray b2 = db == 1 ? b.unsqueeze(1) : b;
        int n = a2.size(-2);
        int k = a2.size(-1);
        int k2 = b2.size(-2);
        int p = b2.size(-1);
        int[] batchA = java.util.Arrays.copyOf(a2.shapeRef(), a2.dim() - 2);
        int[] batchB = java.util.Arrays.copyOf(b2.shapeRef(), b2.dim() - 2);
        int[] batch = Shapes.broadcast(batchA, batchB);
        int bn = Shapes.numel(batch);
        if (k != k2) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: [" + bn
                    + ", " + k + "] but got: [" + bn + ", " + k2 + "].");
        }
        sameDtype(a, b);
        int[] ea = concat(batch, n, k);
        int[] eb = concat(batch, k, p);
        NDArray r = batched(a2.expand(ea).reshape(bn, n, k), b2.expand(eb).reshape(bn, k, p));
        int[] outShape = concat(batch, n, p);
        NDArray out = r.view(outShape);
        if (da == 1) {
            out = out.squeeze(-2);
        }
        if (db == 1) {
            out = out.squeeze(-1);
        }
        return out;
    }

    private static int[] concat(int[] batch, int x, int y) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = x;
        s[batch.length + 1] = y;
        return s;
    }

    /** [B, M, K] x [B, K, N] -> [B, M, N] for two arrays of the same dtype. */
    static NDArray batched(NDArray a, NDArray b) {
        DType t = a.dtype();
        if (t == DType.BOOL) {
            throw new IllegalArgumentException("\"addmm_impl_cpu_\" not implemented for 'Bool'");
        }
        if (t == DType.INT32 || t == DType.UINT8) {
            // Integer products wrap modulo 2^bits whatever the accumulator width, so int64 gives the same result.
            return batched(a.to(DType.INT64), b.to(DType.INT64)).to(t);
        }
        if (t == DType.FLOAT32 || t == DType.FLOAT64) {
            return gemm(a, b);
        }
        NDArray ca = a.contiguous();
        NDArray cb = b.contiguous();
        int bs = a.size(0);
        int m = a.size(1);
        int k = a.size(2);
        int n = b.size(2);
        NDArray out = NDArray.empty(t, bs, m, n);
        if (k == 0 || out.numel() == 0) {
            return out;
        }
        int rows = bs * m;
        long perRow = 2L * k * n;
        int grain = (int) Math.max(1, Math.min(rows, GRAIN_FLOPS / Math.max(1, perRow)));
        int ao = ca.storageOffset();
        int bo = cb.storageOffset();
        Parallel.parallelFor(0, rows, grain, (r0, r1) -> {
            int r = r0;
            while (r < r1) {
                int batch = r / m;
                int i0 = r % m;
                int i1 = Math.min(m, i0 + (r1 - r));
                int aOff = ao + batch * m * k;
                int bOff = bo + batch * k * n;
                int cOff = batch * m * n;
                mmLong(
                        ca.storage().longs(),
                        aOff,
                        cb.storage().longs(),
                        bOff,
                        out.storage().longs(),
                        cOff,
                        k,
                        n,
                        i0,
                        i1);
                r += i1 - i0;
            }
        });
        return out;
    }

    /**
     * float32 and float64 through the GEMM kernels, which take any strides: transposed, stepped
     * and expanded operands are read in place rather than copied. A product with one output
     * column (matrix @ vector) is a dot product per row.
     */
    private static NDArray gemm(NDArray a, NDArray b) {
        int bs = a.size(0);
        int m = a.size(1);
        int k = a.size(2);
        int n = b.size(2);
        NDArray out = NDArray.empty(a.dtype(), bs, m, n);
        if (out.numel() == 0) {
            return out;
        }
        int[] sa = a.stridesRef();
        int[] sb = b.stridesRef();
        int ao = a.storageOffset();
        int bo = b.storageOffset();
        boolean f32 = a.dtype() == DType.FLOAT32;
        GemmRoute.Kind route = GemmRoute.choose(f32, n, k, sa[2], sb[1]);
        if (route == GemmRoute.Kind.MATRIX_VECTOR) {
            Parallel.parallelFor(0, bs * m, (int) Math.max(1, GRAIN_FLOPS / Math.max(1, 2L * k)), (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    int ai = ao + (r / m) * sa[0] + (r % m) * sa[1];
                    int bi = bo + (r / m) * sb[0];
                    if (f32) {
                        out.storage().floats()[r] = (float) Kernels.get()
                                .dot(
                                        k,
                                        a.storage().floats(),
                                        ai,
                                        sa[2],
                                        b.storage().floats(),
                                        bi,
                                        sb[1]);
                    } else {
                        out.storage().doubles()[r] = Kernels.get()
                                .dot(
                                        k,
                                        a.storage().doubles(),
                                        ai,
                                        sa[2],
                                        b.storage().doubles(),
                                        bi,
                                        sb[1]);
                    }
                }
            });
        } else if (route == GemmRoute.Kind.ROW_DOTS) {
            rowDots(a, b, out);
        } else if (f32) {
            // out is a fresh array, hence zero: accumulating into it skips the kernel's zeroing pass.
            Kernels.get()
                    .gemm(
                            bs,
                            m,
                            n,
                            k,
                            new FloatOperand(a.storage().floats(), ao, sa[0], sa[1], sa[2]),
                            new FloatOperand(b.storage().floats(), bo, sb[0], sb[1], sb[2]),
                            new FloatOperand(out.storage().floats(), 0, m * n, n, 1),
                            true);
        } else {
            Kernels.get()
                    .gemm(
                            bs,
                            m,
                            n,
                            k,
                            new DoubleOperand(a.storage().doubles(), ao, sa[0], sa[1], sa[2]),
                            new DoubleOperand(b.storage().doubles(), bo, sb[0], sb[1], sb[2]),
                            new DoubleOperand(out.storage().doubles(), 0, m * n, n, 1),
                            true);
        }
        return out;
    }

    /**
     * float64 A @ Bᵀ with few output columns (x @ W.t() for a layer with few outputs): each
     * element is the dot product of a row of A and a row of W, both contiguous. The packed GEMM
     * spends more on packing and partial tiles than on arithmetic here. float32 has a kernel of
     * its own for this layout, which also covers wide outputs.
     */
    private static void rowDots(NDArray a, NDArray b, NDArray out) {
        int bs = a.size(0);
        int m = a.size(1);
        int k = a.size(2);
        int n = b.size(2);
        int[] sa = a.stridesRef();
        int[] sb = b.stridesRef();
        int ao = a.storageOffset();
        int bo = b.storageOffset();
        double[] x = a.storage().doubles();
        double[] w = b.storage().doubles();
        double[] c = out.storage().doubles();
        Parallel.parallelFor(0, bs * m, (int) Math.max(1, GRAIN_FLOPS / Math.max(1, 2L * k * n)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ai = ao + (r / m) * sa[0] + (r % m) * sa[1];
                int bi = bo + (r / m) * sb[0];
                int ci = r * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Kernels.get().dot(k, x, ai, 1, w, bi + j * sb[2], 1);
                }
            }
        });
    }

    private static void mmLong(
            long[] a, int aOff, long[] b, int bOff, long[] c, int cOff, int k, int n, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            int c0 = cOff + i * n;
            for (int kk = 0; kk < k; kk++) {
                long x = a[aOff + i * k + kk];
                int b0 = bOff + kk * n;
                for (int j = 0; j < n; j++) {
                    c[c0 + j] += x * b[b0 + j];
                }
            }
        }
    }
}
