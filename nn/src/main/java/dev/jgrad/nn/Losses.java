package dev.jgrad.nn;

import dev.jgrad.autograd.CustomOp;
import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.function.Supplier;

/**
 * The losses PyTorch implements as fused ops with their own backward formula. Each follows
 * ATen's CPU kernel for the forward value and derivatives.yaml's formula, in the same order of
 * float32 operations, so that training runs track PyTorch's digits.
 */
final class Losses {
    /** ATen's guard against dividing by zero in BCE's backward. */
    private static final double BCE_EPSILON = 1e-12;
    /** PyTorch clamps BCE's logs here, so a saturated probability gives a large but finite loss. */
    private static final double LOG_FLOOR = -100;

    private Losses() {}

    // ---------------------------------------------------------------- mse

    static Tensor mse(Tensor input, Tensor target, Reduction reduction) {
        NDArray x = input.data();
        NDArray y = target.data();
        NDArray diff = x.sub(y);
        NDArray out = reduce(diff.pow(2), reduction);
        // ATen: norm * (self - target) * grad, with norm = 2/numel for mean, else 2.
        double norm = reduction == Reduction.MEAN ? 2.0 / diff.numel() : 2.0;
        return pairwise("MseLossBackward0", out, input, target, (op, xv, yv, g) -> {
            NDArray gradInput = xv.sub(yv).mul(norm).mul(g);
            return new NDArray[] {op.needsInputGrad(0) ? gradInput : null, op.needsInputGrad(1) ? gradInput.neg() : null
            };
        });
    }

    // ---------------------------------------------------------------- binary cross entropy

    static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        NDArray x = input.data();
        NDArray y = target.data();
        NDArray w = weight == null ? null : weight.data();
        if (!x.shape().equals(y.shape())) {
            throw new IllegalArgumentException("Using a target size (" + Py.size(y.shape())
                    + ") that is different to the input size (" + Py.size(x.shape())
                    + ") is deprecated. Please ensure they have the same size.");
        }
        requireProbabilities(x, "input");
        requireProbabilities(y, "target");
        // (y - 1) * max(log(1 - x), -100) - y * max(log(x), -100)
        NDArray logX = x.log().clampMin(LOG_FLOOR);
        NDArray log1mX = oneMinus(x).log().clampMin(LOG_FLOOR);
        NDArray loss = y.sub(1).mul(log1mX).sub(y.mul(logX));
        return weightedPairwise(
                "BinaryCrossEntropyBackward0",
                loss,
                w,
                reduction,
                input,
                target,
                // grad * (x - y) / max((1 - x) * x, EPSILON)
                (xv, yv, g) -> g.mul(xv.sub(yv)).div(oneMinus(xv).mul(xv).clampMin(BCE_EPSILON)),
                // grad * (log(1 - x) - log(x)), both clamped as in the forward
                (xv, yv, g) -> g.mul(
                        oneMinus(xv).log().clampMin(LOG_FLOOR).sub(xv.log().clampMin(LOG_FLOOR))));
    }

    /** The gradients of a loss of an input and a target, given the op, their saved values and the output's gradient. */
    @FunctionalInterface
    private interface PairBackward {
        NDArray[] apply(CustomOp op, NDArray input, NDArray target, NDArray grad);
    }

    /** Records a loss of {@code input} and {@code target}, both saved for {@code backward}. */
    private static Tensor pairwise(String name, NDArray out, Tensor input, Tensor target, PairBackward backward) {
        return CustomOp.apply(
                name,
                out,
                op -> {
                    Supplier<NDArray> sx = op.save(input);
                    Supplier<NDArray> sy = op.save(target);
                    return g -> backward.apply(op, sx.get(), sy.get(), g);
                },
                input,
                target);
    }

    /** One per-element derivative of a binary loss, of the input or of the target, before weighting. */
    @FunctionalInterface
    private interface Derivative {
        NDArray apply(NDArray input, NDArray target, NDArray grad);
    }

    /**
     * Records a per-element binary loss weighted by {@code w} (if any) and reduced; each gradient is
     * its derivative {@link #weighted} the same way, computed only when that input needs it.
     */
    private static Tensor weightedPairwise(
            String name,
            NDArray loss,
            NDArray w,
            Reduction reduction,
            Tensor input,
            Tensor target,
            Derivative dInput,
            Derivative dTarget) {
        NDArray out = reduce(w == null ? loss : loss.mul(w), reduction);
        int n = input.data().numel();
        return pairwise(name, out, input, target, (op, xv, yv, g) -> new NDArray[] {
            op.needsInputGrad(0) ? weighted(dInput.apply(xv, yv, g), w, reduction, n) : null,
            op.needsInputGrad(1) ? weighted(dTarget.apply(xv, yv, g), w, reduction, n) : null
        });
    }

    /** A per-element gradient times the loss's weight (if any), divided by n for the mean, as ATen orders it. */
    private static NDArray weighted(NDArray grad, NDArray weight, Reduction reduction, int n) {
        NDArray g = weight == null ? grad : grad.mul(weight);
        return reduction == Reduction.MEAN ? g.div(n) : g;
    }

    private static NDArray oneMinus(NDArray x) {
        return x.neg().add(1);
    }

    private static void requireProbabilities(NDArray a, String what) {
        // NaN fails the check too, as in ATen's (v >= 0) && (v <= 1).
        long inside = a.ge(0).logicalAnd(a.le(1)).sum().itemLong();
        if (inside != a.numel()) {
            throw new IllegalArgumentException("all elements of " + what + " should be between 0 and 1");
        }
    }

    /**
     * ATen's stable form, with {@code L = softplus(-x) = m + log(exp(-m) + exp(-x - m))}, m = max(-x, 0):
     * {@code loss = (1 - y)·x + lw·L}, lw = 1 + (posWeight - 1)·y (lw = 1 without a posWeight), times
     * the weight. The weights are constants: no gradient flows into them.
     */
    static Tensor binaryCrossEntropyWithLogits(
            Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction reduction) {
        NDArray x = input.data();
        NDArray y = target.data();
        if (!x.shape().equals(y.shape())) {
            throw new IllegalArgumentException("Target size (" + Py.size(y.shape())
                    + ") must be the same as input size (" + Py.size(x.shape()) + ")");
        }
        NDArray w = weight == null ? null : weight.data();
        NDArray logWeight =
                posWeight == null ? null : posWeight.data().sub(1).mul(y).add(1);
        NDArray m = x.neg().clampMin(0);
        NDArray softplusNegX = m.add(m.neg().exp().add(x.neg().sub(m).exp()).log());
        NDArray loss = oneMinus(y).mul(x).add(logWeight == null ? softplusNegX : logWeight.mul(softplusNegX));
        return weightedPairwise(
                "BinaryCrossEntropyWithLogitsBackward0",
                loss,
                w,
                reduction,
                input,
                target,
                // ATen: (lw·σ(x) - posWeight·y)·grad, which is (σ(x) - y)·grad without a posWeight
                (xv, yv, g) -> logWeight == null
                        ? xv.sigmoid().sub(yv).mul(g)
                        : logWeight
                                .mul(xv.sigmoid())
                                .sub(posWeight.data().mul(yv))
                                .mul(g),
                (xv, yv, g) -> {
                    // d/dy: -x, plus (posWeight - 1)·softplus(-x) with a posWeight
                    NDArray dy = xv.neg();
                    if (posWeight != null) {
                        NDArray mv = xv.neg().clampMin(0);
                        NDArray sp = mv.add(
                                mv.neg().exp().add(xv.neg().sub(mv).exp()).log());
                        dy = dy.add(posWeight.data().sub(1).mul(sp));
                    }
                    return dy.mul(g);
                });
    }

    // ---------------------------------------------------------------- negative log likelihood

    /**
     * nll_loss for a (N, C) or (C) input of log-probabilities and class indices; the mean divides by
     * the number of targets that aren't {@code ignoreIndex}.
     */
    static Tensor nll(Tensor input, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex) {
        reduction.elementwise();
        NDArray x = input.data();
        NDArray t = target.data();
        if (t.dtype() != DType.INT64) {
            throw new IllegalArgumentException(
                    "expected scalar type Long but found " + t.dtype().scalarTypeName());
        }
        if (x.dim() < 1 || x.dim() > 2) {
            throw new IllegalArgumentException("input tensor should be 1D or 2D");
        }
        if (t.dim() > 1) {
            throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
        }
        boolean noBatch = x.dim() == 1 && t.dim() == 0;
        if (!noBatch && (x.dim() != 2 || t.dim() != 1 || x.size(0) != t.size(0))) {
            throw new IllegalArgumentException("size mismatch (got input: " + sizes(x) + ", target: " + sizes(t) + ")");
        }
        NDArray x2 = noBatch ? x.unsqueeze(0) : x;
        NDArray t1 = noBatch ? t.reshape(1) : t;
        int batch = x2.size(0);
        int classes = x2.size(1);
        double[] classWeights = weight == null ? null : weight.data().toDoubleArray();
        if (classWeights != null && (weight.dim() != 1 || classWeights.length != classes)) {
            throw new IllegalArgumentException("weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + sizes(weight.data()));
        }
        long[] targets = t1.toLongArray();
        // Ignored rows gather from class 0 and are then masked out.
        long[] safe = new long[batch];
        boolean[] keep = new boolean[batch];
        // Each row's weight: its class's (1 without class weights), 0 when ignored.
        double[] rowWeight = new double[batch];
        for (int i = 0; i < batch; i++) {
            long c = targets[i];
            if (c == ignoreIndex) {
                continue;
            }
            if (c < 0 || c >= classes) {
                throw new IndexOutOfBoundsException("Target " + c + " is out of bounds.");
            }
            safe[i] = c;
            keep[i] = true;
            rowWeight[i] = classWeights == null ? 1 : classWeights[(int) c];
        }
        NDArray index = NDArray.wrap(safe, batch, 1);
        NDArray rowWeights = NDArray.wrap(rowWeight, batch).to(x.dtype());
        // where(), not a multiplication, so that an ignored row's -inf can't turn into NaN.
        NDArray mask = NDArray.wrap(keep, batch);
        NDArray zero = NDArray.scalar(0, x.dtype());
        NDArray gathered = x2.gather(1, index).reshape(batch).neg();
        NDArray picked = NDArray.where(mask, classWeights == null ? gathered : gathered.mul(rowWeights), zero);
        // The mean divides by the summed weights of the rows that count (their number without class weights).
        NDArray totalWeight = rowWeights.sum();
        NDArray out;
        if (reduction == Reduction.NONE) {
            out = noBatch ? picked.reshape() : picked;
        } else {
            NDArray total = picked.sum();
            out = reduction == Reduction.MEAN ? total.div(totalWeight) : total;
        }
        int[] shape = x.shape().toArray();
        return CustomOp.apply(
                "NllLossBackward0",
                out,
                op -> g -> {
                    NDArray perRow;
                    if (reduction == Reduction.NONE) {
                        perRow = g.reshape(batch).neg();
                    } else {
                        // ATen: -(grad / total_weight) for mean, -grad for sum, in the input's dtype
                        NDArray gs = reduction == Reduction.MEAN ? g.div(totalWeight) : g;
                        perRow = gs.neg().reshape(1).expand(batch);
                    }
                    if (classWeights != null) {
                        perRow = perRow.mul(rowWeights);
                    }
                    NDArray grad = NDArray.zeros(g.dtype(), batch, classes);
                    grad.scatter_(1, index, NDArray.where(mask, perRow, zero).reshape(batch, 1));
                    return new NDArray[] {grad.view(shape)};
                },
                input);
    }

    private static String sizes(NDArray a) {
        return java.util.Arrays.toString(a.shape().toArray());
    }

    private static NDArray reduce(NDArray loss, Reduction reduction) {
        return reduction.reduce(loss, NDArray::mean, NDArray::sum);
    }
}
