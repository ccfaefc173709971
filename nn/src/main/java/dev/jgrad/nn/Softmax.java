package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** Softmax along {@code dim}: PyTorch's {@code nn.Softmax(dim)}. */
public class Softmax extends Module {
    public final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
