package dev.jgrad.mnist;

/**
 * The element types of the IDX format: the third byte of an IDX file's magic number.
 * Multi-byte values are stored big-endian.
 */
public enum IdxType {
    UBYTE(0x08, 1, "unsigned byte"),
    BYTE(0x09, 1, "signed byte"),
    SHORT(0x0B, 2, "short"),
    INT(0x0C, 4, "int"),
    FLOAT(0x0D, 4, "float"),
    DOUBLE(0x0E, 8, "double");

    private final int code;
    private final int itemSize;
    private final String description;

    IdxType(int code, int itemSize, String description) {
        this.code = code;
        this.itemSize = itemSize;
        this.description = description;
    }

    /** The type code as written in the magic number, e.g. {@code 0x08}. */
    public int code() {
        return code;
    }

    /** Bytes per element in the file. */
    public int itemSize() {
        return itemSize;
    }

    /** The type for a magic-number code, or null when the format defines none. */
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

    @Override
    public String toString() {
        return String.format("0x%02x (%s)", code, description);
    }
}
