package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** {@code max(0, x)}, elementwise: PyTorch's {@code nn.ReLU}. */
public class ReLU extends Module {
    /** A ReLU module, {@code nn.ReLU()}; it has no parameters. */
    public ReLU() {}

    /**
     * Applies {@link F#relu}.
     *
     * @param input a tensor of any shape
     * @return {@code max(0, input)}, of the input's shape and dtype
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.relu(input);
    }
}
