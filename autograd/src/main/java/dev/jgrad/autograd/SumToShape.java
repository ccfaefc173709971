package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.Arrays;

/**
 * Reduces the gradient of a broadcast result back to an input's shape (PyTorch's {@code sum_to}):
 * the leading dims broadcasting added, and the dims where the input had size 1, summed in one
 * reduction.
 */
final class SumToShape {
    private SumToShape() {}

    static boolean sameShape(NDArray g, int[] shape) {
        if (g.dim() != shape.length) {
            return false;
        }
        for (int d = 0; d < shape.length; d++) {
            if (g.size(d) != shape[d]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code shape} broadcasts to {@code g}'s shape. */
    static boolean expandable(int[] shape, NDArray g) {
        int lead = g.dim() - shape.length;
        if (lead < 0) {
            return false;
        }
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1 && shape[d] != g.size(lead + d)) {
                return false;
            }
        }
        return true;
    }

    /** {@code g} summed down to {@code shape}, which must broadcast to g's shape. */
    static NDArray apply(NDArray g, int[] shape) {
        int lead = g.dim() - shape.length;
        int[] dims = new int[g.dim()];
        int n = 0;
        for (int d = 0; d < lead; d++) {
            if (g.size(d) != 1) {
                dims[n++] = d;
            }
        }
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1 && g.size(lead + d) != 1) {
                dims[n++] = lead + d;
            }
        }
        NDArray r = g;
        if (n > 0) {
            r = g.sum(Arrays.copyOf(dims, n), true);
        }
        // Only size-1 leading dims are left over: dropping them is always a view.
        while (r.dim() > shape.length) {
            r = r.squeeze(0);
        }
        return r;
    }
}
