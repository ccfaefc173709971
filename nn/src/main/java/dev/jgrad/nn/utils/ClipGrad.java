package dev.jgrad.nn.utils;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;

import java.util.ArrayList;
import java.util.List;

/** PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class ClipGrad {
    private ClipGrad() {
    }

    /** Clips by the 2-norm; see {@link #clipGradNorm_(Iterable, double, double, boolean)}. */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    /** Clips by the {@code normType}-norm (∞ allowed); see {@link #clipGradNorm_(Iterable, double, double, boolean)}. */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType) {
        return clipGradNorm_(parameters, maxNorm, normType, false);
    }

    /**
     * Scales all gradients in place by one factor so that their joint norm (the norm of the
     * per-tensor norms) is at most {@code maxNorm}, and returns that total norm as a 0-dim tensor.
     * As in PyTorch 1.13 the factor is {@code maxNorm / (total + 1e-6)}, clamped to at most 1.
     * With {@code errorIfNonfinite} a NaN or infinite total fails instead of poisoning the weights.
     */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType,
            boolean errorIfNonfinite) {
        List<NDArray> grads = new ArrayList<>();
        for (Tensor p : parameters) {
            if (p.grad() != null) {
                grads.add(p.grad().data());
            }
        }
        if (grads.isEmpty()) {
            return Tensor.scalar(0.0);
        }
        NDArray total;
        if (normType == Double.POSITIVE_INFINITY) {
            List<NDArray> maxes = new ArrayList<>();
            for (NDArray g : grads) {
                maxes.add(g.abs().max());
            }
            total = maxes.size() == 1 ? maxes.get(0) : NDArray.stack(maxes, 0).max();
        } else {
            List<NDArray> norms = new ArrayList<>();
            for (NDArray g : grads) {
                norms.add(vectorNorm(g, normType));
            }
            total = vectorNorm(NDArray.stack(norms, 0), normType);
        }
        double t = total.item();
        if (errorIfNonfinite && !Double.isFinite(t)) {
            throw new IllegalStateException("The total norm of order " + normType + " for gradients from"
                    + " `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the"
                    + " gradients by the non-finite norm anyway, set `error_if_nonfinite=False`");
        }
        // Python's max_norm / tensor is reciprocal(tensor) * max_norm.
        NDArray coef = NDArray.scalar(1.0, total.dtype()).div(total.add(1e-6)).mul(maxNorm).clampMax(1.0);
        for (NDArray g : grads) {
            g.mul_(coef);
        }
        return Tensor.of(total);
    }

    private static NDArray vectorNorm(NDArray a, double ord) {
        if (ord == 2) {
            return a.mul(a).sum().sqrt();
        }
        if (ord == 1) {
            return a.abs().sum();
        }
        return a.abs().pow(ord).sum().pow(1 / ord);
    }

    /** Clamps every gradient element to [-clipValue, clipValue], in place. */
    public static void clipGradValue_(Iterable<Tensor> parameters, double clipValue) {
        for (Tensor p : parameters) {
            if (p.grad() != null) {
                p.grad().data().clamp_(-clipValue, clipValue);
            }
        }
    }
}
