package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;

/** What {@code torch.optim.SGD(params, lr).step()} does without momentum: {@code p.add_(p.grad, alpha=-lr)}. */
final class Sgd {
    private Sgd() {
    }

    static void step(double lr, Tensor... params) {
        try (var s = Tensor.noGrad()) {
            for (Tensor p : params) {
                p.add_(p.grad(), -lr);
            }
        }
    }
}
