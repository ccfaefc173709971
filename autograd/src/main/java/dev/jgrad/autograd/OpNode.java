package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.function.UnaryOperator;

/**
 * The node an op records: its name, where its inputs' gradients go, the values it saved and its {@link Derivative}.
 *
 * <p>{@link #apply} is the one place where an op decides whether to record (tinygrad's {@code Function.apply}): a
 * derivative rule hands it the forward's result and a {@link Rule}, and the rule runs only when something records.
 * {@link CustomOp} exposes the same steps ({@link #record}, {@link #save}, {@link #finish}) to other modules.
 */
final class OpNode extends Node {
    /**
     * The derivative half of an op: run only when the op records, it saves what its formula reads (through the node,
     * so that a rule without parameters captures nothing and costs no allocation) and returns the formula.
     */
    @FunctionalInterface
    interface Rule {
        Derivative record(OpNode n);
    }

    private final String name;
    private SavedValue saved;
    private Derivative derivative;
    // Set only while a Rule records: what save(int) and saveOutput() read.
    private Tensor[] inputs;
    private NDArray out;

    private OpNode(String name, Node[] next) {
        super(next);
        this.name = name;
    }

    /**
     * The result of an op on {@code inputs} whose forward gave {@code out}, recorded with {@code rule} when an input
     * requires grad and grad mode is on; otherwise a plain tensor, and {@code rule} never runs. Results that can't
     * have gradients (integer, bool) record nothing either.
     */
    static Tensor apply(String name, NDArray out, Tensor[] inputs, Rule rule) {
        OpNode n = out.dtype().isFloatingPoint() ? record(name, inputs) : null;
        return n == null ? Tensor.of(out) : new Tensor(out, n.bind(rule, inputs, out));
    }

    /** {@link #apply(String, NDArray, Tensor[], Rule)} for an op of one input. */
    static Tensor apply(String name, NDArray out, Tensor a, Rule rule) {
        return apply(name, out, new Tensor[] {a}, rule);
    }

    /** {@link #apply(String, NDArray, Tensor[], Rule)} for an op of two inputs. */
    static Tensor apply(String name, NDArray out, Tensor a, Tensor b, Rule rule) {
        return apply(name, out, new Tensor[] {a, b}, rule);
    }

    /**
     * {@link #apply} for a view of {@code base}: the result also learns how to replay itself on its base, which
     * in-place ops on views need (see {@link AutogradMeta}).
     */
    static Tensor view(String name, NDArray out, Tensor base, UnaryOperator<Tensor> replay, Rule rule) {
        Tensor[] inputs = {base};
        OpNode n = record(name, inputs);
        return n == null ? Tensor.of(out) : AutogradMeta.viewResult(base, out, n.bind(rule, inputs, out), replay);
    }

    /**
     * A node for an op on {@code inputs}, or null when there is nothing to record: no input requires grad, or grad
     * mode is off on this thread.
     */
    static OpNode record(String name, Tensor... inputs) {
        boolean any = false;
        for (Tensor t : inputs) {
            any |= t.requiresGrad();
        }
        if (!any || !GradMode.isEnabled()) {
            return null;
        }
        Node[] next = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            next[i] = inputs[i].gradEdge();
        }
        return new OpNode(name, next);
    }

    private OpNode bind(Rule rule, Tensor[] inputs, NDArray out) {
        this.inputs = inputs;
        this.out = out;
        Derivative d = rule.record(this);
        this.inputs = null;
        this.out = null;
        attach(out, d);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    boolean needs(int input) {
        return next[input] != null;
    }

    /** Input {@code i} of the op that is recording. */
    Tensor input(int i) {
        return inputs[i];
    }

    /** The shape of input {@code i} of the op that is recording. */
    int[] inputShape(int i) {
        return inputs[i].data().shape().toArray();
    }

    /** Saves input {@code i} of the op that is recording. */
    SavedValue save(int i) {
        return save(inputs[i]);
    }

    /** Saves the result of the op that is recording. */
    SavedValue saveOutput() {
        return save(out);
    }

    /** Saves an input's value for backward. */
    SavedValue save(Tensor input) {
        Node producer = input.gradFnForSaving();
        return keep(new SavedValue(input.data(), producer == null ? null : producer.name(), name));
    }

    /** Saves a value this op computed (its output, or indices it found). */
    SavedValue save(NDArray own) {
        return keep(new SavedValue(own, name, name));
    }

    private SavedValue keep(SavedValue v) {
        v.nextSaved = saved;
        saved = v;
        return v;
    }

    /** The op's result, attached to this node; results that can't have gradients (integer, bool) get none. */
    Tensor finish(NDArray out, Derivative d) {
        if (!out.dtype().isFloatingPoint()) {
            return Tensor.of(out);
        }
        attach(out, d);
        return new Tensor(out, this);
    }

    /** Binds the formula and the output's metadata. */
    private void attach(NDArray out, Derivative d) {
        this.derivative = d;
        this.shape = out.shape().toArray();
        this.dtype = out.dtype();
    }

    @Override
    NDArray[] apply(NDArray grad) {
        return derivative.apply(grad);
    }

    @Override
    void release() {
        for (SavedValue v = saved; v != null; v = v.nextSaved) {
            v.release();
        }
    }
}
