package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The node an op records: its name, where its inputs' gradients go, the values it saved and its
 * {@link Derivative}. Ops build one with {@link #record}, save what their formula reads, and
 * {@link #finish} it with the output.
 */
final class OpNode extends Node {
    private final String name;
    private final List<SavedValue> saved = new ArrayList<>(2);
    private Derivative derivative;

    private OpNode(String name, Node[] next) {
        super(next);
        this.name = name;
    }

    /**
     * A node for an op on {@code inputs}, or null when there is nothing to record: no input requires
     * grad, or grad mode is off on this thread.
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

    @Override
    public String name() {
        return name;
    }

    boolean needs(int input) {
        return next[input] != null;
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
        saved.add(v);
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

    /** Binds the formula and the output's metadata, for ops that build their result tensor themselves. */
    void attach(NDArray out, Derivative d) {
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
        for (SavedValue v : saved) {
            v.release();
        }
    }
}
