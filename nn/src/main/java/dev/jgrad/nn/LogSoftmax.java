package dev.jgrad.nn;

/**
 * Log of the softmax along {@code dim}, computed stably: PyTorch's {@code nn.LogSoftmax(dim)}. Forward
 * is {@link F#logSoftmax}, of the input's shape and dtype; it throws IllegalArgumentException for a
 * non-floating-point input and IndexOutOfBoundsException for a dim out of range.
 */
public class LogSoftmax extends FunctionModule {
    /** The dim the softmax runs along (negative counts from the last). */
    public final int dim;

    /**
     * A LogSoftmax along {@code dim}, {@code nn.LogSoftmax(dim=dim)}.
     *
     * @param dim the dim the softmax runs along (negative counts from the last)
     */
    public LogSoftmax(int dim) {
        super("dim=" + dim, input -> F.logSoftmax(input, dim));
        this.dim = dim;
    }
}
