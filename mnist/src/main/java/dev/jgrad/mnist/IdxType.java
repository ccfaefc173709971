package dev.jgrad.mnist;

/**
 * The element types of the IDX format: the third byte of an IDX file's magic number.
 * Multi-byte values are stored big-endian.
 */
public enum IdxType {
    /** 0x08: unsigned byte, 0..255 (MNIST's images and labels). */
    UBYTE(0x08, 1, "unsigned byte", byte.class),
    /** 0x09: signed byte, -128..127. */
    BYTE(0x09, 1, "signed byte", byte.class),
    /** 0x0B: 16-bit signed integer. */
    SHORT(0x0B, 2, "short", short.class),
    /** 0x0C: 32-bit signed integer. */
    INT(0x0C, 4, "int", int.class),
    /** 0x0D: 32-bit IEEE float. */
    FLOAT(0x0D, 4, "float", float.class),
    /** 0x0E: 64-bit IEEE double. */
    DOUBLE(0x0E, 8, "double", double.class);

    private final int code;
    private final int itemSize;
    private final String description;
    /** The Java element type holding the values: {@code byte} for both byte types. */
    private final Class<?> javaType;

    IdxType(int code, int itemSize, String description, Class<?> javaType) {
        this.code = code;
        this.itemSize = itemSize;
        this.description = description;
        this.javaType = javaType;
    }

    /** A new zeroed array of {@code length} elements of this type's Java array type. */
    Object newArray(int length) {
        return java.lang.reflect.Array.newInstance(javaType, length);
    }

    /** Whether {@code elements} is an array of this type's Java array type. */
    boolean holds(Object elements) {
        return elements.getClass().getComponentType() == javaType;
    }

    /**
     * The type code as written in the magic number, e.g. {@code 0x08}.
     *
     * @return the code, 0x08 to 0x0E
     */
    public int code() {
        return code;
    }

    /**
     * Bytes per element in the file.
     *
     * @return 1, 2, 4 or 8
     */
    public int itemSize() {
        return itemSize;
    }

    /**
     * The type for a magic-number code.
     *
     * @param code the magic number's third byte, 0..255
     * @return the type, or null when the format defines none for {@code code}
     */
    public static IdxType fromCode(int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** "0x08 (unsigned byte), 0x09 (signed byte), ..." for error messages. */
    static String allCodes() {
        StringBuilder sb = new StringBuilder();
        for (IdxType t : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(t);
        }
        return sb.toString();
    }

    /**
     * The code and its meaning, as error messages print them.
     *
     * @return e.g. {@code 0x08 (unsigned byte)}
     */
    @Override
    public String toString() {
        return String.format("0x%02x (%s)", code, description);
    }
}
