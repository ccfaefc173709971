package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Flattens dims {@code startDim..endDim} into one: PyTorch's {@code nn.Flatten}, which by default
 * keeps the batch dim ({@code startDim = 1, endDim = -1}), so a (64, 1, 28, 28) batch becomes (64, 784).
 */
public class Flatten extends Module {
    /** The first dim flattened (negative counts from the last). */
    public final int startDim;
    /** The last dim flattened, inclusive (negative counts from the last). */
    public final int endDim;

    /** Flattens every dim but the first, {@code nn.Flatten()}: {@code startDim = 1, endDim = -1}. */
    public Flatten() {
        this(1, -1);
    }

    /**
     * Flattens dims {@code startDim} to {@code endDim}, both included, as
     * {@code nn.Flatten(start_dim, end_dim)}.
     *
     * @param startDim the first dim flattened (negative counts from the last)
     * @param endDim the last dim flattened (negative counts from the last)
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /**
     * Applies {@link Tensor#flatten(int, int)}: a view when the input's strides allow, else a copy.
     *
     * @param input a tensor of any shape and dtype (a 0-dim one becomes shape (1))
     * @return the input with dims {@code startDim..endDim} merged into one of their product's size
     * @throws IndexOutOfBoundsException if {@code startDim} or {@code endDim} is out of range
     * @throws IllegalArgumentException if {@code startDim} comes after {@code endDim}
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    /**
     * The repr's settings, e.g. {@code start_dim=1, end_dim=-1}.
     *
     * @return the settings as PyTorch prints them
     */
    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
