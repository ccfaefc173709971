package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** Log of the softmax along {@code dim}, computed stably: PyTorch's {@code nn.LogSoftmax(dim)}. */
public class LogSoftmax extends Module {
    public final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.logSoftmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
