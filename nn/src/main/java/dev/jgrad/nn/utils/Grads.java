package dev.jgrad.nn.utils;

import dev.jgrad.autograd.Tensor;

/** Clearing gradients, shared by {@code Module.zeroGrad} and {@code Optimizer.zeroGrad}. */
public final class Grads {
    private Grads() {}

    /**
     * Zeroes each tensor's gradient in place, keeping its buffer for the next backward to add into
     * ({@code set_to_none=False}), or drops it ({@code setToNone}, the default of zeroGrad()).
     * Tensors without a gradient are skipped.
     *
     * @param params the tensors whose gradients to clear
     * @param setToNone true to set each gradient to null, false to zero it in place
     */
    public static void zero(Iterable<Tensor> params, boolean setToNone) {
        for (Tensor p : params) {
            if (p.grad() == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                p.zeroGrad_();
            }
        }
    }
}
