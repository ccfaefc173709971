package dev.jgrad.tensor;

import java.util.Locale;

/**
 * The element types jgrad supports, with PyTorch's names and promotion rules.
 *
 * <p>Promotion follows {@code torch.promote_types} for these six types: bool &lt; integers &lt;
 * floating point, and within a category the wider type wins. uint8 and int32 meet at int64
 * only if one of them is int64; uint8 with int32 gives int32, as in PyTorch.
 */
public enum DType {
    /** {@code torch.bool}: true or false, stored as {@code boolean[]}, one byte in files. */
    BOOL(1),
    /** {@code torch.uint8}: 0..255, stored as {@code byte[]} and read as unsigned. */
    UINT8(1),
    /** {@code torch.int32}, stored as {@code int[]}. */
    INT32(4),
    /**
     * {@code torch.int64} ({@code torch.long}), stored as {@code long[]}: the dtype of indices and integer results.
     */
    INT64(8),
    /**
     * {@code torch.float32} ({@code torch.float}), stored as {@code float[]}: the default dtype and the fast path.
     */
    FLOAT32(4),
    /** {@code torch.float64} ({@code torch.double}), stored as {@code double[]}. */
    FLOAT64(8);

    /** {@code torch.float}: the same constant as {@link #FLOAT32}. */
    public static final DType FLOAT = FLOAT32;
    /** {@code torch.double}: the same constant as {@link #FLOAT64}. */
    public static final DType DOUBLE = FLOAT64;
    /** {@code torch.long}: the same constant as {@link #INT64}. */
    public static final DType LONG = INT64;
    /** {@code torch.int}: the same constant as {@link #INT32}. */
    public static final DType INT = INT32;

    private final String pyName;
    private final int itemSize;

    /** PyTorch's capitalised names and C type names, in declaration order (bool, uint8, ..., float64). */
    private static final String[] SCALAR_TYPE_NAMES = {"Bool", "Byte", "Int", "Long", "Float", "Double"};

    private static final String[] C_NAMES = {"bool", "unsigned char", "int", "long int", "float", "double"};

    DType(int itemSize) {
        this.itemSize = itemSize;
        // PyTorch's names are the constants' names in lower case: float32, int64, bool, ...
        this.pyName = name().toLowerCase(Locale.ROOT);
    }

    /**
     * PyTorch's name without the {@code torch.} prefix, e.g. {@code float32}.
     *
     * @return the name
     */
    public String pyName() {
        return pyName;
    }

    /**
     * Bytes per element, as stored in files (bool takes one byte); {@code Tensor.element_size()}.
     *
     * @return the size in bytes
     */
    public int itemSize() {
        return itemSize;
    }

    /**
     * Whether this is float32 or float64 ({@code dtype.is_floating_point}).
     *
     * @return true for the floating dtypes
     */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /**
     * True for uint8, int32 and int64 (bool is its own category, as in PyTorch).
     *
     * @return true for the integer dtypes
     */
    public boolean isIntegral() {
        return this == UINT8 || this == INT32 || this == INT64;
    }

    /**
     * {@code torch.promote_types(a, b)} for the supported types.
     *
     * @param a one dtype
     * @param b the other dtype
     * @return the smallest dtype both convert to without losing their category
     */
    public static DType promote(DType a, DType b) {
        // The declaration order is the promotion lattice for these types.
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /**
     * PyTorch's capitalised name used in messages such as "Got: Long".
     *
     * @return the name, e.g. {@code Float} for float32
     */
    public String scalarTypeName() {
        return SCALAR_TYPE_NAMES[ordinal()];
    }

    /** The C type name PyTorch uses in some messages ("float != double", "unsigned char"). */
    String cName() {
        return C_NAMES[ordinal()];
    }

    /**
     * The same as {@link #pyName()}.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return pyName;
    }
}
