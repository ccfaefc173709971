package dev.jgrad.nn;

/** {@code x > 0 ? x : alpha·(exp(x) - 1)}, elementwise: PyTorch's {@code nn.ELU(alpha=1.0)}. */
public class ELU extends FunctionModule {
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
        super("alpha=" + Py.number(alpha), input -> F.elu(input, alpha));
        this.alpha = alpha;
    }
}
