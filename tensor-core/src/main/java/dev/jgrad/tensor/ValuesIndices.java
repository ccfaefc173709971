package dev.jgrad.tensor;

/**
 * What {@code max(dim)} and {@code min(dim)} return: the extreme values and their indices along the reduced dim, as
 * PyTorch's {@code torch.return_types.max}.
 *
 * @param op the op's name, {@code "max"} or {@code "min"}, used when printing
 * @param values the extreme values, of the input's dtype
 * @param indices the int64 positions of the values along the reduced dim
 */
public record ValuesIndices(String op, NDArray values, NDArray indices) {
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
