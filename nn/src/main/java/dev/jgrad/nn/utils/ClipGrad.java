package dev.jgrad.nn.utils;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;

/** PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class ClipGrad {
    private ClipGrad() {}

    /**
     * Clips by the 2-norm, {@code clip_grad_norm_(parameters, max_norm)}; see
     * {@link #clipGradNorm_(Iterable, double, double, boolean)}.
     *
     * @param parameters the parameters whose gradients to clip; those without a gradient are skipped
     * @param maxNorm the largest total norm the gradients keep
     * @return the total norm before clipping, a 0-dim tensor of the gradients' dtype (float32 0 when no
     *     parameter has a gradient)
     */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    /**
     * Clips by the {@code normType}-norm (∞ allowed), {@code clip_grad_norm_(parameters, max_norm,
     * norm_type)}; see {@link #clipGradNorm_(Iterable, double, double, boolean)}.
     *
     * @param parameters the parameters whose gradients to clip; those without a gradient are skipped
     * @param maxNorm the largest total norm the gradients keep
     * @param normType the order p of the norm, {@link Double#POSITIVE_INFINITY} for the max norm
     * @return the total norm before clipping, a 0-dim tensor of the gradients' dtype (float32 0 when no
     *     parameter has a gradient)
     */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType) {
        return clipGradNorm_(parameters, maxNorm, normType, false);
    }

    /**
     * Scales all gradients in place by one factor so that their joint norm (the norm of the
     * per-tensor norms) is at most {@code maxNorm}, and returns that total norm as a 0-dim tensor.
     * As in PyTorch 1.13 the factor is {@code maxNorm / (total + 1e-6)}, clamped to at most 1.
     * With {@code errorIfNonfinite} a NaN or infinite total fails instead of poisoning the weights.
     * PyTorch's {@code clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)}.
     *
     * @param parameters the parameters whose gradients to clip; those without a gradient are skipped
     * @param maxNorm the largest total norm the gradients keep
     * @param normType the order p of the norm, {@link Double#POSITIVE_INFINITY} for the max norm
     * @param errorIfNonfinite whether a NaN or infinite total norm is an error
     * @return the total norm before clipping, a 0-dim tensor of the gradients' dtype (float32 0 when no
     *     parameter has a gradient)
     * @throws IllegalStateException if {@code errorIfNonfinite} and the total norm is NaN or infinite
     *     (nothing is scaled then)
     */
    public static Tensor clipGradNorm_(
            Iterable<Tensor> parameters, double maxNorm, double normType, boolean errorIfNonfinite) {
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
        NDArray coef = NDArray.scalar(1.0, total.dtype())
                .div(total.add(1e-6))
                .mul(maxNorm)
                .clampMax(1.0);
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

    /**
     * Clamps every gradient element to [-clipValue, clipValue], in place:
     * {@code clip_grad_value_(parameters, clip_value)}.
     *
     * @param parameters the parameters whose gradients to clip; those without a gradient are skipped
     * @param clipValue the largest absolute value a gradient element keeps
     */
    public static void clipGradValue_(Iterable<Tensor> parameters, double clipValue) {
        for (Tensor p : parameters) {
            if (p.grad() != null) {
                p.grad().data().clamp_(-clipValue, clipValue);
            }
        }
    }
}
