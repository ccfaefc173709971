package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** Log of the softmax along {@code dim}, computed stably: PyTorch's {@code nn.LogSoftmax(dim)}. */
public class LogSoftmax extends Module {
    /** The dim the softmax runs along (negative counts from the last). */
    public final int dim;

    /**
     * A LogSoftmax along {@code dim}, {@code nn.LogSoftmax(dim=dim)}.
     *
     * @param dim the dim the softmax runs along (negative counts from the last)
     */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /**
     * Applies {@link F#logSoftmax}.
     *
     * @param input a floating-point tensor of any shape
     * @return {@code log(softmax(input, dim))}, of the input's shape and dtype
     * @throws IllegalArgumentException if the input is not floating-point
     * @throws IndexOutOfBoundsException if {@code dim} is out of range for the input
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.logSoftmax(input, dim);
    }

    /**
     * The repr's settings, e.g. {@code dim=1}.
     *
     * @return {@code "dim=" + dim}
     */
    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
