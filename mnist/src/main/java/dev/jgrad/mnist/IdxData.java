package dev.jgrad.mnist;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.Arrays;

/**
 * The contents of an IDX file: an element type, the dims, and the elements in row-major order
 * in one Java array of the type's width ({@code byte[]} for both byte types, then
 * {@code short[]}, {@code int[]}, {@code float[]}, {@code double[]}).
 *
 * <p>The array is held, not copied, both ways: the factories keep the array they are given and
 * the accessors return it, so 60,000 MNIST images stay one 47 MB {@code byte[]} from the file to
 * the tensor.
 */
public final class IdxData {
    private final IdxType type;
    private final int[] dims;
    private final Object elements;

    /**
     * IDX data of {@code type} holding {@code elements}, an array of the type's Java element type
     * ({@code byte[]} for both byte types): what the typed factories below and the reader share.
     */
    static IdxData of(IdxType type, Object elements, int[] dims) {
        if (!type.holds(elements)) {
            throw new IllegalArgumentException(
                    type + " data cannot be held in a " + elements.getClass().getSimpleName());
        }
        return new IdxData(type, elements, java.lang.reflect.Array.getLength(elements), dims);
    }

    private IdxData(IdxType type, Object elements, int length, int[] dims) {
        this.type = type;
        this.dims = dims.clone();
        this.elements = elements;
        long numel = numel(this.dims);
        if (numel != length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(this.dims) + " is invalid for input of size " + length);
        }
    }

    /**
     * Type 0x08: unsigned bytes, read as 0..255.
     *
     * @param elements the elements in row-major order; held, not copied
     * @param dims the dims, whose product must be {@code elements.length}
     * @return the IDX data
     * @throws IllegalArgumentException if a dim is negative or the dims don't match the element count
     */
    public static IdxData ofUnsignedBytes(byte[] elements, int... dims) {
        return new IdxData(IdxType.UBYTE, elements, elements.length, dims);
    }

    /**
     * Type 0x09: signed bytes, read as -128..127.
     *
     * @param elements the elements in row-major order; held, not copied
     * @param dims the dims, whose product must be {@code elements.length}
     * @return the IDX data
     * @throws IllegalArgumentException if a dim is negative or the dims don't match the element count
     */
    public static IdxData ofBytes(byte[] elements, int... dims) {
        return new IdxData(IdxType.BYTE, elements, elements.length, dims);
    }

    /**
     * Type 0x0B: 16-bit integers.
     *
     * @param elements the elements in row-major order; held, not copied
     * @param dims the dims, whose product must be {@code elements.length}
     * @return the IDX data
     * @throws IllegalArgumentException if a dim is negative or the dims don't match the element count
     */
    public static IdxData ofShorts(short[] elements, int... dims) {
        return new IdxData(IdxType.SHORT, elements, elements.length, dims);
    }

    /**
     * Type 0x0C: 32-bit integers.
     *
     * @param elements the elements in row-major order; held, not copied
     * @param dims the dims, whose product must be {@code elements.length}
     * @return the IDX data
     * @throws IllegalArgumentException if a dim is negative or the dims don't match the element count
     */
    public static IdxData ofInts(int[] elements, int... dims) {
        return new IdxData(IdxType.INT, elements, elements.length, dims);
    }

    /**
     * Type 0x0D: 32-bit floats.
     *
     * @param elements the elements in row-major order; held, not copied
     * @param dims the dims, whose product must be {@code elements.length}
     * @return the IDX data
     * @throws IllegalArgumentException if a dim is negative or the dims don't match the element count
     */
    public static IdxData ofFloats(float[] elements, int... dims) {
        return new IdxData(IdxType.FLOAT, elements, elements.length, dims);
    }

    /**
     * Type 0x0E: 64-bit doubles.
     *
     * @param elements the elements in row-major order; held, not copied
     * @param dims the dims, whose product must be {@code elements.length}
     * @return the IDX data
     * @throws IllegalArgumentException if a dim is negative or the dims don't match the element count
     */
    public static IdxData ofDoubles(double[] elements, int... dims) {
        return new IdxData(IdxType.DOUBLE, elements, elements.length, dims);
    }

    /**
     * The element type (the third byte of the magic number).
     *
     * @return the type
     */
    public IdxType type() {
        return type;
    }

    /**
     * The number of dims (the fourth byte of the magic number).
     *
     * @return the rank, 0 for a single element
     */
    public int rank() {
        return dims.length;
    }

    /**
     * The dims, outermost first.
     *
     * @return a copy of the dims
     */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * One dim.
     *
     * @param i the dim's index, from 0 to {@code rank() - 1}
     * @return its size
     * @throws ArrayIndexOutOfBoundsException if {@code i} is not a dim index
     */
    public int dim(int i) {
        return dims[i];
    }

    /**
     * The number of elements, the product of the dims.
     *
     * @return the element count
     */
    public int numel() {
        return (int) numel(dims);
    }

    /**
     * The elements of a 0x08 or 0x09 file, not copied.
     *
     * @return the element array itself
     * @throws IllegalStateException if the type is neither
     */
    public byte[] bytes() {
        return (byte[]) elementsOf(IdxType.UBYTE, IdxType.BYTE);
    }

    /**
     * The elements of a 0x0B file, not copied.
     *
     * @return the element array itself
     * @throws IllegalStateException if the type is not {@link IdxType#SHORT}
     */
    public short[] shorts() {
        return (short[]) elementsOf(IdxType.SHORT, IdxType.SHORT);
    }

    /**
     * The elements of a 0x0C file, not copied.
     *
     * @return the element array itself
     * @throws IllegalStateException if the type is not {@link IdxType#INT}
     */
    public int[] ints() {
        return (int[]) elementsOf(IdxType.INT, IdxType.INT);
    }

    /**
     * The elements of a 0x0D file, not copied.
     *
     * @return the element array itself
     * @throws IllegalStateException if the type is not {@link IdxType#FLOAT}
     */
    public float[] floats() {
        return (float[]) elementsOf(IdxType.FLOAT, IdxType.FLOAT);
    }

    /**
     * The elements of a 0x0E file, not copied.
     *
     * @return the element array itself
     * @throws IllegalStateException if the type is not {@link IdxType#DOUBLE}
     */
    public double[] doubles() {
        return (double[]) elementsOf(IdxType.DOUBLE, IdxType.DOUBLE);
    }

    /**
     * The data as a tensor of shape {@link #dims()}. unsigned byte, int, float and double become
     * uint8, int32, float32 and float64 tensors over this data's own array (no copy); jgrad has no
     * int8 or int16, so signed byte and short are widened to int32 (a copy).
     *
     * @return an array of shape {@link #dims()}
     */
    public NDArray toNDArray() {
        switch (type) {
            case UBYTE:
                return NDArray.wrap((byte[]) elements, dims);
            case BYTE: {
                byte[] b = (byte[]) elements;
                int[] wide = new int[b.length];
                for (int i = 0; i < b.length; i++) {
                    wide[i] = b[i];
                }
                return NDArray.wrap(wide, dims);
            }
            case SHORT: {
                short[] s = (short[]) elements;
                int[] wide = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    wide[i] = s[i];
                }
                return NDArray.wrap(wide, dims);
            }
            case INT:
                return NDArray.wrap((int[]) elements, dims);
            case FLOAT:
                return NDArray.wrap((float[]) elements, dims);
            case DOUBLE:
                return NDArray.wrap((double[]) elements, dims);
            default:
                throw new AssertionError(type);
        }
    }

    /**
     * A tensor's elements, in row-major order whatever its strides (a copy), as IDX data: uint8,
     * int32, float32 and float64 map to unsigned byte, int, float and double. IDX has no 64-bit
     * integer or bool type, so int64 and bool tensors are refused.
     *
     * @param t the array to convert
     * @return IDX data over a new array of the elements
     * @throws IllegalArgumentException if {@code t} is int64 or bool
     */
    public static IdxData of(NDArray t) {
        int[] shape = t.shape().toArray();
        DType d = t.dtype();
        switch (d) {
            case UINT8:
                return ofUnsignedBytes(t.toByteArray(), shape);
            case INT32:
                return ofInts(t.toIntArray(), shape);
            case FLOAT32:
                return ofFloats(t.toFloatArray(), shape);
            case FLOAT64:
                return ofDoubles(t.toDoubleArray(), shape);
            default:
                throw new IllegalArgumentException("IDX files have no " + d + " type: convert the tensor with "
                        + (d == DType.BOOL ? "toByte()" : "toInt()") + " first");
        }
    }

    /** The element array itself, whatever its type. */
    Object elements() {
        return elements;
    }

    private Object elementsOf(IdxType a, IdxType b) {
        if (type != a && type != b) {
            throw new IllegalStateException(
                    "IDX data of type " + type + " has no " + a.name().toLowerCase() + " elements");
        }
        return elements;
    }

    /** The product of the dims, or Long.MAX_VALUE when it passes Integer.MAX_VALUE. */
    static long numel(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d + " in " + Arrays.toString(dims));
            }
            if (d == 0) {
                return 0;
            }
        }
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                // Multiplying on could overflow a long; past int range the exact size no longer matters.
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /**
     * Whether both hold the same type, dims and elements; floats compare as {@code Arrays.equals}
     * does them, so NaN equals NaN and 0.0 differs from -0.0.
     *
     * @param other the data to compare with
     * @return true if type, dims and elements are all equal
     */
    public boolean contentEquals(IdxData other) {
        if (type != other.type || !Arrays.equals(dims, other.dims)) {
            return false;
        }
        switch (type) {
            case UBYTE:
            case BYTE:
                return Arrays.equals((byte[]) elements, (byte[]) other.elements);
            case SHORT:
                return Arrays.equals((short[]) elements, (short[]) other.elements);
            case INT:
                return Arrays.equals((int[]) elements, (int[]) other.elements);
            case FLOAT:
                return Arrays.equals((float[]) elements, (float[]) other.elements);
            case DOUBLE:
                return Arrays.equals((double[]) elements, (double[]) other.elements);
            default:
                throw new AssertionError(type);
        }
    }

    @Override
    public String toString() {
        return "IdxData(type=" + type + ", dims=" + Arrays.toString(dims) + ")";
    }
}
