package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** {@code 1 / (1 + e^-x)}, elementwise: PyTorch's {@code nn.Sigmoid}. */
public class Sigmoid extends Module {
    /** A Sigmoid module, {@code nn.Sigmoid()}; it has no parameters. */
    public Sigmoid() {}

    /**
     * Applies {@link F#sigmoid}.
     *
     * @param input a tensor of any shape
     * @return the logistic sigmoid of each element, of the input's shape (integer inputs give float32)
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.sigmoid(input);
    }
}
