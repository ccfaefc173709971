package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;

/** What {@code torch.optim.SGD(params, lr).step()} does without momentum: {@code p.add_(p.grad, alpha=-lr)}. */
final class Sgd {
    private Sgd() {}

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    static void step(double lr, Tensor... params) {
        try (var s = Tensor.noGrad()) {
            for (Tensor p : params) {
                p.add_(p.grad(), -lr);
            }
        }
    }
}
