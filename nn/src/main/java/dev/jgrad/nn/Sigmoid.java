package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** {@code 1 / (1 + e^-x)}, elementwise: PyTorch's {@code nn.Sigmoid}. */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return F.sigmoid(input);
    }
}
