package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * A module whose forward takes three tensors, e.g. attention's query, key and value: PyTorch's
 * {@code def forward(self, q, k, v)}. The result type {@code R} is a {@link Tensor}, or a record of
 * tensors for several outputs (PyTorch's tuple). It is {@link BiModule}'s three-input sibling; see
 * {@link Module}'s class comment for the design.
 *
 * @param <R> the type of the result
 */
public abstract class TriModule<R> extends Module {
    /** A module with no parameters yet; subclasses register theirs in their constructor. */
    protected TriModule() {}

    /**
     * The computation of this module; call it through {@link #call(Tensor, Tensor, Tensor)}.
     *
     * @param a the first input
     * @param b the second input
     * @param c the third input
     * @return the result: a tensor, or a record of tensors
     */
    public abstract R forward(Tensor a, Tensor b, Tensor c);

    /**
     * PyTorch's {@code module(a, b, c)}: runs {@link #forward(Tensor, Tensor, Tensor)}.
     *
     * @param a the first input
     * @param b the second input
     * @param c the third input
     * @return what forward returns
     */
    public final R call(Tensor a, Tensor b, Tensor c) {
        return forward(a, b, c);
    }

    /**
     * Fails: this module takes three inputs. A subclass that also accepts one input overrides this.
     *
     * @throws UnsupportedOperationException always, naming the module and its arity
     */
    @Override
    public Tensor forward(Tensor input) {
        throw BiModule.wrongArity(this, 3);
    }
}
