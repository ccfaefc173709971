package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.DoubleOperand;
import dev.jgrad.tensor.kernel.FloatOperand;
import dev.jgrad.tensor.kernel.Kernels;
import java.util.Arrays;

/**
 * 2-D convolution over NCHW arrays (PyTorch's {@code torch.nn.functional.conv2d}) and its two
 * gradients, lowered to the GEMM kernels through {@link Im2col}:
 *
 * <ul>
 *   <li>forward, per image and group: {@code out = W · col(x)} ({@code OC/g x L}, L = OH*OW);
 *   <li>input gradient, per image: {@code dcol = Wᵀ · dout}, then col2im adds dcol back into dx;
 *   <li>weight gradient: {@code dWᵀ += col · doutᵀ} per image, summed over fixed chunks of images
 *       (the chunks in parallel), then the chunk sums added in order.
 * </ul>
 *
 * Forward and input gradient split the batch across threads, one image per task at least; the
 * weight gradient splits it by chunks. Each result element is computed
 * the same way whatever the number of threads, so results are the same bits for any count.
 * float32 and float64 are supported, as in PyTorch's CPU convolution.
 */
public final class Convolution {
    /** Multiply-adds per task before the batch is split (about a millisecond of work). */
    private static final long GRAIN_FLOPS = 2_000_000L;
    /**
     * Images per partial sum of the weight gradient. Fixed, so the partials and their order do not
     * depend on the thread count; 10 gives 10 partials at batch 100, enough to keep a few threads busy.
     */
    private static final int WEIGHT_GRAD_CHUNK = 10;

    private Convolution() {}

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}.
     *
     * @param input {@code (N, C, H, W)}, or {@code (C, H, W)} for one unbatched image
     * @param weight {@code (OC, C/groups, kH, kW)}
     * @param bias {@code (OC)}, or null
     * @param spec stride, padding, dilation and groups
     * @return {@code (N, OC, OH, OW)} ({@code (OC, OH, OW)} for an unbatched input)
     * @throws IllegalArgumentException for shapes, dtypes or settings PyTorch rejects, with its message
     */
    public static NDArray conv2d(NDArray input, NDArray weight, NDArray bias, Conv2dSpec spec) {
        if (input.dim() == 3 && weight.dim() == 4) {
            return conv2d(input.unsqueeze(0), weight, bias, spec).squeeze(0);
        }
        check(input, weight, bias, spec);
        NDArray x = input.contiguous();
        NDArray w = weight.contiguous();
        Shape g = Shape.of(x.shapeRef(), w.shapeRef(), spec);
        NDArray out = NDArray.empty(x.dtype(), g.n(), g.oc(), g.outH(), g.outW());
        if (out.numel() == 0) {
            return out;
        }
        NDArray b = bias == null ? null : bias.contiguous();
        Im2col plan = spec.isPointwise(g.kH(), g.kW()) ? null : new Im2col(g.c(), g.h(), g.w(), g.kH(), g.kW(), spec);
        Object xs = x.storage().array();
        Object ws = w.storage().array();
        Object os = out.storage().array();
        int xo = x.storageOffset();
        int wo = w.storageOffset();
        Parallel.parallelFor(0, g.n(), g.imagesPerTask(), (n0, n1) -> {
            Object col = plan == null ? null : Buffers.allocate(x.dtype(), g.kTotal() * g.l());
            for (int n = n0; n < n1; n++) {
                int xImage = xo + n * g.c() * g.h() * g.w();
                int oImage = n * g.oc() * g.l();
                if (b != null) {
                    fillRows(b, os, oImage, g.oc(), g.l());
                }
                if (plan != null) {
                    gather(plan, xs, xImage, col, 0, g.l());
                }
                for (int grp = 0; grp < spec.groups(); grp++) {
                    Object src = plan == null ? xs : col;
                    int srcOff = plan == null ? xImage + grp * g.kGroup() * g.l() : grp * g.kGroup() * g.l();
                    gemm(
                            g.ocGroup(),
                            g.l(),
                            g.kGroup(),
                            ws,
                            wo + grp * g.ocGroup() * g.kGroup(),
                            g.kGroup(),
                            1,
                            src,
                            srcOff,
                            g.l(),
                            1,
                            os,
                            oImage + grp * g.ocGroup() * g.l(),
                            g.l(),
                            b != null);
                }
            }
        });
        return out;
    }

    /**
     * The gradient of {@link #conv2d} with respect to its input (PyTorch's
     * {@code convolution_backward} for {@code grad_input}).
     *
     * @param grad the gradient of the output, {@code (N, OC, OH, OW)}
     * @param weight the weight, {@code (OC, C/groups, kH, kW)}
     * @param inputShape the input's shape {@code (N, C, H, W)}
     * @param spec the forward's settings
     * @return {@code (N, C, H, W)}, contiguous
     */
    public static NDArray conv2dInputGrad(NDArray grad, NDArray weight, int[] inputShape, Conv2dSpec spec) {
        NDArray gr = grad.contiguous();
        NDArray w = weight.contiguous();
        Shape g = Shape.of(inputShape, w.shapeRef(), spec);
        checkGradShape(gr, g);
        NDArray dx = NDArray.empty(gr.dtype(), inputShape);
        if (dx.numel() == 0 || gr.numel() == 0) {
            return dx;
        }
        Im2col plan = spec.isPointwise(g.kH(), g.kW()) ? null : new Im2col(g.c(), g.h(), g.w(), g.kH(), g.kW(), spec);
        Object gs = gr.storage().array();
        Object ws = w.storage().array();
        Object xs = dx.storage().array();
        int go = gr.storageOffset();
        int wo = w.storageOffset();
        Parallel.parallelFor(0, g.n(), g.imagesPerTask(), (n0, n1) -> {
            Object col = plan == null ? null : Buffers.allocate(gr.dtype(), g.kTotal() * g.l());
            for (int n = n0; n < n1; n++) {
                int xImage = n * g.c() * g.h() * g.w();
                for (int grp = 0; grp < spec.groups(); grp++) {
                    Object dst = plan == null ? xs : col;
                    int dstOff = plan == null ? xImage + grp * g.kGroup() * g.l() : grp * g.kGroup() * g.l();
                    // dcol_g (kGroup x L) = W_gᵀ (kGroup x ocGroup) · dout_g (ocGroup x L)
                    gemm(
                            g.kGroup(),
                            g.l(),
                            g.ocGroup(),
                            ws,
                            wo + grp * g.ocGroup() * g.kGroup(),
                            1,
                            g.kGroup(),
                            gs,
                            go + n * g.oc() * g.l() + grp * g.ocGroup() * g.l(),
                            g.l(),
                            1,
                            dst,
                            dstOff,
                            g.l(),
                            false);
                }
                if (plan != null) {
                    scatterAdd(plan, col, 0, g.l(), xs, xImage);
                }
            }
        });
        return dx;
    }

    /**
     * The gradient of {@link #conv2d} with respect to its weight.
     *
     * @param grad the gradient of the output, {@code (N, OC, OH, OW)}
     * @param input the forward's input, {@code (N, C, H, W)}
     * @param weightShape the weight's shape {@code (OC, C/groups, kH, kW)}
     * @param spec the forward's settings
     * @return {@code (OC, C/groups, kH, kW)}, contiguous
     */
    public static NDArray conv2dWeightGrad(NDArray grad, NDArray input, int[] weightShape, Conv2dSpec spec) {
        NDArray x = input.contiguous();
        NDArray gr = grad.contiguous();
        Shape g = Shape.of(x.shapeRef(), weightShape, spec);
        checkGradShape(gr, g);
        NDArray dw = NDArray.empty(x.dtype(), weightShape);
        if (dw.numel() == 0 || gr.numel() == 0) {
            return dw;
        }
        Im2col plan = new Im2col(g.c(), g.h(), g.w(), g.kH(), g.kW(), spec);
        Object xs = x.storage().array();
        Object gs = gr.storage().array();
        int xo = x.storageOffset();
        int go = gr.storageOffset();
        int chunks = (g.n() + WEIGHT_GRAD_CHUNK - 1) / WEIGHT_GRAD_CHUNK;
        int partial = g.kTotal() * g.ocGroup();
        Object sums = Buffers.allocate(x.dtype(), chunks * partial);
        // Fixed chunks of images, each summed into its own partial, then the partials added in chunk
        // order: the same bits whatever the number of threads. The GEMM packs its B operand, so B is
        // the narrower of dout and the column matrix: dWᵀ = col · doutᵀ when the kernel is the wider
        // (conv2: 288 x 64), dW = dout · colᵀ when it is the narrower (conv1: 32 x 9).
        boolean transposed = g.kGroup() >= g.ocGroup();
        Parallel.parallelFor(0, chunks, 1, (c0, c1) -> {
            Object col = Buffers.allocate(x.dtype(), g.kTotal() * g.l());
            for (int chunk = c0; chunk < c1; chunk++) {
                for (int n = chunk * WEIGHT_GRAD_CHUNK; n < Math.min(g.n(), (chunk + 1) * WEIGHT_GRAD_CHUNK); n++) {
                    gather(plan, xs, xo + n * g.c() * g.h() * g.w(), col, 0, g.l());
                    for (int grp = 0; grp < spec.groups(); grp++) {
                        int colOff = grp * g.kGroup() * g.l();
                        int gOff = go + n * g.oc() * g.l() + grp * g.ocGroup() * g.l();
                        int sumOff = chunk * partial + grp * g.kGroup() * g.ocGroup();
                        if (transposed) {
                            gemm(
                                    g.kGroup(),
                                    g.ocGroup(),
                                    g.l(),
                                    col,
                                    colOff,
                                    g.l(),
                                    1,
                                    gs,
                                    gOff,
                                    1,
                                    g.l(),
                                    sums,
                                    sumOff,
                                    g.ocGroup(),
                                    true);
                        } else {
                            gemm(
                                    g.ocGroup(),
                                    g.kGroup(),
                                    g.l(),
                                    gs,
                                    gOff,
                                    g.l(),
                                    1,
                                    col,
                                    colOff,
                                    1,
                                    g.l(),
                                    sums,
                                    sumOff,
                                    g.kGroup(),
                                    true);
                        }
                    }
                }
            }
        });
        addPartials(sums, chunks, partial, g, transposed, dw.storage().array());
        return dw;
    }

    /**
     * dW[grp*ocGroup + o][kk] = sum over chunks of the partials, in chunk order; a partial holds
     * group grp at [grp][kk][o] when {@code transposed}, at [grp][o][kk] otherwise.
     */
    private static void addPartials(Object sums, int chunks, int partial, Shape g, boolean transposed, Object dw) {
        int kg = g.kGroup();
        int ocg = g.ocGroup();
        for (int grp = 0; grp < g.groups(); grp++) {
            for (int kk = 0; kk < kg; kk++) {
                for (int o = 0; o < ocg; o++) {
                    int src = grp * kg * ocg + (transposed ? kk * ocg + o : o * kg + kk);
                    int dst = (grp * ocg + o) * kg + kk;
                    if (sums instanceof float[] f) {
                        float s = f[src];
                        for (int c = 1; c < chunks; c++) {
                            s += f[c * partial + src];
                        }
                        ((float[]) dw)[dst] = s;
                    } else {
                        double[] d = (double[]) sums;
                        double s = d[src];
                        for (int c = 1; c < chunks; c++) {
                            s += d[c * partial + src];
                        }
                        ((double[]) dw)[dst] = s;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------ checks

    private static void check(NDArray input, NDArray weight, NDArray bias, Conv2dSpec spec) {
        if (weight.dim() != 4) {
            throw new IllegalArgumentException("Expected 4-dimensional weight for conv2d, but got weight of size "
                    + Arrays.toString(weight.shapeRef()) + " instead");
        }
        if (input.dim() != 4) {
            throw new IllegalArgumentException(
                    "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
                            + Arrays.toString(input.shapeRef()));
        }
        DType t = input.dtype();
        if (t != DType.FLOAT32 && t != DType.FLOAT64) {
            throw new IllegalArgumentException("\"slow_conv2d_cpu\" not implemented for '" + t.scalarTypeName() + "'");
        }
        if (weight.dtype() != t) {
            throw new IllegalArgumentException("Input type (" + t.cName() + ") and weight type ("
                    + weight.dtype().cName() + ") should be the same");
        }
        if (bias != null && bias.dtype() != t) {
            throw new IllegalArgumentException("Input type (" + t.cName() + ") and bias type ("
                    + bias.dtype().cName() + ") should be the same");
        }
        int[] ws = weight.shapeRef();
        int[] xs = input.shapeRef();
        int groups = spec.groups();
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size " + Arrays.toString(ws) + " instead");
        }
        if (xs[1] != ws[1] * groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + Arrays.toString(ws)
                    + ", expected input" + Arrays.toString(xs) + " to have " + ws[1] * groups + " channels, but got "
                    + xs[1] + " channels instead");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != ws[0])) {
            throw new IllegalArgumentException("Given weight of size " + Arrays.toString(ws)
                    + ", expected bias to be 1-dimensional with " + ws[0] + " elements, but got bias of size "
                    + Arrays.toString(bias.shapeRef()) + " instead");
        }
        int padH = xs[2] + spec.padTop() + spec.padBottom();
        int padW = xs[3] + spec.padLeft() + spec.padRight();
        int kH = spec.dilationH() * (ws[2] - 1) + 1;
        int kW = spec.dilationW() * (ws[3] - 1) + 1;
        if (padH < kH || padW < kW) {
            throw new IllegalArgumentException("Calculated padded input size per channel: (" + padH + " x " + padW
                    + "). Kernel size: (" + kH + " x " + kW + "). Kernel size can't be greater than actual input size");
        }
    }

    private static void checkGradShape(NDArray grad, Shape g) {
        int[] expected = {g.n(), g.oc(), g.outH(), g.outW()};
        if (!Arrays.equals(grad.shapeRef(), expected)) {
            throw new IllegalArgumentException("conv2d backward: expected grad_output of size "
                    + Arrays.toString(expected) + ", but got " + Arrays.toString(grad.shapeRef()));
        }
    }

    // ------------------------------------------------------------------------ pieces

    /** The sizes of one convolution: input (n, c, h, w), weight (oc, cGroup, kH, kW), output (outH, outW). */
    private record Shape(
            int n, int c, int h, int w, int oc, int cGroup, int kH, int kW, int outH, int outW, int groups) {
        static Shape of(int[] input, int[] weight, Conv2dSpec s) {
            int h = input[2];
            int w = input[3];
            int kH = weight[2];
            int kW = weight[3];
            return new Shape(
                    input[0], input[1], h, w, weight[0], weight[1], kH, kW, s.outH(h, kH), s.outW(w, kW), s.groups());
        }

        /** Output positions per image: the columns of the im2col matrix. */
        int l() {
            return outH * outW;
        }

        int kGroup() {
            return cGroup * kH * kW;
        }

        int kTotal() {
            return c * kH * kW;
        }

        int ocGroup() {
            return oc / groups;
        }

        int imagesPerTask() {
            long flops = 2L * oc * kGroup() * l();
            return (int) Math.max(1, GRAIN_FLOPS / Math.max(1, flops));
        }
    }

    /** Each row r of the {@code rows x cols} matrix at {@code out[off..]} set to {@code bias[r]}. */
    private static void fillRows(NDArray bias, Object out, int off, int rows, int cols) {
        int bo = bias.storageOffset();
        if (out instanceof float[] o) {
            float[] b = bias.storage().floats();
            for (int r = 0; r < rows; r++) {
                Arrays.fill(o, off + r * cols, off + (r + 1) * cols, b[bo + r]);
            }
        } else {
            double[] o = (double[]) out;
            double[] b = bias.storage().doubles();
            for (int r = 0; r < rows; r++) {
                Arrays.fill(o, off + r * cols, off + (r + 1) * cols, b[bo + r]);
            }
        }
    }

    private static void gather(Im2col plan, Object x, int xOff, Object col, int colOff, int rowStride) {
        if (x instanceof float[] f) {
            plan.gather(f, xOff, (float[]) col, colOff, rowStride);
        } else {
            plan.gather((double[]) x, xOff, (double[]) col, colOff, rowStride);
        }
    }

    private static void scatterAdd(Im2col plan, Object col, int colOff, int rowStride, Object x, int xOff) {
        if (col instanceof float[] f) {
            plan.scatterAdd(f, colOff, rowStride, (float[]) x, xOff);
        } else {
            plan.scatterAdd((double[]) col, colOff, rowStride, (double[]) x, xOff);
        }
    }

    /** C = A·B (or C += A·B) for an m x k A and a k x n B with the given strides; C's rows are contiguous. */
    private static void gemm(
            int m,
            int n,
            int k,
            Object a,
            int aOff,
            int ars,
            int acs,
            Object b,
            int bOff,
            int brs,
            int bcs,
            Object c,
            int cOff,
            int crs,
            boolean accumulate) {
        if (a instanceof float[] fa) {
            Kernels.get()
                    .gemm(
                            1,
                            m,
                            n,
                            k,
                            new FloatOperand(fa, aOff, ars, acs),
                            new FloatOperand((float[]) b, bOff, brs, bcs),
                            new FloatOperand((float[]) c, cOff, crs, 1),
                            accumulate);
        } else {
            Kernels.get()
                    .gemm(
                            1,
                            m,
                            n,
                            k,
                            new DoubleOperand((double[]) a, aOff, ars, acs),
                            new DoubleOperand((double[]) b, bOff, brs, bcs),
                            new DoubleOperand((double[]) c, cOff, crs, 1),
                            accumulate);
        }
    }

    /** Zeroed scratch arrays of the dtype's element type. */
    static final class Buffers {
        private Buffers() {}

        static Object allocate(DType t, int length) {
            return t == DType.FLOAT32 ? new float[length] : new double[length];
        }
    }
}
