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
 *
 * <p>{@link #apply} does the same in one call, without the null check, as jgrad's own derivative rules do:
 *
 * <pre>{@code
 * return CustomOp.apply("MseLossBackward0", out, op -> {
 *     Supplier<NDArray> x = op.save(input);         // runs only when the op records
 *     return g -> new NDArray[] {..., op.needsInputGrad(1) ? ... : null};
 * }, input, target);
 * }</pre>
 *
 * A CustomOp is a thin adapter over the node jgrad's built-in ops record, so both behave alike: in-place checks,
 * {@code retainGrad}, printing and the engine's shape fitting.
 */
public final class CustomOp {
    private final OpNode node;

    private CustomOp(OpNode node) {
        this.node = node;
    }

    /**
     * Starts recording an op on {@code inputs} (what {@code torch.autograd.Function.apply} does).
     *
     * @param name the node's name, as PyTorch names its {@code grad_fn} (e.g. {@code MseLossBackward0})
     * @param inputs the op's tensor inputs, in the order backward returns their gradients
     * @return the op, or null when there is nothing to record: no input requires grad, or grad mode is off
     */
    public static CustomOp record(String name, Tensor... inputs) {
        OpNode n = OpNode.record(name, inputs);
        return n == null ? null : new CustomOp(n);
    }

    /**
     * Records an op on {@code inputs} whose result {@code out} was computed on NDArrays, in one call (what
     * {@code torch.autograd.Function.apply} does): when an input requires grad and grad mode is on, {@code rule} runs
     * with the op, saves what backward reads and returns backward; otherwise {@code rule} never runs and the result is
     * a plain tensor. Results that can't have gradients (integer, bool) record nothing either.
     *
     * @param name the node's name, as PyTorch names its {@code grad_fn} (e.g. {@code MseLossBackward0})
     * @param out the op's result
     * @param rule given the op, saves what backward needs and returns backward: the gradient of {@code out} to the
     *     gradients of the inputs, one per input (null where {@link #needsInputGrad} is false)
     * @param inputs the op's tensor inputs, in the order backward returns their gradients
     * @return the result, requiring grad when the op recorded
     */
    public static Tensor apply(
            String name, NDArray out, Function<CustomOp, Function<NDArray, NDArray[]>> rule, Tensor... inputs) {
        return OpNode.apply(name, out, inputs, n -> {
            Function<NDArray, NDArray[]> backward = rule.apply(new CustomOp(n));
            return backward::apply;
        });
    }

    /**
     * Whether input {@code i}'s gradient is needed (PyTorch's {@code ctx.needs_input_grad}).
     *
     * @param i the input's position in {@link #record}
     * @return true when backward must compute it
     * @throws ArrayIndexOutOfBoundsException if {@code i} is not an input's position
     */
    public boolean needsInputGrad(int i) {
        return node.needs(i);
    }

    /**
     * Keeps an input's value for backward ({@code ctx.save_for_backward}).
     *
     * @param input the input to keep
     * @return its value; reading it fails with {@link IllegalStateException} if it was modified in place since, or the
     *     graph was freed
     */
    public Supplier<NDArray> save(Tensor input) {
        SavedValue v = node.save(input);
        return v::get;
    }

    /**
     * Keeps a value the op computed itself, for backward.
     *
     * @param own the value to keep
     * @return the value; reading it fails with {@link IllegalStateException} once the graph was freed
     */
    public Supplier<NDArray> save(NDArray own) {
        SavedValue v = node.save(own);
        return v::get;
    }

    /**
     * The op's result tensor, whose {@link Tensor#gradFn()} runs {@code backward}.
     *
     * @param out the op's result
     * @param backward the gradient of {@code out} to the gradients of the inputs, one per input (null where
     *     {@link #needsInputGrad} is false); a gradient of a broadcast shape is summed back to its input's shape
     * @return the result, requiring grad
     */
    public Tensor finish(NDArray out, Function<NDArray, NDArray[]> backward) {
        return node.finish(out, backward::apply);
    }
}
