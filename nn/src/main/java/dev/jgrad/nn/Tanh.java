package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** Hyperbolic tangent, elementwise: PyTorch's {@code nn.Tanh}. */
public class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return F.tanh(input);
    }
}
