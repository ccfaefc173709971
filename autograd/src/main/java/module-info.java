/**
 * jgrad's autograd: {@link dev.jgrad.autograd.Tensor}, an NDArray that records how it was computed,
 * and the reverse-mode backward engine (PyTorch's {@code torch.autograd}).
 */
module dev.jgrad.autograd {
    requires transitive dev.jgrad.tensor;

    exports dev.jgrad.autograd;
}
