package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import java.util.Arrays;

/**
 * Expands dim {@code dim} into {@code unflattenedSize}: PyTorch's {@code nn.Unflatten}, the inverse of
 * {@link Flatten}. {@code new Unflatten(1, 1, 28, 28)} turns a (N, 784) batch into (N, 1, 28, 28), and
 * prints as {@code Unflatten(dim=1, unflattened_size=(1, 28, 28))}.
 */
public class Unflatten extends Module {
    /** The dim to expand (negative counts from the end). */
    public final int dim;
    /** The sizes it becomes; one of them may be -1. */
    public final int[] unflattenedSize;

    /**
     * {@code nn.Unflatten(dim, unflattened_size)}.
     *
     * @param dim the dim to expand
     * @param unflattenedSize the sizes it becomes, at least one
     * @throws IllegalArgumentException for an empty size list
     */
    public Unflatten(int dim, int... unflattenedSize) {
        if (unflattenedSize.length == 0) {
            throw new IllegalArgumentException("unflattened_size must be non-empty");
        }
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        int n = input.dim();
        int d = dim < 0 ? dim + n : dim;
        if (d < 0 || d >= n) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + -n + ", "
                    + (n - 1) + "], but got " + dim + ")");
        }
        int[] shape = input.shape().toArray();
        int known = 1;
        int free = -1;
        for (int i = 0; i < unflattenedSize.length; i++) {
            if (unflattenedSize[i] == -1 && free < 0) {
                free = i;
            } else {
                known *= unflattenedSize[i];
            }
        }
        int[] sizes = unflattenedSize.clone();
        if (free >= 0 && known != 0 && shape[d] % known == 0) {
            sizes[free] = shape[d] / known;
        }
        if (Arrays.stream(sizes).reduce(1, (a, b) -> a * b) != shape[d]
                || Arrays.stream(sizes).anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException("unflatten: Provided sizes " + Arrays.toString(unflattenedSize)
                    + " don't multiply up to the size of dim " + dim + " (" + shape[d] + ") in the input tensor");
        }
        int[] out = new int[n - 1 + sizes.length];
        System.arraycopy(shape, 0, out, 0, d);
        System.arraycopy(sizes, 0, out, d, sizes.length);
        System.arraycopy(shape, d + 1, out, d + sizes.length, n - d - 1);
        return input.reshape(out);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim + ", unflattened_size=" + ConvNd.tuple(unflattenedSize);
    }
}
