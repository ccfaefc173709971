package dev.jgrad.tensor;

/**
 * What {@code max(dim)} and {@code min(dim)} return: the extreme values and their indices along
 * the reduced dim, as PyTorch's {@code torch.return_types.max}.
 */
public record ValuesIndices(String op, NDArray values, NDArray indices) {
    @Override
    public String toString() {
        return op + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
