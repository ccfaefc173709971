package dev.jgrad.tensor;

import java.util.ArrayList;
import java.util.List;

/** cat, stack (copies) and split, chunk (views). */
final class Joining {
    private Joining() {}

    static NDArray cat(List<NDArray> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        }
        // As PyTorch, 1-d empty tensors are skipped (a legacy way to start an accumulation).
        List<NDArray> parts = new ArrayList<>();
        NDArray[] all = tensors.toArray(new NDArray[0]);
        for (int i = 0; i < all.length; i++) {
            NDArray t = all[i];
            if (t.dim() == 0) {
                throw new IllegalArgumentException(
                        "zero-dimensional tensor (at position " + i + ") cannot be concatenated");
            }
            if (!(t.dim() == 1 && t.numel() == 0)) {
                parts.add(t);
            }
        }
        DType type = Promotion.resultType(all);
        if (parts.isEmpty()) {
            return NDArray.empty(type, 0);
        }
        NDArray first = parts.get(0);
        int nd = first.dim();
        int d = Shapes.wrapDim(dim, nd);
        int total = 0;
        for (int i = 0; i < parts.size(); i++) {
            NDArray t = parts.get(i);
            if (t.dim() != nd) {
                throw new IllegalArgumentException(
                        "Tensors must have same number of dimensions: got " + nd + " and " + t.dim());
            }
            for (int k = 0; k < nd; k++) {
                if (k != d && t.shapeRef()[k] != first.shapeRef()[k]) {
                    throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + d
                            + ". Expected size " + first.shapeRef()[k] + " but got size " + t.shapeRef()[k]
                            + " for tensor number " + tensors.indexOf(t) + " in the list.");
                }
            }
            total += t.shapeRef()[d];
        }
        int[] shape = first.shapeRef().clone();
        shape[d] = total;
        NDArray out = NDArray.empty(type, shape);
        int at = 0;
        for (NDArray t : parts) {
            int len = t.shapeRef()[d];
            if (len > 0) {
                Copy.copy(out.narrow(d, at, len), t);
            }
            at += len;
        }
        return out;
    }

    static NDArray stack(List<NDArray> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack expects a non-empty TensorList");
        }
        NDArray first = tensors.get(0);
        int d = Shapes.wrapDim(dim, first.dim() + 1);
        List<NDArray> parts = new ArrayList<>(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            NDArray t = tensors.get(i);
            if (!java.util.Arrays.equals(t.shapeRef(), first.shapeRef())) {
                throw new IllegalArgumentException(
                        "stack expects each tensor to be equal size, but got " + Shapes.str(first.shapeRef())
                                + " at entry 0 and " + Shapes.str(t.shapeRef()) + " at entry " + i);
            }
            parts.add(t.unsqueeze(d));
        }
        if (first.dim() == 0) {
            return cat(parts, 0);
        }
        return catNoSkip(parts, d);
    }

    /** cat without the legacy skip, for stack's unsqueezed parts (which may be [1, 0]-shaped). */
    private static NDArray catNoSkip(List<NDArray> parts, int d) {
        NDArray first = parts.get(0);
        DType type = Promotion.resultType(parts.toArray(new NDArray[0]));
        int[] shape = first.shapeRef().clone();
        shape[d] = parts.size();
        NDArray out = NDArray.empty(type, shape);
        for (int i = 0; i < parts.size(); i++) {
            Copy.copy(out.narrow(d, i, 1), parts.get(i));
        }
        return out;
    }

    static List<NDArray> split(NDArray t, int splitSize, int dim) {
        if (t.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        if (splitSize < 0) {
            throw new IllegalArgumentException(
                    "split expects split_size be non-negative, but got split_size=" + splitSize);
        }
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        if (splitSize == 0 && size != 0) {
            throw new IllegalArgumentException(
                    "split_size can only be 0 if dimension size is 0, but got dimension size of " + size);
        }
        List<NDArray> out = new ArrayList<>();
        if (size == 0) {
            out.add(t);
            return out;
        }
        for (int s = 0; s < size; s += splitSize) {
            out.add(t.narrow(d, s, Math.min(splitSize, size - s)));
        }
        return out;
    }

    static List<NDArray> split(NDArray t, int[] sizes, int dim) {
        if (t.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        long sum = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException(
                        "split_with_sizes expects split_sizes have only non-negative entries, " + "but got split_sizes="
                                + Shapes.str(sizes));
            }
            sum += s;
        }
        if (sum != size) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to " + size
                    + " (input tensor's size at dimension " + d + "), but got split_sizes=" + Shapes.str(sizes));
        }
        List<NDArray> out = new ArrayList<>(sizes.length);
        int at = 0;
        for (int s : sizes) {
            out.add(t.narrow(d, at, s));
            at += s;
        }
        return out;
    }

    static List<NDArray> chunk(NDArray t, int chunks, int dim) {
        if (t.dim() == 0) {
            throw new IllegalArgumentException("chunk expects at least a 1-dimensional tensor");
        }
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        int splitSize = (size + chunks - 1) / chunks;
        if (splitSize == 0 && size == 0) {
            List<NDArray> out = new ArrayList<>(chunks);
            for (int i = 0; i < chunks; i++) {
                out.add(t);
            }
            return out;
        }
        return split(t, splitSize, d);
    }
}
