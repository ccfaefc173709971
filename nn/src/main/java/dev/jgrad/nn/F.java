package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Conv2dSpec;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.ValuesIndices;
import java.util.Arrays;

/**
 * PyTorch's {@code torch.nn.functional}: layers, activations and losses as functions.
 *
 * <pre>{@code
 * import dev.jgrad.nn.F;
 * Tensor cost = F.crossEntropy(model.call(x), y);     // F.cross_entropy(model(x), y)
 * }</pre>
 *
 * Losses take a {@link Reduction} (default {@code MEAN}) and check their targets as PyTorch does.
 */
public final class F {
    private static final System.Logger LOG = System.getLogger("dev.jgrad.nn");

    private F() {}

    // ---------------------------------------------------------------- layers and activations

    /**
     * {@code input Wᵀ}, without a bias: {@code F.linear(input, weight)}.
     *
     * @param input a tensor of shape {@code (*, in)}, any number of leading dims
     * @param weight a tensor of shape {@code (out, in)} and the input's dtype
     * @return a tensor of shape {@code (*, out)}
     * @throws IllegalArgumentException if the inner sizes or the dtypes differ
     */
    public static Tensor linear(Tensor input, Tensor weight) {
        return linear(input, weight, null);
    }

    /**
     * {@code input Wᵀ + b}, for inputs of any rank ≥ 1 whose last dim is the weight's in-features:
     * {@code F.linear(input, weight, bias)}.
     *
     * @param input a tensor of shape {@code (*, in)}, any number of leading dims
     * @param weight a tensor of shape {@code (out, in)} and the input's dtype
     * @param bias a tensor of shape {@code (out)} (or any shape that broadcasts to the output), or null
     * @return a tensor of shape {@code (*, out)}
     * @throws IllegalArgumentException if the inner sizes or the dtypes differ, or the bias doesn't broadcast
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Tensor out = input.matmul(weight.t());
        return bias == null ? out : out.add(bias);
    }

    /**
     * {@code max(0, x)}, elementwise: {@code F.relu}.
     *
     * @param input a tensor of any shape
     * @return a new tensor of the input's shape and dtype
     */
    public static Tensor relu(Tensor input) {
        return input.relu();
    }

    /**
     * {@code 1 / (1 + e^-x)}, elementwise: {@code torch.sigmoid}.
     *
     * @param input a tensor of any shape
     * @return a new tensor of the input's shape; floating-point dtypes are kept, integers give float32
     */
    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    /**
     * The hyperbolic tangent, elementwise: {@code torch.tanh}.
     *
     * @param input a tensor of any shape
     * @return a new tensor of the input's shape; floating-point dtypes are kept, integers give float32
     */
    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    /**
     * {@code exp(x) / sum(exp(x))} along {@code dim}, computed stably (the max is subtracted first):
     * {@code F.softmax(input, dim)}.
     *
     * @param input a floating-point tensor of any shape
     * @param dim the dim to normalise along (negative counts from the last)
     * @return a tensor of the input's shape and dtype whose slices along {@code dim} sum to 1
     * @throws IllegalArgumentException if the input is not floating-point
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /**
     * {@code x - log(sum(exp(x)))} along {@code dim}, computed stably: {@code F.log_softmax(input, dim)}.
     *
     * @param input a floating-point tensor of any shape
     * @param dim the dim to normalise along (negative counts from the last)
     * @return a tensor of the input's shape and dtype
     * @throws IllegalArgumentException if the input is not floating-point
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    /**
     * {@code x > 0 ? x : 0.01·x}: PyTorch's {@code F.leaky_relu} with its default slope.
     *
     * @param input a float32 or float64 tensor
     * @return a tensor of the input's shape and dtype
     */
    public static Tensor leakyRelu(Tensor input) {
        return leakyRelu(input, LeakyReLU.DEFAULT_NEGATIVE_SLOPE);
    }

    /**
     * {@code x > 0 ? x : negativeSlope·x}: PyTorch's {@code F.leaky_relu(input, negative_slope)}.
     *
     * @param input a float32 or float64 tensor
     * @param negativeSlope the slope for negative inputs
     * @return a tensor of the input's shape and dtype
     */
    public static Tensor leakyRelu(Tensor input, double negativeSlope) {
        return Activations.leakyRelu(input, negativeSlope);
    }

    /**
     * {@code x·Φ(x)}, Φ the standard normal cdf: PyTorch's {@code F.gelu(input)} (exact, erf form).
     *
     * @param input a float32 or float64 tensor
     * @return a tensor of the input's shape and dtype, within one ulp of the exact value
     */
    public static Tensor gelu(Tensor input) {
        return gelu(input, "none");
    }

    /**
     * PyTorch's {@code F.gelu(input, approximate=...)}: {@code "none"} is {@code x·Φ(x)}, {@code "tanh"}
     * is {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}.
     *
     * @param input a float32 or float64 tensor
     * @param approximate {@code "none"} or {@code "tanh"}
     * @return a tensor of the input's shape and dtype
     * @throws IllegalArgumentException if {@code approximate} is neither
     */
    public static Tensor gelu(Tensor input, String approximate) {
        return Activations.gelu(input, approximate);
    }

    /**
     * {@code x·σ(x)}, also called swish: PyTorch's {@code F.silu}.
     *
     * @param input a float32 or float64 tensor
     * @return a tensor of the input's shape and dtype
     */
    public static Tensor silu(Tensor input) {
        return Activations.silu(input);
    }

    /**
     * {@code x > 0 ? x : exp(x) - 1}: PyTorch's {@code F.elu} with alpha 1.
     *
     * @param input a float32 or float64 tensor
     * @return a tensor of the input's shape and dtype
     */
    public static Tensor elu(Tensor input) {
        return elu(input, 1.0);
    }

    /**
     * {@code x > 0 ? x : alpha·(exp(x) - 1)}: PyTorch's {@code F.elu(input, alpha)}.
     *
     * @param input a float32 or float64 tensor
     * @param alpha the value the function tends to for large negative x, negated
     * @return a tensor of the input's shape and dtype
     */
    public static Tensor elu(Tensor input, double alpha) {
        return Activations.elu(input, alpha);
    }

    /**
     * {@code log(1 + exp(x))}: PyTorch's {@code F.softplus} with beta 1 and threshold 20.
     *
     * @param input a float32 or float64 tensor
     * @return a tensor of the input's shape and dtype
     */
    public static Tensor softplus(Tensor input) {
        return softplus(input, 1.0, 20.0);
    }

    /**
     * {@code log(1 + exp(beta·x))/beta}, and {@code x} itself where {@code beta·x > threshold}:
     * PyTorch's {@code F.softplus(input, beta, threshold)}.
     *
     * @param input a float32 or float64 tensor
     * @param beta the sharpness
     * @param threshold where the function turns linear
     * @return a tensor of the input's shape and dtype
     */
    public static Tensor softplus(Tensor input, double beta, double threshold) {
        return Activations.softplus(input, beta, threshold);
    }

    /**
     * Layer normalisation over the last {@code normalizedShape.length} dims: {@code (x - mean) /
     * √(var + eps) · weight + bias}, with the biased variance: PyTorch's {@code F.layer_norm}.
     *
     * @param input a tensor of shape {@code (*, normalizedShape...)}
     * @param normalizedShape the trailing shape to normalise over
     * @param weight γ of shape {@code normalizedShape}, or null
     * @param bias β of shape {@code normalizedShape}, or null
     * @param eps added to the variance
     * @return a tensor of the input's shape
     * @throws IllegalArgumentException if the input's trailing dims are not {@code normalizedShape}
     */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int k = normalizedShape.length;
        int d = input.dim();
        boolean matches = k >= 1 && d >= k;
        for (int i = 0; matches && i < k; i++) {
            matches = input.size(d - k + i) == normalizedShape[i];
        }
        if (!matches) {
            throw new IllegalArgumentException("Given normalized_shape=" + Arrays.toString(normalizedShape)
                    + ", expected input with shape [*"
                    + Arrays.toString(normalizedShape).replace("[", ", ")
                    + ", but got input of size" + Arrays.toString(input.shape().toArray()));
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = d - k + i;
        }
        Tensor centered = input.sub(input.mean(dims, true));
        Tensor var = centered.pow(2).mean(dims, true);
        Tensor out = centered.div(var.add(eps).sqrt());
        if (weight != null) {
            out = out.mul(weight);
        }
        return bias == null ? out : out.add(bias);
    }

    /**
     * Rows of {@code weight} looked up by index: PyTorch's {@code F.embedding(input, weight)}.
     *
     * @param input int64 or int32 indices of any shape
     * @param weight the table, of shape {@code (numEmbeddings, embeddingDim)}
     * @return a tensor of shape {@code (*input.shape, embeddingDim)}
     */
    public static Tensor embedding(Tensor input, Tensor weight) {
        return Embeddings.lookup(input, weight, null);
    }

    /**
     * {@link #embedding(Tensor, Tensor)} whose rows at {@code paddingIdx} get no gradient:
     * PyTorch's {@code F.embedding(input, weight, padding_idx)}.
     *
     * @param input int64 or int32 indices of any shape
     * @param weight the table, of shape {@code (numEmbeddings, embeddingDim)}
     * @param paddingIdx the index whose row is not trained (negative counts from the end)
     * @return a tensor of shape {@code (*input.shape, embeddingDim)}
     */
    public static Tensor embedding(Tensor input, Tensor weight, int paddingIdx) {
        return Embeddings.lookup(input, weight, paddingIdx);
    }

    /**
     * Dropout with p = 0.5 in training mode, from the default generator, as {@code F.dropout(x)}.
     *
     * @param input a floating-point tensor of any shape
     * @return a new tensor of the input's shape and dtype
     */
    public static Tensor dropout(Tensor input) {
        return dropout(input, 0.5, true);
    }

    /**
     * Dropout with probability {@code p} in training mode, from the default generator, as
     * {@code F.dropout(x, p)}.
     *
     * @param input a floating-point tensor of any shape
     * @param p the probability of zeroing an element, in [0, 1]
     * @return a new tensor of the input's shape and dtype, or {@code input} itself when p = 0
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true);
    }

    /**
     * Dropout from the default generator; the identity when not {@code training}:
     * {@code F.dropout(x, p, training)}.
     *
     * @param input a floating-point tensor of any shape
     * @param p the probability of zeroing an element, in [0, 1]
     * @param training false to return {@code input} unchanged
     * @return a new tensor of the input's shape and dtype, or {@code input} itself when not training or p = 0
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return dropout(input, p, training, Generator.defaultGenerator());
    }

    /**
     * Zeroes each element with probability {@code p} and scales the survivors by {@code 1/(1-p)},
     * so the expected value is unchanged; the identity when not {@code training} or when p = 0.
     * The mask is drawn from {@code generator}, one uniform number per element in row-major order.
     *
     * @param input a floating-point tensor of any shape
     * @param p the probability of zeroing an element, in [0, 1]
     * @param training false to return {@code input} unchanged
     * @param generator the generator the mask is drawn from
     * @return a new tensor of the input's shape and dtype, or {@code input} itself when not training or p = 0
     * @throws IllegalArgumentException if {@code p} is not in [0, 1] (NaN included)
     */
    public static Tensor dropout(Tensor input, double p, boolean training, Generator generator) {
        checkDropoutProbability(p);
        if (!training || p == 0) {
            return input;
        }
        int[] shape = input.shape().toArray();
        NDArray noise;
        if (p == 1) {
            noise = NDArray.zeros(input.dtype(), shape);
        } else {
            // PyTorch: noise.bernoulli_(1 - p).div_(1 - p); input * noise
            noise = NDArray.rand(generator, shape).lt(1 - p).to(input.dtype()).div(1 - p);
        }
        return input.mul(Tensor.of(noise));
    }

    /**
     * {@code F.dropout2d}: in training, zeroes whole channels (each (n, c) plane of an
     * {@code (N, C, H, W)} or unbatched {@code (C, H, W)} input) with probability {@code p} and scales the
     * others by {@code 1/(1-p)}; the identity when not {@code training} or when p = 0.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param p the probability of zeroing a channel
     * @param training whether to drop (PyTorch's {@code training})
     * @param generator where the random draws come from
     * @return the input with channels dropped
     * @throws IllegalArgumentException when p is outside [0, 1] or the input is not 3-D or 4-D
     */
    public static Tensor dropout2d(Tensor input, double p, boolean training, Generator generator) {
        checkDropoutProbability(p);
        int d = input.dim();
        if (d != 3 && d != 4) {
            throw new IllegalArgumentException("dropout2d: Expected 3D (unbatched) or 4D (batched) input, but received "
                    + "input of size " + Arrays.toString(input.shape().toArray()));
        }
        if (!training || p == 0) {
            return input;
        }
        int[] shape = input.shape().toArray();
        for (int i = d - 2; i < d; i++) {
            shape[i] = 1;
        }
        NDArray noise = p == 1
                ? NDArray.zeros(input.dtype(), shape)
                : NDArray.rand(generator, shape).lt(1 - p).to(input.dtype()).div(1 - p);
        return input.mul(Tensor.of(noise));
    }

    /**
     * {@link #dropout2d(Tensor, double, boolean, Generator)} from the default generator.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param p the probability of zeroing a channel
     * @param training whether to drop
     * @return the input with channels dropped
     */
    public static Tensor dropout2d(Tensor input, double p, boolean training) {
        return dropout2d(input, p, training, Generator.defaultGenerator());
    }

    // ---------------------------------------------------------------- convolution and pooling

    /**
     * {@code F.pad(input, pad)}: zeros around the last dims. {@code pad} holds a (before, after)
     * pair per dim, the last dim first, as in PyTorch: {@code (1, 1, 2, 0)} pads the last dim by
     * one on each side and the one before it by two at the start.
     *
     * @param input any tensor
     * @param pad an even number of amounts, at most two per dim of {@code input}; a negative
     *     amount crops
     * @return the padded tensor, differentiable
     * @throws IllegalArgumentException if {@code pad} has an odd length or more pairs than
     *     {@code input} has dims, or a crop leaves a negative size
     */
    public static Tensor pad(Tensor input, int[] pad) {
        return Padding.pad(input, pad, "constant", 0);
    }

    /**
     * {@code F.pad(input, pad, mode, value)}. {@code "constant"} fills with {@code value};
     * {@code "reflect"} mirrors the input about its edge elements ({@code [1, 2, 3]} padded by 2
     * gives {@code [3, 2, 1, 2, 3, 2, 1]}), {@code "replicate"} repeats the edge elements and
     * {@code "circular"} wraps around. The three copying modes pad the last 1 to 3 dims of an
     * input with one or two more dims (channels, or batch and channels), as PyTorch does; the
     * gradient of an element copied several times is the sum over its copies.
     *
     * @param input the tensor to pad
     * @param pad an even number of amounts, at most two per dim, the last dim first
     * @param mode {@code "constant"}, {@code "reflect"}, {@code "replicate"} or {@code "circular"}
     * @param value the fill of {@code "constant"} (ignored by the other modes)
     * @return the padded tensor, differentiable
     * @throws IllegalArgumentException for an unknown mode, an odd-length {@code pad}, an input
     *     whose rank does not fit the mode, reflect padding not smaller than the dim, circular
     *     padding larger than it, or a negative amount in a copying mode
     */
    public static Tensor pad(Tensor input, int[] pad, String mode, double value) {
        return Padding.pad(input, pad, mode, value);
    }

    /**
     * {@code F.conv2d(input, weight)}: stride 1, no padding.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param weight {@code (OC, C, kH, kW)}
     * @return {@code (N, OC, OH, OW)}
     */
    public static Tensor conv2d(Tensor input, Tensor weight) {
        return conv2d(input, weight, null);
    }

    /**
     * {@code F.conv2d(input, weight, bias)}: stride 1, no padding.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param weight {@code (OC, C, kH, kW)}
     * @param bias {@code (OC)} or null
     * @return {@code (N, OC, OH, OW)}
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1);
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}, NCHW, zero padding;
     * float32 or float64, lowered to the GEMM.
     *
     * @param input {@code (N, C, H, W)} or unbatched {@code (C, H, W)}
     * @param weight {@code (OC, C/groups, kH, kW)}
     * @param bias {@code (OC)} or null
     * @param stride {@code (sH, sW)}
     * @param padding {@code (pH, pW)} zeros on each side
     * @param dilation {@code (dH, dW)}
     * @param groups channel groups; C and OC must be multiples of it
     * @return {@code (N, OC, OH, OW)} with {@code OH = (H + 2pH - dH(kH-1) - 1) / sH + 1}
     * @throws IllegalArgumentException for shapes or settings PyTorch rejects, in its words
     */
    public static Tensor conv2d(
            Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return ConvOps.conv2d(
                input,
                weight,
                bias,
                Conv2dSpec.of(pair(stride, "stride"), pair(padding, "padding"), pair(dilation, "dilation"), groups));
    }

    /**
     * {@code F.conv2d(..., padding="same" or "valid", ...)}: "valid" pads nothing; "same" pads so that
     * the output has the input's size (stride 1 only), one more row/column at the bottom/right when the
     * dilated kernel is even, as PyTorch does.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param weight {@code (OC, C/groups, kH, kW)}
     * @param bias {@code (OC)} or null
     * @param stride {@code (sH, sW)}
     * @param padding {@code "same"} or {@code "valid"}
     * @param dilation {@code (dH, dW)}
     * @param groups channel groups
     * @return {@code (N, OC, OH, OW)}
     * @throws IllegalArgumentException for another padding string, or "same" with a stride
     */
    public static Tensor conv2d(
            Tensor input, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation, int groups) {
        int[] s = pair(stride, "stride");
        int[] d = pair(dilation, "dilation");
        int[] kernel = weight.dim() == 4 ? new int[] {weight.size(2), weight.size(3)} : new int[] {1, 1};
        int[] pads = ConvOps.stringPadding(padding, kernel, s, d);
        return ConvOps.conv2d(
                input,
                weight,
                bias,
                new Conv2dSpec(s[0], s[1], pads[0], pads[1], pads[2], pads[3], d[0], d[1], groups));
    }

    /**
     * {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)} over {@code (N, C, L)}
     * or unbatched {@code (C, L)}, on the conv2d kernel with a height of 1.
     *
     * @param input {@code (N, C, L)} or {@code (C, L)}
     * @param weight {@code (OC, C/groups, k)}
     * @param bias {@code (OC)} or null
     * @param stride step
     * @param padding zeros on each side
     * @param dilation gap between taps
     * @param groups channel groups
     * @return {@code (N, OC, OL)}
     * @throws IllegalArgumentException for shapes or settings PyTorch rejects
     */
    public static Tensor conv1d(
            Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return ConvOps.conv1d(input, weight, bias, stride, padding, padding, dilation, groups);
    }

    /**
     * {@code F.conv1d(..., padding="same" or "valid", ...)}.
     *
     * @param input {@code (N, C, L)} or {@code (C, L)}
     * @param weight {@code (OC, C/groups, k)}
     * @param bias {@code (OC)} or null
     * @param stride step
     * @param padding {@code "same"} or {@code "valid"}
     * @param dilation gap between taps
     * @param groups channel groups
     * @return {@code (N, OC, OL)}
     * @throws IllegalArgumentException for another padding string, or "same" with a stride
     */
    public static Tensor conv1d(
            Tensor input, Tensor weight, Tensor bias, int stride, String padding, int dilation, int groups) {
        int k = weight.dim() == 3 ? weight.size(2) : 1;
        int[] pads = ConvOps.stringPadding(padding, new int[] {1, k}, new int[] {1, stride}, new int[] {1, dilation});
        return ConvOps.conv1d(input, weight, bias, stride, pads[2], pads[3], dilation, groups);
    }

    /**
     * {@code F.conv1d(input, weight, bias)}: stride 1, no padding.
     *
     * @param input {@code (N, C, L)} or {@code (C, L)}
     * @param weight {@code (OC, C, k)}
     * @param bias {@code (OC)} or null
     * @return {@code (N, OC, L - k + 1)}
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
        return conv1d(input, weight, bias, 1, 0, 1, 1);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size)}: square windows, stride = kernel.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param kernelSize window side
     * @return the maxima, {@code (N, C, H/k, W/k)}
     */
    public static Tensor maxPool2d(Tensor input, int kernelSize) {
        int[] k = {kernelSize, kernelSize};
        return maxPool2d(input, k, k, new int[] {0, 0}, new int[] {1, 1}, false);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)}.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param kernelSize {@code (kH, kW)}
     * @param stride {@code (sH, sW)}; PyTorch's default is the kernel size
     * @param padding {@code (pH, pW)}, -inf on each side, at most half the kernel
     * @param dilation {@code (dH, dW)}
     * @param ceilMode round the output size up
     * @return the maxima
     * @throws IllegalArgumentException for settings or shapes PyTorch rejects
     */
    public static Tensor maxPool2d(
            Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return ConvOps.maxPool2dValues(input, PoolWindow.of(kernelSize, stride, padding, dilation), ceilMode);
    }

    /**
     * {@code F.max_pool2d(..., return_indices=True)}: the maxima and, as int64, where each was found
     * (its flat index {@code h*W + w} in its input plane), as {@code MaxUnpool2d} expects.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param kernelSize {@code (kH, kW)}
     * @param stride {@code (sH, sW)}
     * @param padding {@code (pH, pW)}
     * @param dilation {@code (dH, dW)}
     * @param ceilMode round the output size up
     * @return values (differentiable) and indices
     * @throws IllegalArgumentException for settings or shapes PyTorch rejects
     */
    public static ValuesIndices<Tensor> maxPool2dWithIndices(
            Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return ConvOps.maxPool2d(input, PoolWindow.of(kernelSize, stride, padding, dilation), ceilMode);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size)}: square windows, stride = kernel.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param kernelSize window side
     * @return the averages
     */
    public static Tensor avgPool2d(Tensor input, int kernelSize) {
        int[] k = {kernelSize, kernelSize};
        return avgPool2d(input, k, k, new int[] {0, 0}, false, true, 0);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param kernelSize {@code (kH, kW)}
     * @param stride {@code (sH, sW)}; PyTorch's default is the kernel size
     * @param padding {@code (pH, pW)} zeros on each side, at most half the kernel
     * @param ceilMode round the output size up
     * @param countIncludePad count the zero padding in each window's divisor (PyTorch's default)
     * @param divisorOverride when positive, the divisor of every window (PyTorch's None is 0 here)
     * @return the averages
     * @throws IllegalArgumentException for settings or shapes PyTorch rejects
     */
    public static Tensor avgPool2d(
            Tensor input,
            int[] kernelSize,
            int[] stride,
            int[] padding,
            boolean ceilMode,
            boolean countIncludePad,
            int divisorOverride) {
        // avg pooling has no dilation
        PoolWindow window = PoolWindow.of(kernelSize, stride, padding, new int[] {1});
        if (divisorOverride < 0) {
            throw new IllegalArgumentException("divisor must be not zero");
        }
        return ConvOps.avgPool2d(input, window, ceilMode, countIncludePad, divisorOverride);
    }

    /**
     * {@code F.adaptive_avg_pool2d(input, output_size)}: averages over windows that tile the input
     * into {@code (OH, OW)} cells.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param outputSize {@code (OH, OW)}, or one value for both
     * @return {@code (N, C, OH, OW)}
     * @throws IllegalArgumentException for a wrong rank or empty dims, in PyTorch's words
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, int... outputSize) {
        int[] o = pair(outputSize, "output_size");
        return ConvOps.adaptiveAvgPool2d(input, o[0], o[1]);
    }

    /** One value for both dims, or two. */
    static int[] pair(int[] values, String name) {
        if (values == null || (values.length != 1 && values.length != 2)) {
            throw new IllegalArgumentException(name + " must be an int or a pair of ints, got "
                    + (values == null ? "null" : Arrays.toString(values)));
        }
        return values.length == 1 ? new int[] {values[0], values[0]} : values.clone();
    }

    /** Fails unless beta ≥ 0, as {@code smooth_l1_loss} does; returns it. */
    static double checkSmoothL1Beta(double beta) {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException(
                    "smooth_l1_loss does not support negative values for beta, got " + Py.number(beta));
        }
        return beta;
    }

    /** Fails unless delta &gt; 0, as {@code huber_loss} does; returns it. */
    static double checkHuberDelta(double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException(
                    "huber_loss does not support non-positive values for delta, got " + Py.number(delta));
        }
        return delta;
    }

    static void checkDropoutProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(
                    "dropout probability has to be between 0 and 1, but got " + Py.number(p));
        }
    }

    /**
     * One-hot encoding with as many classes as the largest index + 1: {@code F.one_hot(tensor)}.
     *
     * @param tensor int64 class indices of any shape {@code (*)}, not empty, all non-negative
     * @return an int64 tensor of shape {@code (*, max + 1)}
     * @throws IllegalArgumentException if the tensor is not int64, is empty, or holds a negative index
     */
    public static Tensor oneHot(Tensor tensor) {
        return oneHot(tensor, -1);
    }

    /**
     * {@code F.one_hot}: an int64 tensor of shape {@code (*, numClasses)} with a 1 at each index
     * ({@code numClasses = -1}: the largest index + 1). The result does not require grad.
     *
     * @param tensor int64 class indices of any shape {@code (*)}
     * @param numClasses the size of the new last dim, or -1 to infer it
     * @return an int64 tensor of shape {@code (*, numClasses)}
     * @throws IllegalArgumentException if the tensor is not int64, an index is negative or not below
     *     {@code numClasses}, {@code numClasses < -1}, or -1 is given for an empty tensor
     */
    public static Tensor oneHot(Tensor tensor, int numClasses) {
        NDArray idx = tensor.data();
        if (idx.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot is only applicable to index tensor.");
        }
        if (numClasses < -1) {
            throw new IllegalArgumentException("num_classes should be -1 or a non-negative number, got " + numClasses);
        }
        long[] values = idx.toLongArray();
        long max = -1;
        for (long v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("Class values must be non-negative.");
            }
            max = Math.max(max, v);
        }
        int classes;
        if (numClasses == -1) {
            if (values.length == 0) {
                throw new IllegalArgumentException("Can not infer total number of classes from empty tensor.");
            }
            classes = Math.toIntExact(max + 1);
        } else {
            if (max >= numClasses) {
                throw new IllegalArgumentException("Class values must be smaller than num_classes.");
            }
            classes = numClasses;
        }
        int[] shape = Arrays.copyOf(idx.shape().toArray(), idx.dim() + 1);
        shape[idx.dim()] = classes;
        NDArray out = NDArray.zeros(DType.INT64, shape);
        if (values.length > 0) {
            out.scatter_(idx.dim(), idx.unsqueeze(-1), 1);
        }
        return Tensor.of(out);
    }

    // ---------------------------------------------------------------- regression losses

    /**
     * Mean squared error, {@code F.mse_loss(input, target)}; see {@link #mseLoss(Tensor, Tensor, Reduction)}.
     *
     * @param input the predictions, a floating-point tensor of any shape
     * @param target the targets, of a shape that broadcasts with the input's (the same shape, normally)
     * @return a 0-dim tensor: the mean of {@code (input - target)²}
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /**
     * {@code (input - target)²} reduced. Different but broadcastable shapes are allowed, with
     * PyTorch's warning (logged once per pair of shapes to the {@code dev.jgrad.nn} System.Logger),
     * since they are a classic silent bug ((N, 1) against (N)). {@code F.mse_loss(input, target, reduction)}.
     *
     * @param input the predictions, a floating-point tensor of any shape
     * @param target the targets, of a shape that broadcasts with the input's (the same shape, normally)
     * @param reduction how to combine the per-element losses
     * @return a 0-dim tensor for MEAN and SUM; for NONE, the broadcast shape of input and target
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        warnIfShapesDiffer(input, target);
        return Losses.mse(input, target, reduction);
    }

    /**
     * Mean absolute error, {@code F.l1_loss(input, target)}; see {@link #l1Loss(Tensor, Tensor, Reduction)}.
     *
     * @param input the predictions, a tensor of any shape
     * @param target the targets, of a shape that broadcasts with the input's (the same shape, normally)
     * @return a 0-dim tensor: the mean of {@code |input - target|}
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /**
     * {@code |input - target|} reduced (PyTorch composes it from abs and the reduction, as here):
     * {@code F.l1_loss(input, target, reduction)}. Different but broadcastable shapes log PyTorch's
     * warning, as {@link #mseLoss(Tensor, Tensor, Reduction)} does.
     *
     * @param input the predictions, a tensor of any shape
     * @param target the targets, of a shape that broadcasts with the input's (the same shape, normally)
     * @param reduction how to combine the per-element losses
     * @return a 0-dim tensor for MEAN and SUM; for NONE, the broadcast shape of input and target
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        warnIfShapesDiffer(input, target);
        return reduce(input.sub(target).abs(), reduction);
    }

    /**
     * Smooth L1 with beta 1, averaged: PyTorch's {@code F.smooth_l1_loss(input, target)}.
     *
     * @param input the predictions
     * @param target the targets, of the input's shape
     * @return the 0-dim mean loss
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return smoothL1Loss(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * {@code z < beta ? 0.5·z²/beta : z - 0.5·beta} with {@code z = |input - target|}, reduced:
     * PyTorch's {@code F.smooth_l1_loss(input, target, reduction, beta)}; beta 0 is the L1 loss.
     *
     * @param input the predictions
     * @param target the targets, of the input's shape (broadcast with PyTorch's warning)
     * @param reduction how the elements combine
     * @param beta where the quadratic part turns linear, ≥ 0
     * @return the reduced loss
     * @throws IllegalArgumentException if beta is negative
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        checkSmoothL1Beta(beta);
        if (beta == 0) {
            return l1Loss(input, target, reduction);
        }
        warnIfShapesDiffer(input, target);
        Tensor z = input.sub(target).abs();
        return reduce(Tensor.where(z.lt(beta), z.mul(0.5).mul(z).div(beta), z.sub(0.5 * beta)), reduction);
    }

    /**
     * Huber loss with delta 1, averaged: PyTorch's {@code F.huber_loss(input, target)}.
     *
     * @param input the predictions
     * @param target the targets, of the input's shape
     * @return the 0-dim mean loss
     */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return huberLoss(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * {@code z < delta ? 0.5·z² : delta·(z - 0.5·delta)} with {@code z = |input - target|}, reduced:
     * PyTorch's {@code F.huber_loss(input, target, reduction, delta)}; it is {@code delta} times the
     * smooth L1 loss with {@code beta = delta}.
     *
     * @param input the predictions
     * @param target the targets, of the input's shape (broadcast with PyTorch's warning)
     * @param reduction how the elements combine
     * @param delta where the quadratic part turns linear, &gt; 0
     * @return the reduced loss
     * @throws IllegalArgumentException if delta is not positive
     */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        checkHuberDelta(delta);
        warnIfShapesDiffer(input, target);
        Tensor z = input.sub(target).abs();
        return reduce(
                Tensor.where(z.lt(delta), z.mul(0.5).mul(z), z.sub(0.5 * delta).mul(delta)), reduction);
    }

    /**
     * KL divergence of log-probabilities against probabilities, averaged over every element:
     * PyTorch's {@code F.kl_div(input, target)} (use {@link Reduction#BATCHMEAN} for the true KL).
     *
     * @param input log-probabilities
     * @param target probabilities
     * @return the 0-dim loss
     */
    public static Tensor klDiv(Tensor input, Tensor target) {
        return klDiv(input, target, Reduction.MEAN, false);
    }

    /**
     * {@code target·(log target - input)} per element (0 where the target is 0), or with
     * {@code logTarget} {@code exp(target)·(target - input)}, reduced: PyTorch's
     * {@code F.kl_div(input, target, reduction, log_target)}. {@code BATCHMEAN} divides the sum by
     * the batch size (dim 0), which is KL's definition; {@code MEAN} divides by every element and
     * logs PyTorch's warning once.
     *
     * @param input log-probabilities
     * @param target probabilities, or log-probabilities with {@code logTarget}
     * @param reduction how the elements combine, {@code BATCHMEAN} included
     * @param logTarget whether the target is given as log-probabilities
     * @return the reduced loss
     */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        Tensor pointwise;
        if (logTarget) {
            pointwise = target.exp().mul(target.sub(input));
        } else {
            // xlogy(t, t) - t·input: log of 1 where t = 0, so 0·log 0 is 0 and its gradient stays finite
            Tensor positive = target.gt(0);
            Tensor safeLog =
                    Tensor.where(positive, target, Tensor.onesLike(target)).log();
            pointwise = target.mul(safeLog).sub(target.mul(input));
        }
        switch (reduction) {
            case BATCHMEAN:
                return input.dim() == 0 ? pointwise.sum() : pointwise.sum().div(input.size(0));
            case MEAN:
                warnOnce("reduction: 'mean' divides the total loss by both the batch size and the support size."
                        + " 'batchmean' divides only by the batch size, and aligns with the KL div math definition."
                        + " 'mean' will be changed to behave the same as 'batchmean' in the next major release.");
                return pointwise.mean();
            default:
                return reduce(pointwise, reduction);
        }
    }

    /** Shape pairs already warned about: like Python's default warning filter, each is reported once. */
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final int MAX_WARNED = 64;

    private static void warnIfShapesDiffer(Tensor input, Tensor target) {
        if (input.shape().equals(target.shape())) {
            return;
        }
        warnOnce("Using a target size (" + Py.size(target.shape()) + ") that is different to the input size ("
                + Py.size(input.shape()) + "). This will likely lead to incorrect results due to broadcasting."
                + " Please ensure they have the same size.");
    }

    private static void warnOnce(String message) {
        if (WARNED.size() < MAX_WARNED && WARNED.add(message)) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    // ---------------------------------------------------------------- classification losses

    /**
     * Binary cross entropy of probabilities, averaged: {@code F.binary_cross_entropy(input, target)};
     * see {@link #binaryCrossEntropy(Tensor, Tensor, Reduction)}.
     *
     * @param input probabilities in [0, 1], a floating-point tensor of any shape
     * @param target targets in [0, 1], of the input's shape
     * @return a 0-dim tensor
     * @throws IllegalArgumentException if the shapes differ or a value is outside [0, 1]
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /**
     * {@code -(y·log x + (1-y)·log(1-x))}, with each log clamped at -100 as PyTorch does. Input and
     * target must have the same shape and lie in [0, 1]: {@code F.binary_cross_entropy(input, target,
     * reduction=...)}.
     *
     * @param input probabilities in [0, 1], a floating-point tensor of any shape
     * @param target targets in [0, 1], of the input's shape
     * @param reduction how to combine the per-element losses
     * @return a 0-dim tensor for MEAN and SUM; for NONE, a tensor of the input's shape
     * @throws IllegalArgumentException if the shapes differ or a value (NaN included) is outside [0, 1]
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return binaryCrossEntropy(input, target, null, reduction);
    }

    /**
     * Binary cross entropy with each element's loss multiplied by {@code weight} before the
     * reduction: PyTorch's {@code F.binary_cross_entropy(input, target, weight, reduction=...)}.
     *
     * @param input probabilities in [0, 1]
     * @param target targets in [0, 1], of the input's shape
     * @param weight a constant broadcastable to the input's shape, or null
     * @param reduction how the elements combine
     * @return the reduced loss
     * @throws IllegalArgumentException if the shapes differ or a value is outside [0, 1]
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }

    /**
     * Binary cross entropy of logits (sigmoid folded in, stable for large |x|), averaged:
     * {@code F.binary_cross_entropy_with_logits(input, target)}.
     *
     * @param input logits, a floating-point tensor of any shape
     * @param target targets in [0, 1], of the input's shape
     * @return a 0-dim tensor
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /**
     * Binary cross entropy of logits, {@code (1 - y)·x + log(1 + e^-x)} in a form stable for large
     * |x|: {@code F.binary_cross_entropy_with_logits(input, target, reduction=...)}, without weights.
     *
     * @param input logits, a floating-point tensor of any shape
     * @param target targets in [0, 1], of the input's shape
     * @param reduction how to combine the per-element losses
     * @return a 0-dim tensor for MEAN and SUM; for NONE, a tensor of the input's shape
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction) {
        return binaryCrossEntropyWithLogits(input, target, null, null, reduction);
    }

    /**
     * Binary cross entropy of logits, PyTorch's {@code F.binary_cross_entropy_with_logits(input,
     * target, weight, reduction=..., pos_weight=...)}: {@code posWeight} multiplies the positive
     * term, {@code -posWeight·y·log σ(x) - (1-y)·log(1 - σ(x))} (per class, broadcast along the last
     * dim; above 1 it favours recall), and {@code weight} each element's loss.
     *
     * @param input logits
     * @param target targets in [0, 1], of the input's shape
     * @param weight a constant broadcastable to the input's shape, or null
     * @param posWeight a constant broadcastable to the input's shape (usually one per class), or null
     * @param reduction how the elements combine
     * @return the reduced loss
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor binaryCrossEntropyWithLogits(
            Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction reduction) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    /** The value PyTorch uses for "no ignored class". */
    public static final long DEFAULT_IGNORE_INDEX = -100;

    /**
     * Negative log likelihood of class indices, averaged: {@code F.nll_loss(input, target)}; see
     * {@link #nllLoss(Tensor, Tensor, Reduction, long)}.
     *
     * @param input log-probabilities of shape (C), (N, C) or (N, C, d1, …)
     * @param target int64 class indices of shape (), (N) or (N, d1, …)
     * @return a 0-dim tensor
     * @throws IllegalArgumentException if the shapes don't match or the target is not int64
     * @throws IndexOutOfBoundsException if a target is not a class in {@code [0, C)}
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, Reduction.MEAN, DEFAULT_IGNORE_INDEX);
    }

    /**
     * Negative log likelihood of class indices: {@code F.nll_loss(input, target, reduction=...)}; see
     * {@link #nllLoss(Tensor, Tensor, Reduction, long)}.
     *
     * @param input log-probabilities of shape (C), (N, C) or (N, C, d1, …)
     * @param target int64 class indices of shape (), (N) or (N, d1, …)
     * @param reduction how to combine the per-sample losses
     * @return a 0-dim tensor for MEAN and SUM; for NONE, a tensor of the target's shape
     * @throws IllegalArgumentException if the shapes don't match or the target is not int64
     * @throws IndexOutOfBoundsException if a target is not a class in {@code [0, C)}
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Reduction reduction) {
        return nllLoss(input, target, null, reduction, DEFAULT_IGNORE_INDEX);
    }

    /**
     * {@code -input[i, target[i]]} reduced, for log-probabilities of shape (C), (N, C) or
     * (N, C, d1, …) and int64 class indices of shape (), (N) or (N, d1, …). Targets equal to
     * {@code ignoreIndex} contribute nothing and don't count in the mean (all ignored: the mean is
     * NaN, as PyTorch's). {@code F.nll_loss(input, target, reduction=..., ignore_index=...)}, without
     * class weights. Gradients flow to the input only.
     *
     * @param input log-probabilities of shape (C), (N, C) or (N, C, d1, …), floating-point
     * @param target int64 class indices of shape (), (N) or (N, d1, …)
     * @param reduction how to combine the per-sample losses
     * @param ignoreIndex a target value to skip ({@link #DEFAULT_IGNORE_INDEX} in PyTorch's default)
     * @return a 0-dim tensor for MEAN and SUM; for NONE, a tensor of the target's shape
     * @throws IllegalArgumentException if the input is 0-dim, the shapes don't match, or the target
     *     is not int64
     * @throws IndexOutOfBoundsException if a target other than {@code ignoreIndex} is not a class in
     *     {@code [0, C)}
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Reduction reduction, long ignoreIndex) {
        return nllLoss(input, target, null, reduction, ignoreIndex);
    }

    /**
     * PyTorch's {@code F.nll_loss(input, target, weight, ignore_index=..., reduction=...)}: each
     * target's term is multiplied by its class's weight, and the mean divides by the summed
     * weights of the targets that count (not by their number).
     *
     * @param input log-probabilities of shape (C), (N, C) or (N, C, d1, …)
     * @param target int64 class indices of shape (), (N) or (N, d1, …)
     * @param weight one constant weight per class (shape (C)), or null for all ones
     * @param reduction how the terms combine
     * @param ignoreIndex a target value that contributes nothing
     * @return the reduced loss
     * @throws IllegalArgumentException if the shapes, the dtype or the weight's size don't fit
     * @throws IndexOutOfBoundsException if a target is not a class index
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex) {
        int d = input.dim();
        if (d < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got " + d + ")");
        }
        if (d != 1 && (target.dim() == 0 || input.size(0) != target.size(0))) {
            throw new IllegalArgumentException("Expected input batch_size (" + input.size(0)
                    + ") to match target batch_size (" + (target.dim() == 0 ? 0 : target.size(0)) + ").");
        }
        if (d <= 2) {
            return Losses.nll(input, target, weight, reduction, ignoreIndex);
        }
        // (N, C, d1, ...): classes last, then one row per position.
        int classes = input.size(1);
        int[] expected = new int[d - 1];
        expected[0] = input.size(0);
        for (int i = 2; i < d; i++) {
            expected[i - 1] = input.size(i);
        }
        if (!Arrays.equals(expected, target.shape().toArray())) {
            throw new IllegalArgumentException("Expected target size " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(target.shape().toArray()));
        }
        int[] perm = new int[d];
        perm[0] = 0;
        for (int i = 1; i < d - 1; i++) {
            perm[i] = i + 1;
        }
        perm[d - 1] = 1;
        Tensor rows = input.permute(perm).reshape(-1, classes);
        Tensor loss = Losses.nll(rows, target.reshape(-1), weight, reduction, ignoreIndex);
        return reduction == Reduction.NONE ? loss.view(expected) : loss;
    }

    /**
     * Cross entropy of logits against class indices (or class probabilities), averaged:
     * {@code F.cross_entropy(input, target)}; see {@link #crossEntropy(Tensor, Tensor, Reduction, long)}.
     *
     * @param input logits of shape (C), (N, C) or (N, C, d1, …), floating-point
     * @param target int64 class indices of shape (), (N) or (N, d1, …), or class probabilities of the
     *     input's shape
     * @return a 0-dim tensor
     * @throws IllegalArgumentException if the shapes don't match or the input is 0-dim
     * @throws IndexOutOfBoundsException if a class index is not in {@code [0, C)}
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, Reduction.MEAN, DEFAULT_IGNORE_INDEX, 0);
    }

    /**
     * Cross entropy of logits: {@code F.cross_entropy(input, target, reduction=...)}; see
     * {@link #crossEntropy(Tensor, Tensor, Reduction, long)}.
     *
     * @param input logits of shape (C), (N, C) or (N, C, d1, …), floating-point
     * @param target int64 class indices of shape (), (N) or (N, d1, …), or class probabilities of the
     *     input's shape
     * @param reduction how to combine the per-sample losses
     * @return a 0-dim tensor for MEAN and SUM; for NONE, one loss per sample (and position)
     * @throws IllegalArgumentException if the shapes don't match or the input is 0-dim
     * @throws IndexOutOfBoundsException if a class index is not in {@code [0, C)}
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return crossEntropy(input, target, null, reduction, DEFAULT_IGNORE_INDEX, 0);
    }

    /**
     * {@code nllLoss(logSoftmax(input, classDim), target)}: stable for large logits, since
     * logSoftmax subtracts the max. An int64 target holds class indices; a floating-point target of
     * the input's shape holds class probabilities ({@code -(target · logSoftmax).sum(classDim)}).
     * The class dim is 1, or 0 for a 1-D input. {@code F.cross_entropy(input, target,
     * reduction=..., ignore_index=...)}, without class weights or label smoothing.
     *
     * @param input logits of shape (C), (N, C) or (N, C, d1, …), floating-point
     * @param target int64 class indices of shape (), (N) or (N, d1, …), or floating-point class
     *     probabilities of the input's shape
     * @param reduction how to combine the per-sample losses; MEAN averages over the samples (and
     *     positions), not over the classes
     * @param ignoreIndex a class index to skip; unused for probability targets
     * @return a 0-dim tensor for MEAN and SUM; for NONE, one loss per sample (and position)
     * @throws IllegalArgumentException if the input is 0-dim or not floating-point, the shapes don't
     *     match, or an index target is not int64
     * @throws IndexOutOfBoundsException if a class index other than {@code ignoreIndex} is not in
     *     {@code [0, C)}
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction, long ignoreIndex) {
        return crossEntropy(input, target, null, reduction, ignoreIndex, 0);
    }

    /**
     * PyTorch's {@code F.cross_entropy(input, target, weight, ignore_index=..., reduction=...,
     * label_smoothing=...)}. With class indices it is {@code (1 - ε)·nll + ε/C·smooth}, where
     * {@code smooth} is {@code -Σ_c weight_c·logp_c} per target (0 for ignored ones), reduced as the
     * nll is (the mean divides by the summed target weights). With class probabilities the target
     * becomes {@code (1 - ε)·target + ε/C} and each class's term is multiplied by its weight.
     *
     * @param input logits of shape (C), (N, C) or (N, C, d1, …)
     * @param target int64 class indices, or probabilities of the input's shape
     * @param weight one constant weight per class (shape (C)), or null
     * @param reduction how the terms combine
     * @param ignoreIndex a class-index target that contributes nothing
     * @param labelSmoothing ε in [0, 1]
     * @return the reduced loss
     * @throws IllegalArgumentException if the shapes, the weight or ε don't fit
     */
    public static Tensor crossEntropy(
            Tensor input, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex, double labelSmoothing) {
        reduction.elementwise();
        if (input.dim() < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got " + input.dim() + ")");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(
                    "label_smoothing must be between 0.0 and 1.0. Got: " + Py.number(labelSmoothing));
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        int classes = input.size(classDim);
        if (weight != null && (weight.dim() != 1 || weight.size(0) != classes)) {
            throw new IllegalArgumentException("weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: "
                    + Arrays.toString(weight.shape().toArray()));
        }
        Tensor classWeight = weight == null ? null : weight.detach().view(classShape(input.dim(), classDim, classes));
        Tensor logp = input.logSoftmax(classDim);
        if (target.dtype().isFloatingPoint()) {
            if (!input.shape().equals(target.shape())) {
                throw new IllegalArgumentException("Expected input and target with the same shape for class"
                        + " probabilities, got input " + input.shape() + " and target " + target.shape());
            }
            Tensor t = labelSmoothing > 0 ? target.mul(1 - labelSmoothing).add(labelSmoothing / classes) : target;
            Tensor terms = logp.mul(t);
            Tensor perSample = (classWeight == null ? terms : terms.mul(classWeight))
                    .sum(classDim)
                    .neg();
            if (reduction == Reduction.MEAN) {
                // PyTorch averages over the batch (and positions), not over the classes.
                return input.dim() == 1 ? perSample : perSample.sum().div(input.numel() / classes);
            }
            return reduce(perSample, reduction);
        }
        Tensor nll = nllLoss(logp, target, weight, reduction, ignoreIndex);
        if (labelSmoothing == 0) {
            return nll;
        }
        Tensor ignored = target.eq(ignoreIndex);
        Tensor smooth = (classWeight == null ? logp : logp.mul(classWeight))
                .sum(classDim)
                .neg();
        smooth = Tensor.where(ignored, Tensor.zerosLike(smooth), smooth);
        Tensor smoothReduced;
        switch (reduction) {
            case MEAN:
                smoothReduced = smooth.sum().div(countedWeight(target, weight, ignoreIndex));
                break;
            case SUM:
                smoothReduced = smooth.sum();
                break;
            default:
                smoothReduced = smooth;
        }
        return nll.mul(1 - labelSmoothing).add(smoothReduced.mul(labelSmoothing / classes));
    }

    /** A shape of ones with {@code classes} at {@code classDim}, so a per-class weight broadcasts over the input. */
    private static int[] classShape(int dims, int classDim, int classes) {
        int[] shape = new int[dims];
        Arrays.fill(shape, 1);
        shape[classDim] = classes;
        return shape;
    }

    /** What the mean divides by: the number of targets that aren't ignored, or the sum of their class weights. */
    private static Tensor countedWeight(Tensor target, Tensor weight, long ignoreIndex) {
        long[] t = target.toLongArray();
        long[] counted = Arrays.stream(t).filter(c -> c != ignoreIndex).toArray();
        if (weight == null) {
            return Tensor.scalar(counted.length, DType.FLOAT32);
        }
        return Tensor.of(weight.data()
                .indexSelect(0, NDArray.wrap(counted, counted.length))
                .sum());
    }

    private static Tensor reduce(Tensor loss, Reduction reduction) {
        return reduction.reduce(loss, Tensor::mean, Tensor::sum);
    }
}
