package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * A module whose forward takes two tensors: PyTorch's {@code def forward(self, a, b)}. The result
 * type {@code R} is a {@link Tensor}, or a record of tensors for several outputs (PyTorch's tuple):
 *
 * <pre>{@code
 * class Gate extends BiModule<Gate.Out> {
 *     record Out(Tensor mixed, Tensor gate) {}
 *     final Linear proj = registerModule("proj", new Linear(4, 4));
 *     public Out forward(Tensor x, Tensor h) {
 *         Tensor g = proj.call(h).sigmoid();
 *         return new Out(x.mul(g), g);
 *     }
 * }
 * Gate.Out out = gate.call(x, h);                   // mixed, gate = gate(x, h)
 * }</pre>
 *
 * Everything else (parameters, state dict, train/eval, printing) is {@link Module}'s; see its
 * class comment for the design.
 *
 * @param <R> the type of the result
 */
public abstract class BiModule<R> extends Module {
    /** A module with no parameters yet; subclasses register theirs in their constructor. */
    protected BiModule() {}

    /**
     * The computation of this module; call it through {@link #call(Tensor, Tensor)}.
     *
     * @param a the first input
     * @param b the second input
     * @return the result: a tensor, or a record of tensors
     */
    public abstract R forward(Tensor a, Tensor b);

    /**
     * PyTorch's {@code module(a, b)}: runs {@link #forward(Tensor, Tensor)}.
     *
     * @param a the first input
     * @param b the second input
     * @return what forward returns
     */
    public final R call(Tensor a, Tensor b) {
        return forward(a, b);
    }

    /**
     * Fails: this module takes two inputs. A subclass that also accepts one input (an optional
     * second one) overrides this.
     *
     * @throws UnsupportedOperationException always, naming the module and its arity
     */
    @Override
    public Tensor forward(Tensor input) {
        throw wrongArity(this, 2);
    }

    /** The error for a one-tensor call of a module that takes {@code inputs} tensors. */
    static UnsupportedOperationException wrongArity(Module m, int inputs) {
        String args = inputs == 2 ? "a, b" : "a, b, c";
        return new UnsupportedOperationException(m.getName() + ".forward() takes " + inputs
                + " tensors but 1 was given: call it as call(" + args + ")"
                + " (a Sequential passes one tensor from module to module, so it can't chain it)");
    }
}
