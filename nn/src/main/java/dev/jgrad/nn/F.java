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

    static void checkDropoutProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Py.number(p));
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
        return binaryCrossEntropy(input, target, Reduction.MEAN);
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
        return Losses.binaryCrossEntropy(input, target, reduction);
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
        return binaryCrossEntropyWithLogits(input, target, Reduction.MEAN);
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
        return Losses.binaryCrossEntropyWithLogits(input, target, reduction);
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
        return nllLoss(input, target, Reduction.MEAN, DEFAULT_IGNORE_INDEX);
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
        return nllLoss(input, target, reduction, DEFAULT_IGNORE_INDEX);
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
        return crossEntropy(input, target, Reduction.MEAN, DEFAULT_IGNORE_INDEX);
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
        return crossEntropy(input, target, reduction, DEFAULT_IGNORE_INDEX);
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
