package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/** Returns its input unchanged: PyTorch's {@code nn.Identity}, a placeholder in a Sequential. */
public class Identity extends Module {
    /** An Identity module, {@code nn.Identity()}. */
    public Identity() {}

    /**
     * Returns {@code input} itself, not a copy.
     *
     * @param input a tensor of any shape and dtype
     * @return {@code input}
     */
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
