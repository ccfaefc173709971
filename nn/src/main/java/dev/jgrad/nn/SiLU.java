package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** {@code x·σ(x)}, elementwise (swish): PyTorch's {@code nn.SiLU}. */
public class SiLU extends Module {
    /** A SiLU; it has no settings. */
    public SiLU() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.silu(input);
    }
}
