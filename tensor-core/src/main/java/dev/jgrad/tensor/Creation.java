package dev.jgrad.tensor;

import java.util.function.ToIntFunction;

/** Factories whose logic is more than a line: nested Java arrays, arange, linspace, eye, random integers. */
final class Creation {
    private Creation() {}

    /** PyTorch's message for a ragged nested sequence. */
    static void checkLength(int got, int expected, int dim) {
        if (got != expected) {
            throw new IllegalArgumentException(
                    "expected sequence of length " + expected + " at dim " + dim + " (got " + got + ")");
        }
    }

    /** The shape of a rectangular 2-d Java array; {@code rows} must all have {@code cols} elements. */
    static <T> int[] shape2(T[] rows, int cols, ToIntFunction<T> length) {
        if (rows.length == 0) {
            return new int[] {0};
        }
        for (T r : rows) {
            checkLength(length.applyAsInt(r), cols, 1);
        }
        return new int[] {rows.length, cols};
    }

    static NDArray arange(long start, long end) {
        long n = Math.max(0, end - start);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arange of " + n + " elements does not fit an int-indexed storage");
        }
        long[] v = new long[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = start + i;
        }
        return NDArray.wrap(v, v.length);
    }

    static NDArray arange(double start, double end, double step) {
        return arange(start, end, step, DType.FLOAT32);
    }

    /** Values start + i * step computed in double, then converted to {@code dtype} (torch.arange's dtype=). */
    static NDArray arange(double start, double end, double step, DType dtype) {
        if (step == 0) {
            throw new IllegalArgumentException("step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("unsupported range: " + start + " -> " + end);
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        double n = Math.ceil((end - start) / step);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arange of " + n + " elements does not fit an int-indexed storage");
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = start + i * step;
        }
        return NDArray.wrap(v, v.length).to(dtype);
    }

    /** As torch.linspace: the first half steps up from start, the second half down from end. */
    static NDArray linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be non-negative");
        }
        float[] v = new float[steps];
        if (steps == 1) {
            v[0] = (float) start;
        } else if (steps > 1) {
            double step = (end - start) / (steps - 1);
            int half = steps / 2;
            for (int i = 0; i < steps; i++) {
                v[i] = (float) (i < half ? start + step * i : end - step * (steps - 1 - i));
            }
        }
        return NDArray.wrap(v, steps);
    }

    /** {@link NDArray#tolist()}: the elements in row-major order, boxed, split into nested lists by the shape. */
    static Object tolist(NDArray a) {
        DType t = a.dtype();
        java.util.List<Object> flat = new java.util.ArrayList<>(a.numel());
        if (t == DType.BOOL) {
            for (boolean b : a.toBooleanArray()) {
                flat.add(b);
            }
        } else if (t.isFloatingPoint()) {
            for (double d : a.toDoubleArray()) {
                flat.add(d);
            }
        } else {
            for (long l : a.toLongArray()) {
                flat.add(l);
            }
        }
        return a.dim() == 0 ? flat.get(0) : nest(flat, a.shapeRef(), 0, 0);
    }

    private static java.util.List<Object> nest(java.util.List<Object> flat, int[] shape, int dim, int start) {
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        java.util.List<Object> out = new java.util.ArrayList<>(shape[dim]);
        for (int i = 0; i < shape[dim]; i++) {
            out.add(dim == shape.length - 1 ? flat.get(start + i) : nest(flat, shape, dim + 1, start + i * inner));
        }
        return out;
    }

    static NDArray tensor(float[][] data) {
        int[] shape = shape2(data, data.length == 0 ? 0 : data[0].length, r -> r.length);
        return NDArray.wrap((float[]) concatRows(data, new float[Shapes.numel(shape)], shape), shape);
    }

    static NDArray tensor(double[][] data) {
        int[] shape = shape2(data, data.length == 0 ? 0 : data[0].length, r -> r.length);
        return NDArray.wrap((double[]) concatRows(data, new double[Shapes.numel(shape)], shape), shape);
    }

    static NDArray tensor(long[][] data) {
        int[] shape = shape2(data, data.length == 0 ? 0 : data[0].length, r -> r.length);
        return NDArray.wrap((long[]) concatRows(data, new long[Shapes.numel(shape)], shape), shape);
    }

    /** The rows of a rectangular 2-d Java array of shape {@code shape}, one after the other, into {@code flat}. */
    private static Object concatRows(Object[] rows, Object flat, int[] shape) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * shape[1], shape[1]);
        }
        return flat;
    }

    static NDArray tensor(float[][][] data) {
        int d0 = data.length;
        int d1 = d0 == 0 ? 0 : data[0].length;
        int d2 = d1 == 0 ? 0 : data[0][0].length;
        if (d0 == 0) {
            return NDArray.wrap(new float[0], 0);
        }
        float[] flat = new float[Shapes.numel(new int[] {d0, d1, d2})];
        for (int i = 0; i < d0; i++) {
            checkLength(data[i].length, d1, 1);
            for (int j = 0; j < d1; j++) {
                checkLength(data[i][j].length, d2, 2);
                System.arraycopy(data[i][j], 0, flat, (i * d1 + j) * d2, d2);
            }
        }
        return NDArray.wrap(flat, d0, d1, d2);
    }

    /** {@code torch.eye(n, m)}: float32 ones on the diagonal. */
    static NDArray eye(int n, int m) {
        NDArray t = NDArray.zeros(n, m);
        float[] f = t.storage().floats();
        for (int i = 0; i < Math.min(n, m); i++) {
            f[i * m + i] = 1f;
        }
        return t;
    }

    static NDArray randint(Generator g, long low, long high, int[] shape) {
        if (low >= high) {
            throw new IllegalArgumentException(
                    "random_ expects 'from' to be less than 'to', but got from=" + low + " >= to=" + high);
        }
        NDArray t = NDArray.empty(DType.INT64, shape);
        g.fillRandint(t.storage().longs(), low, high);
        return t;
    }

    static NDArray randperm(Generator g, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got" + n);
        }
        NDArray t = NDArray.empty(DType.INT64, n);
        g.fillPermutation(t.storage().longs());
        return t;
    }
}
