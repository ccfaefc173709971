package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * In training, zeroes each element with probability {@code p} and scales the rest by
 * {@code 1 / (1 - p)}; in eval mode, the identity: PyTorch's {@code nn.Dropout}.
 */
public class Dropout extends Module {
    public final double p;

    public Dropout() {
        this(0.5);
    }

    public Dropout(double p) {
        F.checkDropoutProbability(p);
        this.p = p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + Py.number(p) + ", inplace=False";
    }
}
