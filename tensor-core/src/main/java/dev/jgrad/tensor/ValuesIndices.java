package dev.jgrad.tensor;

/**
 * What {@code max(dim)}, {@code min(dim)}, {@code sort} and {@code topk} return: the values and their
 * int64 indices along the reduced or sorted dim, as PyTorch's {@code torch.return_types.max}.
 * One type for both tensor kinds ({@code ValuesIndices<NDArray>} and {@code ValuesIndices<Tensor>}),
 * so that wildcard imports of {@code dev.jgrad.tensor} and {@code dev.jgrad.autograd} do not collide.
 *
 * @param <T> the tensor type: {@link NDArray}, or autograd's {@code Tensor}
 * @param op the op's name, e.g. {@code "max"} or {@code "sort"}, used when printing
 * @param values the values, of the input's dtype (differentiable for a {@code Tensor} that requires grad)
 * @param indices the int64 positions of the values along the dim
 */
public record ValuesIndices<T>(String op, T values, T indices) {
    /**
     * PyTorch's repr, e.g. {@code max(values=tensor([3.]), indices=tensor([1]))} over three lines.
     *
     * @return the repr
     */
    @Override
    public String toString() {
        return op + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
