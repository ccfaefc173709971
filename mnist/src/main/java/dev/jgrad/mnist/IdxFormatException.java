package dev.jgrad.mnist;

import java.io.IOException;

/**
 * An IDX file that is not what its header says: the message names the file, what was expected,
 * what was found, and the byte offset (in the decompressed data for a gzip file).
 */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file (or resource) name the reader was given. */
    private final String file;
    /** Where the problem was found, in bytes of the IDX data. */
    private final long offset;

    IdxFormatException(String file, long offset, String message) {
        super(file + ": " + message);
        this.file = file;
        this.offset = offset;
    }

    IdxFormatException(String file, long offset, String message, Throwable cause) {
        this(file, offset, message);
        initCause(cause);
    }

    /**
     * The file (or resource) name the reader was given.
     *
     * @return the name, as in the message
     */
    public String file() {
        return file;
    }

    /**
     * Where the problem was found, counted in bytes of the IDX data (decompressed for a gzip file).
     *
     * @return the byte offset, from 0
     */
    public long offset() {
        return offset;
    }
}
