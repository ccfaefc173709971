package dev.jgrad.tensor;

/**
 * What {@code max(dim)}, {@code min(dim)}, {@code sort} and {@code topk} return: the values and their
 * int64 indices along the reduced or sorted dim, as PyTorch's {@code torch.return_types.max}.
 * One type for both tensor kinds ({@code ValuesIndices<NDArray>} and {@code ValuesIndices<Tensor>}),
 * so that wildcard imports of {@code dev.jgrad.tensor} and {@code dev.jgrad.autograd} do not collide.
 *
 * @param <T> the tensor type: {@link NDArray}, or autograd's {@code Tensor}
 * @param op the PyTorch op name printed first, e.g. {@code torch.return_types.max}
 * @param values the values
 * @param indices their int64 indices
 */
public record ValuesIndices<T>(String op, T values, T indices) {
    @Override
    public String toString() {
        return op + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
