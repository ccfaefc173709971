package dev.jgrad.nn;

import dev.jgrad.autograd.CustomOp;
import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Conv2dSpec;
import dev.jgrad.tensor.Convolution;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Pooling;
import dev.jgrad.tensor.ValuesIndices;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Convolution and pooling as differentiable ops: the tensor-core kernels forward, and the
 * gradients derivatives.yaml gives (convolution_backward, max_pool2d_with_indices_backward,
 * avg_pool2d_backward, _adaptive_avg_pool2d_backward), under PyTorch's grad_fn names.
 */
final class ConvOps {
    private ConvOps() {}

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Conv2dSpec spec) {
        NDArray out = Convolution.conv2d(input.data(), weight.data(), bias == null ? null : bias.data(), spec);
        Tensor[] inputs = bias == null ? new Tensor[] {input, weight} : new Tensor[] {input, weight, bias};
        return CustomOp.apply(
                "ConvolutionBackward0", out, op -> convolutionBackward(op, input, weight, bias, spec), inputs);
    }

    private static Function<NDArray, NDArray[]> convolutionBackward(
            CustomOp op, Tensor input, Tensor weight, Tensor bias, Conv2dSpec spec) {
        Supplier<NDArray> x = op.needsInputGrad(1) ? op.save(input) : null;
        Supplier<NDArray> w = op.needsInputGrad(0) ? op.save(weight) : null;
        boolean unbatched = input.dim() == 3;
        int[] xShape = batched(input.shape().toArray(), unbatched);
        int[] wShape = weight.shape().toArray();
        return g -> {
            NDArray g4 = unbatched ? g.unsqueeze(0) : g;
            NDArray dx = null;
            NDArray dw = null;
            NDArray db = null;
            if (op.needsInputGrad(0)) {
                dx = Convolution.conv2dInputGrad(g4, w.get(), xShape, spec);
                dx = unbatched ? dx.squeeze(0) : dx;
            }
            if (op.needsInputGrad(1)) {
                NDArray xv = x.get();
                dw = Convolution.conv2dWeightGrad(g4, unbatched ? xv.unsqueeze(0) : xv, wShape, spec);
            }
            if (bias != null && op.needsInputGrad(2)) {
                db = g4.sum(new int[] {0, 2, 3}, false);
            }
            return bias == null ? new NDArray[] {dx, dw} : new NDArray[] {dx, dw, db};
        };
    }

    /**
     * The (top, bottom, left, right) zero padding of {@code padding="valid"} or {@code "same"}, as
     * PyTorch's {@code _conv_forward} computes it.
     */
    static int[] stringPadding(String padding, int[] kernel, int[] stride, int[] dilation) {
        if ("valid".equals(padding)) {
            return new int[4];
        }
        if (!"same".equals(padding)) {
            throw new IllegalArgumentException("Invalid padding string: '" + padding + "'");
        }
        if (stride[0] != 1 || stride[1] != 1) {
            throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
        }
        return samePadding(kernel, dilation);
    }

    /**
     * The (before, after) amounts per spatial dim, in dim order, that keep each size under
     * {@code padding="same"} at stride 1: the odd one goes after, as in PyTorch.
     */
    static int[] samePadding(int[] kernel, int[] dilation) {
        int[] pads = new int[2 * kernel.length];
        for (int d = 0; d < kernel.length; d++) {
            int total = dilation[d] * (kernel[d] - 1);
            pads[2 * d] = total / 2;
            pads[2 * d + 1] = total - total / 2;
        }
        return pads;
    }

    private static int[] batched(int[] shape, boolean unbatched) {
        if (!unbatched) {
            return shape;
        }
        int[] s = new int[shape.length + 1];
        s[0] = 1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    /** conv1d as a conv2d of height 1: (N, C, L) becomes (N, C, 1, L), the kernel (OC, C/g, 1, K). */
    static Tensor conv1d(
            Tensor input, Tensor weight, Tensor bias, int stride, int padLeft, int padRight, int dilation, int groups) {
        int d = input.dim();
        if (d != 2 && d != 3) {
            throw new IllegalArgumentException(
                    "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: "
                            + Arrays.toString(input.shape().toArray()));
        }
        if (weight.dim() != 3) {
            throw new IllegalArgumentException("Expected 3-dimensional weight for conv1d, but got weight of size "
                    + Arrays.toString(weight.shape().toArray()) + " instead");
        }
        int channels = input.size(d - 2);
        if (groups > 0 && weight.size(0) % groups == 0 && channels != weight.size(1) * groups) {
            int[] shown = d == 2
                    ? batched(input.shape().toArray(), true)
                    : input.shape().toArray();
            throw new IllegalArgumentException("Given groups=" + groups + ", weight of size "
                    + Arrays.toString(weight.shape().toArray()) + ", expected input" + Arrays.toString(shown)
                    + " to have "
                    + weight.size(1) * groups + " channels, but got " + channels + " channels instead");
        }
        Conv2dSpec spec = new Conv2dSpec(1, stride, 0, 0, padLeft, padRight, 1, dilation, groups);
        Tensor out = conv2d(input.unsqueeze(d - 1), weight.unsqueeze(2), bias, spec);
        return out.squeeze(d - 1);
    }

    /** The maxima alone; the indices are found only when backward will need them. */
    static Tensor maxPool2dValues(Tensor input, PoolWindow w, boolean ceilMode) {
        int[] kernel = w.kernel();
        int[] stride = w.stride();
        int[] padding = w.padding();
        int[] dilation = w.dilation();
        CustomOp op = CustomOp.record("MaxPool2DWithIndicesBackward0", input);
        ValuesIndices<NDArray> r =
                Pooling.maxPool2d(input.data(), kernel, stride, padding, dilation, ceilMode, op != null);
        if (op == null) {
            return Tensor.of(r.values());
        }
        Supplier<NDArray> idx = op.save(r.indices());
        int[] shape = input.shape().toArray();
        return op.finish(r.values(), g -> new NDArray[] {
            Pooling.maxPool2dBackward(g, idx.get(), shape, kernel, stride, padding, dilation, ceilMode)
        });
    }

    static ValuesIndices<Tensor> maxPool2d(Tensor input, PoolWindow w, boolean ceilMode) {
        ValuesIndices<NDArray> r =
                Pooling.maxPool2d(input.data(), w.kernel(), w.stride(), w.padding(), w.dilation(), ceilMode);
        Tensor indices = Tensor.of(r.indices());
        int[] shape = input.shape().toArray();
        Tensor values = CustomOp.apply(
                "MaxPool2DWithIndicesBackward0",
                r.values(),
                op -> {
                    Supplier<NDArray> idx = op.save(r.indices());
                    return g -> new NDArray[] {
                        Pooling.maxPool2dBackward(
                                g, idx.get(), shape, w.kernel(), w.stride(), w.padding(), w.dilation(), ceilMode)
                    };
                },
                input);
        return new ValuesIndices<>("max_pool2d", values, indices);
    }

    static Tensor avgPool2d(
            Tensor input, PoolWindow w, boolean ceilMode, boolean countIncludePad, int divisorOverride) {
        int[] kernel = w.kernel();
        int[] stride = w.stride();
        int[] padding = w.padding();
        NDArray out =
                Pooling.avgPool2d(input.data(), kernel, stride, padding, ceilMode, countIncludePad, divisorOverride);
        int[] shape = input.shape().toArray();
        return CustomOp.apply(
                "AvgPool2DBackward0",
                out,
                op -> g -> new NDArray[] {
                    Pooling.avgPool2dBackward(
                            g, shape, kernel, stride, padding, ceilMode, countIncludePad, divisorOverride)
                },
                input);
    }

    static Tensor adaptiveAvgPool2d(Tensor input, int outH, int outW) {
        NDArray out = Pooling.adaptiveAvgPool2d(input.data(), outH, outW);
        int[] shape = input.shape().toArray();
        return CustomOp.apply(
                "AdaptiveAvgPool2DBackward0",
                out,
                op -> g -> new NDArray[] {Pooling.adaptiveAvgPool2dBackward(g, shape)},
                input);
    }
}
