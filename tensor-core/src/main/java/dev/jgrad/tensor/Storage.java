package dev.jgrad.tensor;

/**
 * One primitive array holding a tensor's elements, shared by all views of it, plus a version
 * counter that every in-place write bumps (autograd checks it to detect values modified after
 * they were saved for backward).
 *
 * <p>The array type follows the dtype: float[] (float32), double[] (float64), long[] (int64),
 * int[] (int32), byte[] (uint8, read as unsigned) and boolean[] (bool).
 */
public final class Storage {
    private final DType dtype;
    private final Object array;
    private final int length;
    private volatile int version;

    private Storage(DType dtype, Object array, int length) {
        this.dtype = dtype;
        this.array = array;
        this.length = length;
    }

    static Storage allocate(DType dtype, int n) {
        switch (dtype) {
            case FLOAT32:
                return new Storage(dtype, new float[n], n);
            case FLOAT64:
                return new Storage(dtype, new double[n], n);
            case INT64:
                return new Storage(dtype, new long[n], n);
            case INT32:
                return new Storage(dtype, new int[n], n);
            case UINT8:
                return new Storage(dtype, new byte[n], n);
            case BOOL:
                return new Storage(dtype, new boolean[n], n);
            default:
                throw new AssertionError(dtype);
        }
    }

    static Storage of(float[] a) {
        return new Storage(DType.FLOAT32, a, a.length);
    }

    static Storage of(double[] a) {
        return new Storage(DType.FLOAT64, a, a.length);
    }

    static Storage of(long[] a) {
        return new Storage(DType.INT64, a, a.length);
    }

    static Storage of(int[] a) {
        return new Storage(DType.INT32, a, a.length);
    }

    static Storage of(byte[] a) {
        return new Storage(DType.UINT8, a, a.length);
    }

    static Storage of(boolean[] a) {
        return new Storage(DType.BOOL, a, a.length);
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
        return length;
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
