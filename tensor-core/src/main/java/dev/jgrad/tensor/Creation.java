package dev.jgrad.tensor;

import java.util.function.ToIntFunction;

/** Factories whose logic is more than a line: nested Java arrays, arange, linspace. */
final class Creation {
    private Creation() {
    }

    /** PyTorch's message for a ragged nested sequence. */
    static void checkLength(int got, int expected, int dim) {
        if (got != expected) {
            throw new IllegalArgumentException("expected sequence of length " + expected + " at dim " + dim
                    + " (got " + got + ")");
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
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (start + i * step);
        }
        return NDArray.wrap(v, v.length);
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
}
