package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** Returns its input unchanged: PyTorch's {@code nn.Identity}, a placeholder in a Sequential. */
public class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
