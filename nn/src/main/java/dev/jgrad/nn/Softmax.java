package dev.jgrad.nn;

/**
 * Softmax along {@code dim}: PyTorch's {@code nn.Softmax(dim)}. Forward is {@link F#softmax}: values in
 * [0, 1] that sum to 1 along {@code dim}, of the input's shape and dtype; it throws
 * IllegalArgumentException for a non-floating-point input and IndexOutOfBoundsException for a dim out
 * of range.
 */
public class Softmax extends FunctionModule {
    /** The dim the softmax runs along (negative counts from the last). */
    public final int dim;

    /**
     * A Softmax along {@code dim}, {@code nn.Softmax(dim=dim)}.
     *
     * @param dim the dim the softmax runs along (negative counts from the last)
     */
    public Softmax(int dim) {
        super("dim=" + dim, input -> F.softmax(input, dim));
        this.dim = dim;
    }
}
