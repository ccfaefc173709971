package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code F.pad}: constant, reflect, replicate and circular padding, built from ops that autograd
 * already differentiates. The three copying modes are one gather per padded dim ({@code index_select}
 * with the source index of every output position), so their gradient is that gather's, summed
 * where an input element was copied more than once; constant padding is a concatenation with
 * filled blocks, and a negative amount crops ({@code narrow}), as in PyTorch.
 */
final class Padding {
    static final List<String> MODES = List.of("constant", "reflect", "replicate", "circular");

    private Padding() {}

    static Tensor pad(Tensor input, int[] pad, String mode, double value) {
        if (pad.length % 2 != 0) {
            throw new IllegalArgumentException("Padding length must be divisible by 2, but got " + pad.length);
        }
        int padded = pad.length / 2;
        int dims = input.dim();
        if (padded > dims) {
            throw new IllegalArgumentException("Padding length should be less than or equal to two times the input "
                    + "dimension but got padding length " + pad.length + " and input of dimension " + dims);
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("Unrecognised padding mode " + mode + ": expected one of " + MODES);
        }
        if (!mode.equals("constant")) {
            if (padded == 0 || padded > 3 || dims < padded + 1 || dims > padded + 2) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s padding of %d dims needs a %dD or %dD input (batch and channels, or channels, before "
                                + "them), but got input of shape %s",
                        mode,
                        padded,
                        padded + 1,
                        padded + 2,
                        Arrays.toString(input.shape().toArray())));
            }
        }
        Tensor out = input;
        for (int i = 0; i < padded; i++) {
            int dim = dims - 1 - i;
            int before = pad[2 * i], after = pad[2 * i + 1];
            out = mode.equals("constant")
                    ? constant(out, dim, before, after, value)
                    : out.indexSelect(dim, sourceIndex(mode, input, dim, before, after));
        }
        return out;
    }

    /** Pads (or crops, where an amount is negative) {@code dim} with {@code value}. */
    private static Tensor constant(Tensor t, int dim, int before, int after, double value) {
        int size = t.size(dim);
        int start = Math.max(0, -before), end = size - Math.max(0, -after);
        if (end < start) {
            throw new IllegalArgumentException("The input size " + size + ", plus negative padding " + before
                    + " and " + after + " resulted in a negative output size, which is invalid. Check dimension "
                    + dim + " of your input.");
        }
        Tensor kept = (start == 0 && end == size) ? t : t.narrow(dim, start, end - start);
        if (before <= 0 && after <= 0) {
            return kept;
        }
        List<Tensor> parts = new ArrayList<>(3);
        if (before > 0) {
            parts.add(filled(t, dim, before, value));
        }
        parts.add(kept);
        if (after > 0) {
            parts.add(filled(t, dim, after, value));
        }
        return Tensor.cat(parts, dim);
    }

    private static Tensor filled(Tensor like, int dim, int length, double value) {
        int[] shape = like.shape().toArray();
        shape[dim] = length;
        return Tensor.full(like.dtype(), value, shape);
    }

    /** For each output position along {@code dim}, the input position it copies. */
    private static Tensor sourceIndex(String mode, Tensor input, int dim, int before, int after) {
        int n = input.size(dim);
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException(mode + " padding needs non-negative amounts, but got (" + before + ", "
                    + after + ") for dimension " + dim);
        }
        checkSizes(mode, input, dim, n, before, after);
        long[] index = new long[before + n + after];
        for (int i = 0; i < index.length; i++) {
            int j = i - before;
            index[i] = switch (mode) {
                case "replicate" -> Math.min(Math.max(j, 0), n - 1);
                case "reflect" -> j < 0 ? -j : (j >= n ? 2 * (n - 1) - j : j);
                default -> Math.floorMod(j, n); // circular
            };
        }
        return Tensor.of(NDArray.tensor(index));
    }

    private static void checkSizes(String mode, Tensor input, int dim, int n, int before, int after) {
        String where = " at dimension " + dim + " of input "
                + Arrays.toString(input.shape().toArray());
        switch (mode) {
            case "reflect" -> {
                if (before >= n || after >= n) {
                    throw new IllegalArgumentException("Padding size should be less than the corresponding input "
                            + "dimension, but got: padding (" + before + ", " + after + ")" + where);
                }
            }
            case "replicate" -> {
                if (n == 0) {
                    throw new IllegalArgumentException(
                            "replicate padding needs a non-empty input, but got size 0" + where);
                }
            }
            default -> {
                if (before > n || after > n) {
                    throw new IllegalArgumentException("Padding value causes wrapping around more than once: padding ("
                            + before + ", " + after + ")" + where);
                }
            }
        }
    }

    /**
     * {@code F.pad}'s order (last dim first) for (before, after) pairs given in dim order: what
     * PyTorch's convolution modules pass as {@code _reversed_padding_repeated_twice}.
     */
    static int[] lastDimFirst(int[] pairs) {
        int dims = pairs.length / 2;
        int[] pad = new int[pairs.length];
        for (int d = 0; d < dims; d++) {
            pad[2 * (dims - 1 - d)] = pairs[2 * d];
            pad[2 * (dims - 1 - d) + 1] = pairs[2 * d + 1];
        }
        return pad;
    }
}
