package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Flattens dims {@code startDim..endDim} into one: PyTorch's {@code nn.Flatten}, which by default
 * keeps the batch dim ({@code startDim = 1, endDim = -1}), so a (64, 1, 28, 28) batch becomes (64, 784).
 */
public class Flatten extends Module {
    public final int startDim;
    public final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
