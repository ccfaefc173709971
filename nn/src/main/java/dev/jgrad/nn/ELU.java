package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** {@code x > 0 ? x : alpha·(exp(x) - 1)}, elementwise: PyTorch's {@code nn.ELU(alpha=1.0)}. */
public class ELU extends Module {
    /** The negated limit for large negative inputs. */
    public final double alpha;

    /** An ELU with alpha 1. */
    public ELU() {
        this(1.0);
    }

    /**
     * An ELU with the given alpha.
     *
     * @param alpha the negated limit for large negative inputs
     */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.elu(input, alpha);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + Py.number(alpha);
    }
}
