package dev.jgrad.autograd;

/**
 * What {@code max(dim)} and {@code min(dim)} return: the values (differentiable) and their indices
 * (int64), like PyTorch's {@code torch.return_types.max}.
 */
public record ValuesIndices(String op, Tensor values, Tensor indices) {
    @Override
    public String toString() {
        return op + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
