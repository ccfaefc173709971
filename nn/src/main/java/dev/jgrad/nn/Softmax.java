package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** Softmax along {@code dim}: PyTorch's {@code nn.Softmax(dim)}. */
public class Softmax extends Module {
    /** The dim the softmax runs along (negative counts from the last). */
    public final int dim;

    /**
     * A Softmax along {@code dim}, {@code nn.Softmax(dim=dim)}.
     *
     * @param dim the dim the softmax runs along (negative counts from the last)
     */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /**
     * Applies {@link F#softmax}.
     *
     * @param input a floating-point tensor of any shape
     * @return values in [0, 1] that sum to 1 along {@code dim}, of the input's shape and dtype
     * @throws IllegalArgumentException if the input is not floating-point
     * @throws IndexOutOfBoundsException if {@code dim} is out of range for the input
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.softmax(input, dim);
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
