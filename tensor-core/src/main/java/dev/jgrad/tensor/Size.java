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

    /**
     * A shape from its sizes; the array is copied.
     *
     * @param dims the sizes of the dims
     * @return the shape
     * @throws IllegalArgumentException if a size is negative
     */
    public static Size of(int... dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "Trying to create tensor with negative dimension " + d + ": " + Arrays.toString(dims));
            }
        }
        return new Size(dims.clone());
    }

    /**
     * Number of dims ({@code len(size)}).
     *
     * @return the number of dims
     */
    public int dim() {
        return dims.length;
    }

    /**
     * The size of dim {@code d} ({@code size[d]}).
     *
     * @param d the dim; negative counts from the end
     * @return its size
     * @throws IndexOutOfBoundsException if {@code d} is out of range
     */
    public int get(int d) {
        int n = dims.length;
        if (d < -n || d >= n) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (n == 0 ? -1 : -n) + ", " + (n == 0 ? 0 : n - 1) + "], but got " + d + ")");
        }
        return dims[d < 0 ? d + n : d];
    }

    /**
     * Product of the sizes, 1 for a 0-dim shape ({@code Size.numel()}).
     *
     * @return the number of elements
     * @throws IllegalArgumentException if the product exceeds {@code 2^31-1}
     */
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

    /**
     * A copy of the sizes.
     *
     * @return the sizes, one per dim
     */
    public int[] toArray() {
        return dims.clone();
    }

    /**
     * Whether {@code o} is a {@code Size} with the same sizes.
     *
     * @param o the object to compare with
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Size && Arrays.equals(dims, ((Size) o).dims);
    }

    /**
     * A hash of the sizes, consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /**
     * PyTorch's repr without the {@code torch.} prefix, e.g. {@code Size([4, 3])}.
     *
     * @return the repr
     */
    @Override
    public String toString() {
        return "Size(" + Shapes.str(dims) + ")";
    }
}
