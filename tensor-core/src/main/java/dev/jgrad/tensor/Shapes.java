package dev.jgrad.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by the ops: dim wrapping, broadcasting, view strides, -1 inference. */
final class Shapes {
    private Shapes() {}

    /** Wraps a possibly negative dim into [0, ndim); a 0-dim tensor accepts -1 and 0. */
    static int wrapDim(int dim, int ndim) {
        int n = Math.max(ndim, 1);
        if (dim < -n || dim >= n) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + (-n) + ", "
                    + (n - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + n : dim;
    }

    /** {@code [2, 3]}: a shape as PyTorch's messages print it. */
    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    static int numel(int[] shape) {
        long p = 1;
        for (int d : shape) {
            p *= d;
            if (p > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a tensor of shape " + str(shape)
                        + " has more than 2^31-1 elements, which jgrad's int-indexed storage cannot hold");
            }
        }
        return (int) p;
    }

    static void checkSizes(int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "Trying to create tensor with negative dimension " + d + ": " + str(shape));
            }
        }
        numel(shape);
    }

    static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    /** NumPy broadcasting of two shapes, failing with PyTorch's message. */
    static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int ia = i - n + a.length;
            int ib = i - n + b.length;
            int sa = ia >= 0 ? a[ia] : 1;
            int sb = ib >= 0 ? b[ib] : 1;
            if (sa == sb || sb == 1) {
                out[i] = sa;
            } else if (sa == 1) {
                out[i] = sb;
            } else {
                throw new IllegalArgumentException("The size of tensor a (" + sa + ") must match the size of tensor b ("
                        + sb + ") at non-singleton dimension " + i);
            }
        }
        return out;
    }

    /** Resolves one -1 in {@code shape} so that it holds {@code numel} elements. */
    static int[] inferSize(int[] shape, int numel) {
        int[] out = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred");
                }
                infer = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + out[i]);
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                if (known == 0) {
                    throw new IllegalArgumentException("cannot reshape tensor of 0 elements into shape " + str(shape)
                            + " because the unspecified dimension size -1 can be any value and is ambiguous");
                }
                throw new IllegalArgumentException("shape '" + str(shape) + "' is invalid for input of size " + numel);
            }
            out[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new IllegalArgumentException("shape '" + str(shape) + "' is invalid for input of size " + numel);
        }
        return out;
    }

    /**
     * Strides that view {@code oldShape/oldStrides} as {@code newShape} without copying, or null
     * when no such strides exist (ATen's computeStride).
     */
    static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        if (oldShape.length == 0) {
            java.util.Arrays.fill(newStrides, 1);
            return newStrides;
        }
        int numel = numel(oldShape);
        if (numel == 0) {
            return contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBase = oldStrides[oldStrides.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            tensorNumel *= oldShape[d];
            if (d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (d > 0) {
                    chunkBase = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) {
            return null;
        }
        return newStrides;
    }

    static boolean isContiguous(int[] shape, int[] strides) {
        for (int d : shape) {
            if (d == 0) {
                return true;
            }
        }
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1) {
                if (strides[i] != expected) {
                    return false;
                }
                expected *= shape[i];
            }
        }
        return true;
    }
}
