package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;

/** The backward formula of one op: an entry of PyTorch's derivatives.yaml, written next to its op. */
@FunctionalInterface
interface Derivative {
    /** The gradients of the op's inputs, given the gradient of its output (null where not needed). */
    NDArray[] apply(NDArray grad);
}
