package dev.jgrad.nn;

import dev.jgrad.autograd.CustomOp;
import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.Arrays;

/** The embedding lookup and its backward (a scatter-add of the output gradient into the table's rows). */
final class Embeddings {
    private Embeddings() {}

    /** The padding index as PyTorch stores it: negative counts from the end; checked against the table. */
    static int normalizePaddingIdx(int paddingIdx, int numEmbeddings) {
        if (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings) {
            throw new IllegalArgumentException("Padding_idx must be within num_embeddings, got padding_idx="
                    + paddingIdx + " for num_embeddings=" + numEmbeddings);
        }
        return paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
    }

    static Tensor lookup(Tensor input, Tensor weight, Integer paddingIdx) {
        NDArray idx = input.data();
        NDArray w = weight.data();
        if (idx.dtype() != DType.INT64 && idx.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following"
                    + " scalar types: Long, Int; but got " + idx.dtype().scalarTypeName() + " instead");
        }
        if (w.dim() != 2) {
            throw new IllegalArgumentException("'weight' must be 2-D, got a weight of shape "
                    + Arrays.toString(w.shape().toArray()));
        }
        int rows = w.size(0);
        int dim = w.size(1);
        Integer pad = paddingIdx == null ? null : normalizePaddingIdx(paddingIdx, rows);
        long[] flat = idx.toLongArray();
        for (long v : flat) {
            if (v < 0 || v >= rows) {
                throw new IndexOutOfBoundsException(
                        "index out of range in self: index " + v + " for an embedding table of " + rows + " rows");
            }
        }
        int n = flat.length;
        NDArray index = NDArray.wrap(flat, n);
        int[] outShape = Arrays.copyOf(idx.shape().toArray(), idx.dim() + 1);
        outShape[idx.dim()] = dim;
        NDArray out = w.indexSelect(0, index).view(outShape);
        return CustomOp.apply(
                "EmbeddingBackward0",
                out,
                op -> g -> {
                    NDArray rowsOfG = g.reshape(n, dim);
                    if (pad != null) {
                        boolean[] keep = new boolean[n];
                        for (int i = 0; i < n; i++) {
                            keep[i] = flat[i] != pad;
                        }
                        rowsOfG = NDArray.where(NDArray.wrap(keep, n, 1), rowsOfG, NDArray.scalar(0, g.dtype()));
                    }
                    NDArray grad = NDArray.zeros(g.dtype(), rows, dim);
                    grad.scatterAdd_(0, index.view(n, 1).expand(n, dim), rowsOfG);
                    return new NDArray[] {grad};
                },
                weight);
    }
}
