package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** Hyperbolic tangent, elementwise: PyTorch's {@code nn.Tanh}. */
public class Tanh extends Module {
    /** A Tanh module, {@code nn.Tanh()}; it has no parameters. */
    public Tanh() {}

    /**
     * Applies {@link F#tanh}.
     *
     * @param input a tensor of any shape
     * @return the hyperbolic tangent of each element, of the input's shape (integer inputs give float32)
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.tanh(input);
    }
}
