package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A differentiable op written outside this module, with its own backward formula: what PyTorch's
 * fused ops (binary_cross_entropy, nll_loss, mse_loss) are, and what {@code torch.autograd.Function}
 * offers users. The op computes its result on NDArrays, then records itself:
 *
 * <pre>{@code
 * CustomOp op = CustomOp.record("MseLossBackward0", input, target);
 * if (op == null) return Tensor.of(out);            // nothing requires grad, or noGrad
 * Supplier<NDArray> x = op.save(input);             // checked against in-place changes
 * return op.finish(out, g -> new NDArray[] {..., op.needsInputGrad(1) ? ... : null});
 * }</pre>
 *
 * The backward gets the gradient of the output and returns one gradient per input (null where
 * {@link #needsInputGrad} is false); a gradient may have the broadcast shape, the engine sums it
 * back to the input's shape.
 */
public final class CustomOp {
    private final OpNode node;

    private CustomOp(OpNode node) {
        this.node = node;
    }

    /** The op's node, named as PyTorch names its grad_fn; null when there is nothing to record. */
    public static CustomOp record(String name, Tensor... inputs) {
        OpNode n = OpNode.record(name, inputs);
        return n == null ? null : new CustomOp(n);
    }

    /** Whether input {@code i}'s gradient is needed (PyTorch's {@code needs_input_grad}). */
    public boolean needsInputGrad(int i) {
        return node.needs(i);
    }

    /** Keeps an input's value for backward; reading it fails if it was modified in place since. */
    public Supplier<NDArray> save(Tensor input) {
        SavedValue v = node.save(input);
        return v::get;
    }

    /** Keeps a value the op computed itself. */
    public Supplier<NDArray> save(NDArray own) {
        SavedValue v = node.save(own);
        return v::get;
    }

    /** The op's result tensor, whose gradFn runs {@code backward}. */
    public Tensor finish(NDArray out, Function<NDArray, NDArray[]> backward) {
        return node.finish(out, backward::apply);
    }
}
