package dev.jgrad.tensor;

import java.lang.reflect.Array;

/**
 * One primitive array holding a tensor's elements, shared by all views of it, plus a version
 * counter that every in-place write bumps (autograd checks it to detect values modified after
 * they were saved for backward).
 *
 * <p>The array type follows the dtype: float[] (float32), double[] (float64), long[] (int64),
 * int[] (int32), byte[] (uint8, read as unsigned) and boolean[] (bool).
 */
public final class Storage {
    /** The array type of each dtype, in declaration order (bool, uint8, int32, int64, float32, float64). */
    private static final Class<?>[] ARRAY_TYPES = {
        boolean[].class, byte[].class, int[].class, long[].class, float[].class, double[].class
    };

    private static final DType[] DTYPES = DType.values();

    private final DType dtype;
    private final Object array;
    private volatile int version;

    private Storage(DType dtype, Object array) {
        this.dtype = dtype;
        this.array = array;
    }

    static Storage allocate(DType dtype, int n) {
        switch (dtype) {
            case FLOAT32:
                return new Storage(dtype, new float[n]);
            case FLOAT64:
                return new Storage(dtype, new double[n]);
            case INT64:
                return new Storage(dtype, new long[n]);
            case INT32:
                return new Storage(dtype, new int[n]);
            case UINT8:
                return new Storage(dtype, new byte[n]);
            case BOOL:
                return new Storage(dtype, new boolean[n]);
            default:
                throw new AssertionError(dtype);
        }
    }

    /**
     * Wraps {@code array} without copying; its type gives the dtype.
     *
     * @param array a float[], double[], long[], int[], byte[] (uint8) or boolean[]
     * @throws IllegalArgumentException for any other type
     */
    static Storage of(Object array) {
        Class<?> type = array.getClass();
        for (int i = 0; i < ARRAY_TYPES.length; i++) {
            if (ARRAY_TYPES[i] == type) {
                return new Storage(DTYPES[i], array);
            }
        }
        throw new IllegalArgumentException(
                "no dtype stores its elements in a " + array.getClass().getSimpleName());
    }

    /**
     * How many times the elements were written in place since the storage was created (PyTorch's
     * {@code Tensor._version}).
     *
     * @return the version counter
     */
    public int version() {
        return version;
    }

    /** Records one in-place write; every in-place op of {@link NDArray} calls it. */
    public synchronized void bumpVersion() {
        version++;
    }

    /**
     * The element type, which decides the array type.
     *
     * @return the dtype
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * Number of elements in the underlying array.
     *
     * @return the length
     */
    public int length() {
        return Array.getLength(array);
    }

    Object array() {
        return array;
    }

    float[] floats() {
        return (float[]) array;
    }

    double[] doubles() {
        return (double[]) array;
    }

    long[] longs() {
        return (long[]) array;
    }

    int[] ints() {
        return (int[]) array;
    }

    byte[] bytes() {
        return (byte[]) array;
    }

    boolean[] bools() {
        return (boolean[]) array;
    }
}
