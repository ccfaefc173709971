package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** {@code max(0, x)}, elementwise: PyTorch's {@code nn.ReLU}. */
public class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return F.relu(input);
    }
}
