package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.DoubleAvgPool;
import dev.jgrad.tensor.kernel.DoubleMaxPool;
import dev.jgrad.tensor.kernel.FloatAvgPool;
import dev.jgrad.tensor.kernel.FloatMaxPool;
import dev.jgrad.tensor.kernel.Kernels;
import java.util.Arrays;

/**
 * 2-D pooling over NCHW (or unbatched CHW) float arrays: max pooling with its indices
 * (PyTorch's {@code max_pool2d_with_indices}), average pooling ({@code avg_pool2d}) and adaptive
 * average pooling ({@code adaptive_avg_pool2d}), with their backward passes. Planes (one channel of
 * one image) are split across threads; each output is computed the same way whatever the split.
 */
public final class Pooling {
    /** Input elements per task before planes are split across threads. */
    private static final int GRAIN_ELEMENTS = 1 << 16;

    private Pooling() {}

    /**
     * The output size of a pooling window along one dim, as PyTorch's {@code pooling_output_shape}.
     *
     * @param in input size
     * @param kernel window size
     * @param pad zero padding on each side
     * @param stride step
     * @param dilation gap between taps
     * @param ceilMode round up rather than down, dropping a last window that would start in the right padding
     * @return the output size
     */
    public static int outputSize(int in, int kernel, int pad, int stride, int dilation, boolean ceilMode) {
        int out = Math.floorDiv(in + 2 * pad - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0), stride) + 1;
        if (ceilMode && (out - 1) * stride >= in + pad) {
            out--;
        }
        return out;
    }

    /**
     * {@code F.max_pool2d(input, kernel, stride, padding, dilation, ceil_mode, return_indices=True)}.
     * Padding counts as -inf; a NaN in a window wins, as in PyTorch.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}, float32 or float64
     * @param kernel {@code (kH, kW)}
     * @param stride {@code (sH, sW)}
     * @param padding {@code (pH, pW)}, at most half the kernel
     * @param dilation {@code (dH, dW)}
     * @param ceilMode PyTorch's {@code ceil_mode}
     * @return the maxima and, as int64, the index of each within its input plane ({@code h*W + w})
     * @throws IllegalArgumentException for settings or shapes PyTorch rejects, with its message
     */
    public static ValuesIndices<NDArray> maxPool2d(
            NDArray input, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        ValuesIndices<NDArray> r = maxPool2d(input, kernel, stride, padding, dilation, ceilMode, true);
        return new ValuesIndices<>(r.op(), r.values(), r.indices().to(DType.INT64));
    }

    /**
     * {@link #maxPool2d(NDArray, int[], int[], int[], int[], boolean)} with int32 indices (what
     * {@link #maxPool2dBackward} needs, at half the memory of int64), or none (null) when not
     * {@code withIndices}: inference needs only the maxima.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}, float32 or float64
     * @param kernel {@code (kH, kW)}
     * @param stride {@code (sH, sW)}
     * @param padding {@code (pH, pW)}, at most half the kernel
     * @param dilation {@code (dH, dW)}
     * @param ceilMode PyTorch's {@code ceil_mode}
     * @param withIndices whether to find the indices too
     * @return the maxima, and their int32 indices or null
     */
    public static ValuesIndices<NDArray> maxPool2d(
            NDArray input,
            int[] kernel,
            int[] stride,
            int[] padding,
            int[] dilation,
            boolean ceilMode,
            boolean withIndices) {
        Window win = Window.of(input.shapeRef(), input.dtype(), kernel, stride, padding, dilation, ceilMode, true);
        NDArray x = input.contiguous();
        int[] outShape = win.outShape(x.shapeRef());
        NDArray out = NDArray.empty(x.dtype(), outShape);
        NDArray idx = withIndices ? NDArray.empty(DType.INT32, outShape) : null;
        int[] is = withIndices ? idx.storage().ints() : null;
        int xo = x.storageOffset();
        Parallel.parallelFor(0, win.planes, win.planesPerTask(), (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                win.maxPlane(
                        x.storage().array(),
                        xo + p * win.inPlane(),
                        out.storage().array(),
                        is,
                        p * win.outPlane());
            }
        });
        return new ValuesIndices<>("max_pool2d", out, idx);
    }

    /**
     * PyTorch's {@code max_pool2d_with_indices_backward}: the gradient of {@link #maxPool2d} given the
     * forward's settings. When the windows do not overlap (a stride at least the dilated kernel, as
     * in the CNN's 2x2 pooling with stride 2), no two indices of a plane are equal, so a float32
     * gradient is stored straight to its element by the kernels' {@code maxPoolBackward}, a vector
     * scatter where the CPU has one; otherwise each output gradient is added to the input element its
     * index names, as {@link #maxPool2dBackward(NDArray, NDArray, int[])} does. Both give the same
     * bits.
     *
     * @param grad the output's gradient
     * @param indices the indices {@link #maxPool2d} returned for these settings (int32 or int64)
     * @param inputShape the input's shape
     * @param kernel {@code (kH, kW)} as in the forward
     * @param stride {@code (sH, sW)} as in the forward
     * @param padding {@code (pH, pW)} as in the forward
     * @param dilation {@code (dH, dW)} as in the forward
     * @param ceilMode as in the forward
     * @return the input's gradient, contiguous
     * @throws IllegalArgumentException when the settings are invalid, or grad or indices do not have
     *     the output's shape
     */
    public static NDArray maxPool2dBackward(
            NDArray grad,
            NDArray indices,
            int[] inputShape,
            int[] kernel,
            int[] stride,
            int[] padding,
            int[] dilation,
            boolean ceilMode) {
        Window win = Window.of(inputShape, grad.dtype(), kernel, stride, padding, dilation, ceilMode, true);
        int[] outShape = win.outShape(inputShape);
        for (NDArray a : new NDArray[] {grad, indices}) {
            if (!Arrays.equals(a.shapeRef(), outShape)) {
                throw new IllegalArgumentException("max_pool2d backward: expected "
                        + (a == grad ? "grad_output" : "indices") + " of shape " + Arrays.toString(outShape)
                        + " for input " + Arrays.toString(inputShape) + ", but got " + Arrays.toString(a.shapeRef()));
            }
        }
        if (grad.dtype() != DType.FLOAT32 || !win.isDisjoint()) {
            return maxPool2dBackward(grad, indices, inputShape);
        }
        NDArray g = grad.contiguous();
        NDArray ix = indices.to(DType.INT32).contiguous();
        NDArray dx = NDArray.empty(DType.FLOAT32, inputShape);
        float[] gs = g.storage().floats();
        int[] is = ix.storage().ints();
        float[] xs = dx.storage().floats();
        int go = g.storageOffset();
        int io = ix.storageOffset();
        int n = win.outPlane();
        Parallel.parallelFor(0, win.planes, win.planesPerTask(), (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                Kernels.get().maxPoolBackward(n, gs, go + p * n, is, io + p * n, xs, p * win.inPlane());
            }
        });
        return dx;
    }

    /**
     * The gradient of {@link #maxPool2d}: each output gradient added to the input element its index names.
     *
     * @param grad the output's gradient
     * @param indices the indices {@link #maxPool2d} returned (int32 or int64)
     * @param inputShape the input's shape
     * @return the input's gradient, contiguous
     */
    public static NDArray maxPool2dBackward(NDArray grad, NDArray indices, int[] inputShape) {
        NDArray g = grad.contiguous();
        NDArray ix = indices.to(DType.INT32).contiguous();
        NDArray dx = NDArray.empty(g.dtype(), inputShape);
        int inPlane = inputShape[inputShape.length - 1] * inputShape[inputShape.length - 2];
        int outPlane = g.size(-1) * g.size(-2);
        int planes = outPlane == 0 ? 0 : g.numel() / outPlane;
        int[] is = ix.storage().ints();
        int io = ix.storageOffset();
        int go = g.storageOffset();
        int grain = Math.max(1, GRAIN_ELEMENTS / Math.max(1, inPlane));
        Parallel.parallelFor(0, planes, grain, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                int xb = p * inPlane;
                int ob = p * outPlane;
                if (g.dtype() == DType.FLOAT32) {
                    float[] gs = g.storage().floats();
                    float[] xs = dx.storage().floats();
                    for (int o = 0; o < outPlane; o++) {
                        xs[xb + is[io + ob + o]] += gs[go + ob + o];
                    }
                } else {
                    double[] gs = g.storage().doubles();
                    double[] xs = dx.storage().doubles();
                    for (int o = 0; o < outPlane; o++) {
                        xs[xb + is[io + ob + o]] += gs[go + ob + o];
                    }
                }
            }
        });
        return dx;
    }

    /**
     * {@code F.avg_pool2d(input, kernel, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}, float32 or float64
     * @param kernel {@code (kH, kW)}
     * @param stride {@code (sH, sW)}
     * @param padding {@code (pH, pW)}, at most half the kernel
     * @param ceilMode PyTorch's {@code ceil_mode}
     * @param countIncludePad divide by the window's size including the zero padding (PyTorch's default)
     * @param divisorOverride when positive, the divisor of every window
     * @return the averages
     * @throws IllegalArgumentException for settings or shapes PyTorch rejects, with its message
     */
    public static NDArray avgPool2d(
            NDArray input,
            int[] kernel,
            int[] stride,
            int[] padding,
            boolean ceilMode,
            boolean countIncludePad,
            int divisorOverride) {
        Window win =
                Window.of(input.shapeRef(), input.dtype(), kernel, stride, padding, new int[] {1, 1}, ceilMode, false);
        return win.averages(countIncludePad, divisorOverride).forward(input);
    }

    /**
     * The gradient of {@link #avgPool2d} with respect to its input.
     *
     * @param grad the output's gradient
     * @param inputShape the forward input's shape
     * @param kernel {@code (kH, kW)}
     * @param stride {@code (sH, sW)}
     * @param padding {@code (pH, pW)}
     * @param ceilMode PyTorch's {@code ceil_mode}
     * @param countIncludePad as in the forward
     * @param divisorOverride as in the forward
     * @return the input's gradient, contiguous
     */
    public static NDArray avgPool2dBackward(
            NDArray grad,
            int[] inputShape,
            int[] kernel,
            int[] stride,
            int[] padding,
            boolean ceilMode,
            boolean countIncludePad,
            int divisorOverride) {
        Window win = Window.of(inputShape, grad.dtype(), kernel, stride, padding, new int[] {1, 1}, ceilMode, false);
        return win.averages(countIncludePad, divisorOverride).backward(grad, inputShape);
    }

    /**
     * {@code F.adaptive_avg_pool2d(input, (OH, OW))}: output cell (i, j) averages input rows
     * {@code floor(i*H/OH)} to {@code ceil((i+1)*H/OH)} (exclusive), and the same for columns.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}, float32 or float64
     * @param outH output rows
     * @param outW output columns
     * @return the averages
     */
    public static NDArray adaptiveAvgPool2d(NDArray input, int outH, int outW) {
        DType t = input.dtype();
        if (t != DType.FLOAT32 && t != DType.FLOAT64) {
            throw new IllegalArgumentException(
                    "\"adaptive_avg_pool2d\" not implemented for '" + t.scalarTypeName() + "'");
        }
        return adaptive(input.shapeRef(), outH, outW).forward(input);
    }

    /**
     * The gradient of {@link #adaptiveAvgPool2d}.
     *
     * @param grad the output's gradient
     * @param inputShape the forward input's shape
     * @return the input's gradient, contiguous
     */
    public static NDArray adaptiveAvgPool2dBackward(NDArray grad, int[] inputShape) {
        return adaptive(inputShape, grad.size(-2), grad.size(-1)).backward(grad, inputShape);
    }

    /** Planes of {@code inPlane} input elements each that one parallel task takes: about {@link #GRAIN_ELEMENTS}. */
    private static int planesPerTask(int inPlane) {
        return Math.max(1, GRAIN_ELEMENTS / Math.max(1, inPlane));
    }

    private static Averages adaptive(int[] shape, int outH, int outW) {
        int d = shape.length;
        if (d != 3 && d != 4) {
            throw new IllegalArgumentException(
                    "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " + Arrays.toString(shape));
        }
        for (int i = 1; i < d; i++) {
            if (shape[i] == 0) {
                throw new IllegalArgumentException("adaptive_avg_pool2d(): Expected input to have non-zero size for "
                        + "non-batch dimensions, but input has sizes " + Arrays.toString(shape)
                        + " with dimension " + i + " being empty");
            }
        }
        if (outH < 0 || outW < 0) {
            throw new IllegalArgumentException(
                    "adaptive_avg_pool2d: elements of output_size must be greater than or equal "
                            + "to 0 but received {" + outH + ", " + outW + "}");
        }
        int h = shape[d - 2];
        int w = shape[d - 1];
        int[][] rows = adaptiveRanges(h, outH);
        int[][] cols = adaptiveRanges(w, outW);
        double[] div = new double[outH * outW];
        for (int i = 0; i < outH; i++) {
            for (int j = 0; j < outW; j++) {
                div[i * outW + j] = (double) (rows[1][i] - rows[0][i]) * (cols[1][j] - cols[0][j]);
            }
        }
        return new Averages(h, w, rows, cols, div);
    }

    private static int[][] adaptiveRanges(int in, int out) {
        int[][] r = new int[2][out];
        for (int i = 0; i < out; i++) {
            r[0][i] = (int) Math.floorDiv((long) i * in, out);
            r[1][i] = (int) -Math.floorDiv(-(long) (i + 1) * in, out);
        }
        return r;
    }

    /** A pooling window's geometry over the last two dims of an input. */
    private static final class Window {
        final int h;
        final int w;
        final int kH;
        final int kW;
        final int sH;
        final int sW;
        final int pH;
        final int pW;
        final int dH;
        final int dW;
        final int outH;
        final int outW;
        final int planes;
        /** The window as the max-pool kernels take it ({@link FloatMaxPool#plane}). */
        private final int[] geometry;

        private Window(int[] shape, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
            h = shape[shape.length - 2];
            w = shape[shape.length - 1];
            kH = kernel[0];
            kW = kernel[1];
            sH = stride[0];
            sW = stride[1];
            pH = padding[0];
            pW = padding[1];
            dH = dilation[0];
            dW = dilation[1];
            outH = outputSize(h, kH, pH, sH, dH, ceilMode);
            outW = outputSize(w, kW, pW, sW, dW, ceilMode);
            int p = 1;
            for (int i = 0; i < shape.length - 2; i++) {
                p *= shape[i];
            }
            planes = p;
            geometry = new int[] {h, w, kH, kW, sH, sW, pH, pW, dH, dW, outH, outW};
        }

        /** Checks as PyTorch's {@code pool2d_shape_check}. */
        static Window of(
                int[] shape,
                DType t,
                int[] kernel,
                int[] stride,
                int[] padding,
                int[] dilation,
                boolean ceilMode,
                boolean max) {
            String op = max ? "max_pool2d" : "avg_pool2d";
            if (kernel[0] <= 0 || kernel[1] <= 0) {
                throw new IllegalArgumentException(
                        "kernel size should be greater than zero, but got kH: " + kernel[0] + " kW: " + kernel[1]);
            }
            if (stride[0] <= 0 || stride[1] <= 0) {
                throw new IllegalArgumentException(
                        "stride should be greater than zero, but got dH: " + stride[0] + " dW: " + stride[1]);
            }
            if (dilation[0] <= 0 || dilation[1] <= 0) {
                throw new IllegalArgumentException("dilation should be greater than zero, but got dilationH: "
                        + dilation[0] + " dilationW: " + dilation[1]);
            }
            int d = shape.length;
            boolean nonEmpty = (d == 3 || d == 4) && shape[d - 1] != 0 && shape[d - 2] != 0 && shape[d - 3] != 0;
            if (!nonEmpty) {
                throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
            }
            if (t != DType.FLOAT32 && t != DType.FLOAT64) {
                throw new IllegalArgumentException("\"" + op + "\" not implemented for '" + t.scalarTypeName() + "'");
            }
            if (padding[0] < 0 || padding[1] < 0 || kernel[1] / 2 < padding[1] || kernel[0] / 2 < padding[0]) {
                throw new IllegalArgumentException(
                        "pad should be smaller than or equal to half of kernel size, but got " + "padW = " + padding[1]
                                + ", padH = " + padding[0] + ", kW = " + kernel[1] + ", kH = " + kernel[0]);
            }
            Window win = new Window(shape, kernel, stride, padding, dilation, ceilMode);
            if (win.outH < 1 || win.outW < 1) {
                int c = shape[d - 3];
                throw new IllegalArgumentException(
                        "Given input size: (" + c + "x" + win.h + "x" + win.w + "). Calculated output size: (" + c + "x"
                                + win.outH + "x" + win.outW + "). Output size is too small");
            }
            return win;
        }

        int inPlane() {
            return h * w;
        }

        int outPlane() {
            return outH * outW;
        }

        int planesPerTask() {
            return Pooling.planesPerTask(inPlane());
        }

        int[] outShape(int[] in) {
            int[] s = in.clone();
            s[s.length - 2] = outH;
            s[s.length - 1] = outW;
            return s;
        }

        /** Whether no two windows share an element: each stride at least its dilated kernel. */
        private boolean isDisjoint() {
            return sH >= dH * (kH - 1) + 1 && sW >= dW * (kW - 1) + 1;
        }

        /** Whether windows are 2x2, non-overlapping and never in the padding: the CNN's pooling. */
        private boolean isPairs() {
            return kH == 2
                    && kW == 2
                    && sH == 2
                    && sW == 2
                    && pH == 0
                    && pW == 0
                    && dH == 1
                    && dW == 1
                    && 2 * outH <= h
                    && 2 * outW <= w;
        }

        /** The maxima (and indices) of one plane: float32 or float64 arrays, by their type. */
        void maxPlane(Object x, int xb, Object out, int[] idx, int ob) {
            if (!(x instanceof float[] f)) {
                DoubleMaxPool.plane(geometry, (double[]) x, xb, (double[]) out, idx, ob);
            } else if (isPairs()) {
                Kernels.get().maxPool2x2(outH, outW, f, xb, w, (float[]) out, ob, idx, ob);
            } else {
                FloatMaxPool.plane(geometry, f, xb, (float[]) out, idx, ob);
            }
        }

        /** avg_pool2d's windows: clipped to the input, with PyTorch's divisor. */
        Averages averages(boolean countIncludePad, int divisorOverride) {
            int[][] rows = new int[2][outH];
            int[][] cols = new int[2][outW];
            int[] padRows = new int[outH];
            int[] padCols = new int[outW];
            for (int i = 0; i < outH; i++) {
                int start = i * sH - pH;
                int end = Math.min(start + kH, h + pH);
                padRows[i] = end - start;
                rows[0][i] = Math.max(start, 0);
                rows[1][i] = Math.min(end, h);
            }
            for (int j = 0; j < outW; j++) {
                int start = j * sW - pW;
                int end = Math.min(start + kW, w + pW);
                padCols[j] = end - start;
                cols[0][j] = Math.max(start, 0);
                cols[1][j] = Math.min(end, w);
            }
            double[] div = new double[outH * outW];
            for (int i = 0; i < outH; i++) {
                for (int j = 0; j < outW; j++) {
                    double inside = (double) (rows[1][i] - rows[0][i]) * (cols[1][j] - cols[0][j]);
                    div[i * outW + j] = divisorOverride > 0
                            ? divisorOverride
                            : countIncludePad ? (double) padRows[i] * padCols[j] : inside;
                }
            }
            return new Averages(h, w, rows, cols, div);
        }
    }

    /** Windows given by their row and column ranges, each averaged with its own divisor. */
    private record Averages(int h, int w, int[][] rows, int[][] cols, double[] divisor) {
        int outH() {
            return rows[0].length;
        }

        int outW() {
            return cols[0].length;
        }

        NDArray forward(NDArray input) {
            NDArray x = input.contiguous();
            int[] shape = x.shapeRef().clone();
            shape[shape.length - 2] = outH();
            shape[shape.length - 1] = outW();
            NDArray out = NDArray.empty(x.dtype(), shape);
            eachPlane(x, h * w, out, outH() * outW(), false);
            return out;
        }

        NDArray backward(NDArray grad, int[] inputShape) {
            NDArray g = grad.contiguous();
            NDArray dx = NDArray.empty(g.dtype(), inputShape);
            eachPlane(g, outH() * outW(), dx, h * w, true);
            return dx;
        }

        /**
         * The forward (or backward) plane kernel on every plane, in parallel: {@code src}, contiguous,
         * holds planes of {@code srcPlane} elements, written to the planes of {@code dstPlane} of {@code dst}.
         */
        private void eachPlane(NDArray src, int srcPlane, NDArray dst, int dstPlane, boolean backward) {
            int planes = srcPlane == 0 ? 0 : src.numel() / srcPlane;
            int so = src.storageOffset();
            Parallel.parallelFor(0, planes, planesPerTask(h * w), (p0, p1) -> {
                for (int p = p0; p < p1; p++) {
                    if (backward) {
                        planeBackward(
                                src.storage().array(),
                                so + p * srcPlane,
                                dst.storage().array(),
                                p * dstPlane);
                    } else {
                        plane(
                                src.storage().array(),
                                so + p * srcPlane,
                                dst.storage().array(),
                                p * dstPlane);
                    }
                }
            });
        }

        /** {@link FloatAvgPool#plane} or its float64 twin, by the arrays' type. */
        private void plane(Object x, int xb, Object out, int ob) {
            if (x instanceof float[] f) {
                FloatAvgPool.plane(rows, cols, divisor, w, f, xb, (float[]) out, ob);
            } else {
                DoubleAvgPool.plane(rows, cols, divisor, w, (double[]) x, xb, (double[]) out, ob);
            }
        }

        /** {@link FloatAvgPool#planeBackward} or its float64 twin, by the arrays' type. */
        private void planeBackward(Object g, int gb, Object dx, int db) {
            if (g instanceof float[] f) {
                FloatAvgPool.planeBackward(rows, cols, divisor, w, f, gb, (float[]) dx, db);
            } else {
                DoubleAvgPool.planeBackward(rows, cols, divisor, w, (double[]) g, gb, (double[]) dx, db);
            }
        }
    }
}
