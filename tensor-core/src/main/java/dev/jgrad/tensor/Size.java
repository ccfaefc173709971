package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * An immutable tensor shape, printed as PyTorch prints {@code torch.Size} (without the prefix):
 * {@code Size([4, 3])}.
 */
public final class Size {
    private final int[] dims;

    private Size(int[] dims) {
        this.dims = dims;
    }

    /** A shape from its sizes; the array is copied. Negative sizes are rejected. */
    public static Size of(int... dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "Trying to create tensor with negative dimension " + d + ": " + Arrays.toString(dims));
            }
        }
        return new Size(dims.clone());
    }

    /** Number of dimensions. */
    public int dim() {
        return dims.length;
    }

    /** The size of dimension {@code d}; negative {@code d} counts from the end. */
    public int get(int d) {
        int n = dims.length;
        if (d < -n || d >= n) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (n == 0 ? -1 : -n) + ", " + (n == 0 ? 0 : n - 1) + "], but got " + d + ")");
        }
        return dims[d < 0 ? d + n : d];
    }

    /** Product of the sizes (1 for a 0-dim shape). */
    public int numel() {
        long p = 1;
        for (int d : dims) {
            p *= d;
        }
        if (p > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor of shape " + this + " has more than 2^31-1 elements");
        }
        return (int) p;
    }

    /** A copy of the sizes. */
    public int[] toArray() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Size && Arrays.equals(dims, ((Size) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Size([");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(dims[i]);
        }
        return sb.append("])").toString();
    }
}
