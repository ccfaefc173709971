package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;

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

    private F() {
    }

    // ---------------------------------------------------------------- layers and activations

    /** {@code x Wᵀ}. */
    public static Tensor linear(Tensor input, Tensor weight) {
        return linear(input, weight, null);
    }

    /** {@code x Wᵀ + b}, for inputs of any rank ≥ 1 whose last dim is the weight's in-features. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Tensor out = input.matmul(weight.t());
        return bias == null ? out : out.add(bias);
    }

    public static Tensor relu(Tensor input) {
        return input.relu();
    }

    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

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
                    + ", expected input with shape [*" + Arrays.toString(normalizedShape).replace("[", ", ")
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

    /** Dropout with p = 0.5 in training mode, as {@code F.dropout(x)}. */
    public static Tensor dropout(Tensor input) {
        return dropout(input, 0.5, true);
    }

    /** Dropout with probability {@code p} in training mode. */
    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true);
    }

    /** Dropout from the default generator; the identity when not {@code training}. */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return dropout(input, p, training, Generator.defaultGenerator());
    }

    /**
     * Zeroes each element with probability {@code p} and scales the survivors by {@code 1/(1-p)},
     * so the expected value is unchanged; the identity when not {@code training} or when p = 0.
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

    static void checkDropoutProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Py.number(p));
        }
    }

    /** One-hot encoding with as many classes as the largest index + 1. */
    public static Tensor oneHot(Tensor tensor) {
        return oneHot(tensor, -1);
    }

    /**
     * {@code F.one_hot}: an int64 tensor of shape {@code (*, numClasses)} with a 1 at each index
     * ({@code numClasses = -1}: the largest index + 1).
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

    /** Mean squared error. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /**
     * {@code (input - target)²} reduced. Different but broadcastable shapes are allowed, with
     * PyTorch's warning, since they are a classic silent bug ((N, 1) against (N)).
     */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        warnIfShapesDiffer(input, target);
        return Losses.mse(input, target, reduction);
    }

    /** Mean absolute error. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /** {@code |input - target|} reduced (PyTorch composes it from abs and the reduction, as here). */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        warnIfShapesDiffer(input, target);
        return reduce(input.sub(target).abs(), reduction);
    }

    /** Shape pairs already warned about: like Python's default warning filter, each is reported once. */
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_WARNED = 64;

    private static void warnIfShapesDiffer(Tensor input, Tensor target) {
        if (input.shape().equals(target.shape())) {
            return;
        }
        String message = "Using a target size (" + Py.size(target.shape()) + ") that is different to the input size ("
                + Py.size(input.shape()) + "). This will likely lead to incorrect results due to broadcasting."
                + " Please ensure they have the same size.";
        if (WARNED.size() < MAX_WARNED && WARNED.add(message)) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    // ---------------------------------------------------------------- classification losses

    /** Binary cross entropy of probabilities, averaged. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, Reduction.MEAN);
    }

    /**
     * {@code -(y·log x + (1-y)·log(1-x))}, with each log clamped at -100 as PyTorch does. Input and
     * target must have the same shape and lie in [0, 1].
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return Losses.binaryCrossEntropy(input, target, reduction);
    }

    /** Binary cross entropy of logits (sigmoid folded in, stable for large |x|), averaged. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, Reduction.MEAN);
    }

    /** Binary cross entropy of logits; input and target must have the same shape. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction) {
        return Losses.binaryCrossEntropyWithLogits(input, target, reduction);
    }

    /** The value PyTorch uses for "no ignored class". */
    public static final long DEFAULT_IGNORE_INDEX = -100;

    /** Negative log likelihood of class indices, averaged. */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, Reduction.MEAN, DEFAULT_IGNORE_INDEX);
    }

    public static Tensor nllLoss(Tensor input, Tensor target, Reduction reduction) {
        return nllLoss(input, target, reduction, DEFAULT_IGNORE_INDEX);
    }

    /**
     * {@code -input[i, target[i]]} reduced, for log-probabilities of shape (C), (N, C) or
     * (N, C, d1, …) and int64 class indices of shape (), (N) or (N, d1, …). Targets equal to
     * {@code ignoreIndex} contribute nothing and don't count in the mean.
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Reduction reduction, long ignoreIndex) {
        int d = input.dim();
        if (d < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got " + d + ")");
        }
        if (d != 1 && (target.dim() == 0 || input.size(0) != target.size(0))) {
            throw new IllegalArgumentException("Expected input batch_size (" + input.size(0)
                    + ") to match target batch_size (" + (target.dim() == 0 ? 0 : target.size(0)) + ").");
        }
        if (d <= 2) {
            return Losses.nll(input, target, reduction, ignoreIndex);
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
        Tensor loss = Losses.nll(rows, target.reshape(-1), reduction, ignoreIndex);
        return reduction == Reduction.NONE ? loss.view(expected) : loss;
    }

    /** Cross entropy of logits against class indices, averaged. */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, Reduction.MEAN, DEFAULT_IGNORE_INDEX);
    }

    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return crossEntropy(input, target, reduction, DEFAULT_IGNORE_INDEX);
    }

    /**
     * {@code nllLoss(logSoftmax(input, classDim), target)}: stable for large logits, since
     * logSoftmax subtracts the max. An int64 target holds class indices; a floating-point target of
     * the input's shape holds class probabilities ({@code -(target · logSoftmax).sum(classDim)}).
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction, long ignoreIndex) {
        if (input.dim() < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got " + input.dim() + ")");
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        Tensor logp = input.logSoftmax(classDim);
        if (target.dtype().isFloatingPoint()) {
            if (!input.shape().equals(target.shape())) {
                throw new IllegalArgumentException("Expected input and target with the same shape for class"
                        + " probabilities, got input " + input.shape() + " and target " + target.shape());
            }
            Tensor perSample = logp.mul(target).sum(classDim).neg();
            if (reduction == Reduction.MEAN) {
                // PyTorch averages over the batch (and positions), not over the classes.
                return input.dim() == 1 ? perSample : perSample.sum().div(input.numel() / input.size(1));
            }
            return reduce(perSample, reduction);
        }
        return nllLoss(logp, target, reduction, ignoreIndex);
    }

    private static Tensor reduce(Tensor loss, Reduction reduction) {
        switch (reduction) {
            case MEAN: return loss.mean();
            case SUM: return loss.sum();
            default: return loss;
        }
    }
}
