package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * The Gaussian error linear unit, {@code x·Φ(x)}: PyTorch's {@code nn.GELU(approximate='none')};
 * {@code new GELU("tanh")} uses {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))} instead. Values
 * are within one float32 ulp of the exact function (see {@link F#gelu(Tensor, String)}).
 */
public class GELU extends FunctionModule {
    /** {@code "none"} or {@code "tanh"}. */
    public final String approximate;

    /** The exact GELU. */
    public GELU() {
        this("none");
    }

    /**
     * A GELU, exact or approximated.
     *
     * @param approximate {@code "none"} or {@code "tanh"}
     * @throws IllegalArgumentException if it is neither
     */
    public GELU(String approximate) {
        super("approximate='" + approximate + "'", input -> F.gelu(input, approximate));
        Activations.checkApproximate(approximate);
        this.approximate = approximate;
    }
}
