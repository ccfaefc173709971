package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of the backward graph: PyTorch's {@code grad_fn}. It receives the gradient of one value
 * and returns the gradients of the inputs that value was computed from.
 */
public abstract class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Per input, the node its gradient goes to, or null when that input needs none. */
    final Node[] next;
    /** Later nodes run first among those ready, as in PyTorch, so sums add up in its order. */
    final long sequenceNr;
    /** Shape and dtype of the value whose gradient this node receives: incoming grads are fitted to them. */
    int[] shape;

    DType dtype;
    /** The autograd state of the non-leaf tensor that asked to keep its gradient (retainGrad), if any. */
    AutogradMeta retainer;

    Node(Node[] next) {
        this(next, SEQUENCE.getAndIncrement());
    }

    Node(Node[] next, long sequenceNr) {
        this.next = next;
        this.sequenceNr = sequenceNr;
    }

    /**
     * PyTorch's name for this node, e.g. {@code MulBackward0}.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The nodes the input gradients flow to, one per input; null where an input needs no gradient
     * ({@code grad_fn.next_functions}).
     *
     * @return a read-only list, one entry per input
     */
    public List<Node> nextFunctions() {
        return Collections.unmodifiableList(Arrays.asList(next.clone()));
    }

    /**
     * Whether input {@code i}'s gradient is needed: PyTorch's {@code needs_input_grad}.
     *
     * @param i the input's position
     * @return true when a gradient must be computed for it
     * @throws ArrayIndexOutOfBoundsException if {@code i} is not an input's position
     */
    public boolean needsInputGrad(int i) {
        return next[i] != null;
    }

    /** Gradients of the inputs given the gradient of the output; null entries for inputs that need none. */
    abstract NDArray[] apply(NDArray grad);

    /** Drops the saved values once backward has used them. */
    void release() {}

    /**
     * The name in angle brackets, as PyTorch prints a {@code grad_fn}: {@code <MulBackward0>}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "<" + name() + ">";
    }
}
