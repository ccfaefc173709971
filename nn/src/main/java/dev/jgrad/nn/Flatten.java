package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Flattens dims {@code startDim..endDim} into one: PyTorch's {@code nn.Flatten}, which by default
 * keeps the batch dim ({@code startDim = 1, endDim = -1}), so a (64, 1, 28, 28) batch becomes (64, 784).
 * Forward is {@link Tensor#flatten(int, int)}: a view when the input's strides allow, else a copy (a
 * 0-dim input becomes shape (1)); it throws IndexOutOfBoundsException for a dim out of range and
 * IllegalArgumentException when {@code startDim} comes after {@code endDim}.
 */
public class Flatten extends FunctionModule {
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
        super("start_dim=" + startDim + ", end_dim=" + endDim, input -> input.flatten(startDim, endDim));
        this.startDim = startDim;
        this.endDim = endDim;
    }
}
