package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.Arrays;

/** Dim arithmetic shared by the reductions' derivatives (the forward already checked the ranges). */
final class Dims {
    private Dims() {}

    static int wrap(int dim, int ndim) {
        return dim < 0 ? dim + Math.max(ndim, 1) : dim;
    }

    /** The dims, wrapped and sorted; all of them when {@code dims} is empty, as torch.sum(dim=[]) does. */
    static int[] wrapAll(int[] dims, int ndim) {
        if (dims.length == 0) {
            int[] all = new int[ndim];
            for (int d = 0; d < ndim; d++) {
                all[d] = d;
            }
            return all;
        }
        int[] w = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            w[i] = wrap(dims[i], ndim);
        }
        Arrays.sort(w);
        return w;
    }

    /** A reduction's gradient with the reduced dims put back as size 1, ready to expand. */
    static NDArray keepDims(NDArray g, int[] sortedDims, int inputDim) {
        if (g.dim() == inputDim || g.dim() == 0) {
            return g;
        }
        for (int d : sortedDims) {
            g = g.unsqueeze(d);
        }
        return g;
    }

    /** The number of elements one output element of a reduction over {@code sortedDims} summarises. */
    static long reducedCount(int[] shape, int[] sortedDims) {
        long n = 1;
        for (int d : sortedDims) {
            n *= shape[d];
        }
        return n;
    }

    /** The shape two shapes broadcast to (the forward already checked they do). */
    static int[] broadcastShape(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int x = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
            int y = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
            out[i] = x == 1 ? y : x;
        }
        return out;
    }
}
