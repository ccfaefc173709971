package dev.jgrad.tensor;

import java.util.Arrays;

/** The view ops: new shape/strides/offset over the same storage, never a copy. */
final class Views {
    private Views() {}

    static int wrapIndex(int index, int dim, int size) {
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException(
                    "index " + index + " is out of bounds for dimension " + dim + " with size " + size);
        }
        return index < 0 ? index + size : index;
    }

    private static int[] remove(int[] a, int i) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    private static int[] insert(int[] a, int i, int v) {
        int[] out = new int[a.length + 1];
        System.arraycopy(a, 0, out, 0, i);
        out[i] = v;
        System.arraycopy(a, i, out, i + 1, a.length - i);
        return out;
    }

    static NDArray select(NDArray t, int dim, int index) {
        if (t.dim() == 0) {
            throw new IndexOutOfBoundsException("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, t.dim());
        int[] shape = t.shapeRef();
        int[] strides = t.stridesRef();
        int i = wrapIndex(index, d, shape[d]);
        return new NDArray(t.storage(), remove(shape, d), remove(strides, d), t.storageOffset() + i * strides[d]);
    }

    static NDArray narrow(NDArray t, int dim, int start, int length) {
        if (t.dim() == 0) {
            throw new IndexOutOfBoundsException("narrow() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        if (length < 0) {
            throw new IllegalArgumentException("narrow(): length must be non-negative.");
        }
        if (start < -size || start > size) {
            throw new IndexOutOfBoundsException("start out of range (expected to be in range of [" + (-size) + ", "
                    + size + "], but got " + start + ")");
        }
        int s = start < 0 ? start + size : start;
        if (s + (long) length > size) {
            throw new IndexOutOfBoundsException(
                    "start (" + s + ") + length (" + length + ") exceeds dimension size (" + size + ").");
        }
        return slice(t, d, s, s + length, 1);
    }

    static NDArray slice(NDArray t, int dim, int start, int end, int step) {
        if (t.dim() == 0) {
            throw new IndexOutOfBoundsException("slice() cannot be applied to a 0-dim tensor.");
        }
        if (step <= 0) {
            throw new IllegalArgumentException("slice step must be positive");
        }
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        long s = start < 0 ? (long) start + size : start;
        long e = end < 0 ? (long) end + size : end;
        s = Math.max(0, Math.min(s, size));
        e = Math.max(s, Math.min(e, size));
        int len = (int) ((e - s + step - 1) / step);
        int[] shape = t.shapeRef().clone();
        int[] strides = t.stridesRef().clone();
        int off = t.storageOffset() + (int) s * strides[d];
        shape[d] = len;
        strides[d] *= step;
        return new NDArray(t.storage(), shape, strides, off);
    }

    static NDArray view(NDArray t, int[] shape) {
        int[] target = Shapes.inferSize(shape, t.numel());
        int[] st = Shapes.viewStrides(t.shapeRef(), t.stridesRef(), target);
        if (st == null) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride "
                    + "(at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return new NDArray(t.storage(), target, st, t.storageOffset());
    }

    static NDArray squeeze(NDArray t) {
        int[] shape = t.shapeRef();
        int[] strides = t.stridesRef();
        int n = 0;
        for (int s : shape) {
            if (s != 1) {
                n++;
            }
        }
        int[] ns = new int[n];
        int[] nst = new int[n];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (shape[i] != 1) {
                ns[k] = shape[i];
                nst[k++] = strides[i];
            }
        }
        return new NDArray(t.storage(), ns, nst, t.storageOffset());
    }

    static NDArray squeeze(NDArray t, int dim) {
        int d = Shapes.wrapDim(dim, t.dim());
        if (t.dim() == 0 || t.shapeRef()[d] != 1) {
            return t;
        }
        return new NDArray(t.storage(), remove(t.shapeRef(), d), remove(t.stridesRef(), d), t.storageOffset());
    }

    static NDArray unsqueeze(NDArray t, int dim) {
        int d = Shapes.wrapDim(dim, t.dim() + 1);
        int[] shape = t.shapeRef();
        int[] strides = t.stridesRef();
        int stride = d >= shape.length ? 1 : shape[d] * strides[d];
        return new NDArray(t.storage(), insert(shape, d, 1), insert(strides, d, stride), t.storageOffset());
    }

    /** {@code d0} and {@code d1} wrapped for t's dims, or null when they are the same dim (a no-op for the caller). */
    private static int[] twoDims(NDArray t, int d0, int d1) {
        int n = t.dim();
        int a = Shapes.wrapDim(d0, n);
        int b = Shapes.wrapDim(d1, n);
        return a == b ? null : new int[] {a, b};
    }

    static NDArray transpose(NDArray t, int d0, int d1) {
        int[] dims = twoDims(t, d0, d1);
        if (dims == null) {
            return t;
        }
        int a = dims[0];
        int b = dims[1];
        int[] shape = t.shapeRef().clone();
        int[] strides = t.stridesRef().clone();
        int s = shape[a];
        shape[a] = shape[b];
        shape[b] = s;
        s = strides[a];
        strides[a] = strides[b];
        strides[b] = s;
        return new NDArray(t.storage(), shape, strides, t.storageOffset());
    }

    static NDArray permute(NDArray t, int[] dims) {
        int n = t.dim();
        if (dims.length != n) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not "
                    + "match the length of the desired ordering of dimensions i.e. input.dim() = " + n
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] shape = new int[n];
        int[] strides = new int[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int d = Shapes.wrapDim(dims[i], n);
            if (seen[d]) {
                throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            }
            seen[d] = true;
            shape[i] = t.shapeRef()[d];
            strides[i] = t.stridesRef()[d];
        }
        return new NDArray(t.storage(), shape, strides, t.storageOffset());
    }

    static NDArray expand(NDArray t, int[] sizes) {
        int[] shape = t.shapeRef();
        int[] strides = t.stridesRef();
        if (sizes.length < shape.length) {
            throw new IllegalArgumentException("expand(" + t.dtype().scalarTypeName() + "Type{" + Shapes.str(shape)
                    + "}, size=" + Shapes.str(sizes) + "): the number of sizes provided (" + sizes.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + shape.length + ")");
        }
        int n = sizes.length;
        int lead = n - shape.length;
        int[] ns = new int[n];
        int[] nst = new int[n];
        for (int i = 0; i < n; i++) {
            int want = sizes[i];
            if (i < lead) {
                if (want < 0) {
                    throw new IllegalArgumentException("The expanded size of the tensor (" + want
                            + ") isn't allowed in a leading, non-existing dimension " + i);
                }
                ns[i] = want;
                nst[i] = 0;
                continue;
            }
            int have = shape[i - lead];
            if (want == -1) {
                want = have;
            }
            if (want < 0) {
                throw new IllegalArgumentException(
                        "Trying to create tensor with negative dimension " + want + ": " + Shapes.str(sizes));
            }
            if (have == want) {
                ns[i] = have;
                nst[i] = strides[i - lead];
            } else if (have == 1) {
                ns[i] = want;
                nst[i] = 0;
            } else {
                throw new IllegalArgumentException("The expanded size of the tensor (" + want
                        + ") must match the existing size (" + have + ") at non-singleton dimension " + i
                        + ".  Target sizes: " + Shapes.str(sizes) + ".  Tensor sizes: " + Shapes.str(shape));
            }
        }
        if (Arrays.equals(ns, shape) && Arrays.equals(nst, strides)) {
            return t;
        }
        return new NDArray(t.storage(), ns, nst, t.storageOffset());
    }

    /** {@code t.reshape(shape)}: a view when the strides allow it, else a copy. */
    static NDArray reshape(NDArray t, int[] shape) {
        int[] target = Shapes.inferSize(shape, t.numel());
        int[] st = Shapes.viewStrides(t.shapeRef(), t.stridesRef(), target);
        if (st != null) {
            return new NDArray(t.storage(), target, st, t.storageOffset());
        }
        return t.clone().view(target);
    }

    /** {@code t.t()}: the transpose of a matrix; arrays of fewer dims unchanged. */
    static NDArray t(NDArray t) {
        int n = t.dim();
        if (n > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + n + "D");
        }
        return n < 2 ? t : t.transpose(0, 1);
    }

    /** {@code torch.movedim(t, source, destination)}: the other dims keep their order. */
    static NDArray movedim(NDArray t, int source, int destination) {
        int[] dims = twoDims(t, source, destination);
        if (dims == null) {
            return t;
        }
        int n = t.dim();
        int s = dims[0];
        int d = dims[1];
        int[] order = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i != s) {
                order[k++] = i;
            }
        }
        int[] perm = new int[n];
        for (int i = 0, j = 0; i < n; i++) {
            perm[i] = i == d ? s : order[j++];
        }
        return t.permute(perm);
    }

    /** {@code t.flatten(startDim, endDim)}: a view when the strides allow it, else a copy. */
    static NDArray flatten(NDArray t, int startDim, int endDim) {
        int[] shape = t.shapeRef();
        if (shape.length == 0) {
            return t.reshape(1);
        }
        int s = Shapes.wrapDim(startDim, shape.length);
        int e = Shapes.wrapDim(endDim, shape.length);
        if (s > e) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (s == e) {
            return t;
        }
        int[] target = new int[shape.length - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) {
            target[k++] = shape[i];
        }
        int p = 1;
        for (int i = s; i <= e; i++) {
            p *= shape[i];
        }
        target[k++] = p;
        for (int i = e + 1; i < shape.length; i++) {
            target[k++] = shape[i];
        }
        return t.reshape(target);
    }
}
