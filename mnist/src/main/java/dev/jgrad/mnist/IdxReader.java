package dev.jgrad.mnist;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads one IDX stream, already decompressed, keeping count of the byte offset so that every
 * error can say where it happened.
 */
final class IdxReader {
    /** The largest array most JVMs allocate. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** Deflate expands at most about 1032:1, so a gzip file of n bytes holds at most ~1032 n. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final String name;
    private final boolean gzip;
    /** Length of the file on disk (compressed for gzip), or -1 when unknown. */
    private final long fileLength;

    private long pos;

    IdxReader(InputStream in, String name, boolean gzip, long fileLength) {
        this.in = in;
        this.name = name;
        this.gzip = gzip;
        this.fileLength = fileLength;
    }

    IdxData read() throws IOException {
        byte[] magic = new byte[4];
        int n = readUpTo(magic, 0, 4, 4);
        if (n < 4) {
            throw error(
                    n,
                    "truncated header: expected a 4-byte magic number, found only " + n + " bytes (" + where()
                            + " ends at byte " + n + ")");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw error(
                    0,
                    "bad magic number at byte 0: expected 0x00 0x00 <type code> <rank>, found " + hex(magic, 4)
                            + (looksLikeZip(magic) ? " (a zip archive, not gzip: unzip it first)" : ""));
        }
        IdxType type = IdxType.fromCode(magic[2] & 0xff);
        if (type == null) {
            throw error(
                    2,
                    String.format(
                            "unknown element type code 0x%02x at byte 2: expected one of %s",
                            magic[2] & 0xff, IdxType.allCodes()));
        }
        int rank = magic[3] & 0xff;
        int[] dims = readDims(rank);
        long headerLength = 4 + 4L * rank;
        long numel = IdxData.numel(dims);
        String shape = "dims " + Arrays.toString(dims);
        if (numel > MAX_ARRAY_LENGTH) {
            throw error(
                    4, shape + " hold more than " + MAX_ARRAY_LENGTH + " elements, more than one Java array can hold");
        }
        long dataBytes = numel * type.itemSize();
        long end = headerLength + dataBytes;
        checkLengthBeforeReading(shape, type, headerLength, dataBytes, end);
        Object elements = readElements(type, (int) numel, shape, end);
        return IdxData.of(type, elements, dims);
    }

    private int[] readDims(int rank) throws IOException {
        byte[] raw = new byte[4 * rank];
        int n = readUpTo(raw, 0, raw.length, 4 + raw.length);
        if (n < raw.length) {
            throw error(
                    pos,
                    "truncated header: rank " + rank + " needs a " + (4 + raw.length) + "-byte header, but " + where()
                            + " ends at byte " + pos);
        }
        ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            long d = Integer.toUnsignedLong(bb.getInt());
            if (d > MAX_ARRAY_LENGTH) {
                throw error(
                        4 + 4L * i,
                        "dimension " + i + " is " + d + " (at byte " + (4 + 4 * i)
                                + "), more than one Java array can hold");
            }
            dims[i] = (int) d;
        }
        return dims;
    }

    /** Fails before allocating when the file on disk cannot hold what the dims say. */
    private void checkLengthBeforeReading(String shape, IdxType type, long headerLength, long dataBytes, long end)
            throws IdxFormatException {
        if (fileLength < 0) {
            return;
        }
        String need = shape + " of " + type + " need " + dataBytes + " data bytes after the " + headerLength
                + "-byte header, so the file should be " + end + " bytes long";
        if (!gzip && fileLength < end) {
            throw error(fileLength, "truncated file or wrong dims: " + need + ", but it ends at byte " + fileLength);
        }
        if (!gzip && fileLength > end) {
            throw error(
                    end,
                    "dims disagree with the file length: " + need + ", but it is " + fileLength + " bytes long ("
                            + (fileLength - end) + " extra bytes from byte " + end + ")");
        }
        if (gzip && dataBytes > fileLength * MAX_DEFLATE_RATIO) {
            throw error(
                    4,
                    "dims disagree with the file length: " + shape + " of " + type + " need " + dataBytes
                            + " data bytes, more than a gzip file of " + fileLength + " bytes can hold");
        }
    }

    /** The elements, once the data has been read to its end and found to end where the dims say. */
    private Object readElements(IdxType type, int numel, String shape, long end) throws IOException {
        if (fileLength >= 0 && !gzip) {
            // A raw file's length matched the dims: the data is there, so read it straight into the result.
            Object out = type.newArray(numel);
            readInto(out, type, numel, shape, end);
            checkEnd(shape, end);
            return out;
        }
        // A stream or gzip data may claim far more than it holds: hold what arrives in chunks,
        // and allocate the result only once all of it has arrived.
        long dataBytes = (long) numel * type.itemSize();
        List<byte[]> chunks = new ArrayList<>();
        for (long done = 0; done < dataBytes; ) {
            byte[] chunk = new byte[(int) Math.min(CHUNK, dataBytes - done)];
            readData(chunk, 0, chunk.length, shape, end);
            chunks.add(chunk);
            done += chunk.length;
        }
        checkEnd(shape, end);
        Object out = type.newArray(numel);
        int done = 0;
        for (byte[] chunk : chunks) {
            done += decode(type, chunk, chunk.length, out, done);
        }
        return out;
    }

    /** Reads {@code numel} elements into {@code out}, converting from big-endian one chunk at a time. */
    private void readInto(Object out, IdxType type, int numel, String shape, long end) throws IOException {
        if (type == IdxType.UBYTE || type == IdxType.BYTE) {
            // The common case (pixels and labels): one bulk read straight into the final array.
            readData((byte[]) out, 0, numel, shape, end);
            return;
        }
        int item = type.itemSize();
        byte[] chunk = new byte[(int) Math.min(CHUNK, (long) numel * item)];
        int done = 0;
        while (done < numel) {
            int count = Math.min(chunk.length / item, numel - done);
            readData(chunk, 0, count * item, shape, end);
            done += decode(type, chunk, count * item, out, done);
        }
    }

    /** Converts {@code length} big-endian bytes into elements of {@code out} from {@code at}; returns the count. */
    private static int decode(IdxType type, byte[] bytes, int length, Object out, int at) {
        int count = length / type.itemSize();
        ByteBuffer bb = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.BIG_ENDIAN);
        switch (type) {
            case UBYTE, BYTE -> System.arraycopy(bytes, 0, out, at, count);
            case SHORT -> bb.asShortBuffer().get((short[]) out, at, count);
            case INT -> bb.asIntBuffer().get((int[]) out, at, count);
            case FLOAT -> bb.asFloatBuffer().get((float[]) out, at, count);
            case DOUBLE -> bb.asDoubleBuffer().get((double[]) out, at, count);
            default -> throw new AssertionError(type);
        }
        return count;
    }

    private void readData(byte[] b, int off, int len, String shape, long end) throws IOException {
        if (readUpTo(b, off, len, end) < len) {
            throw error(
                    pos,
                    "truncated " + (gzip ? "data or wrong dims" : "file or wrong dims") + ": " + shape
                            + " say the data runs to byte " + end + ", but " + where() + " ends at byte " + pos);
        }
    }

    /** The data must end exactly where the dims say; reading on also makes gzip check its trailer. */
    private void checkEnd(String shape, long end) throws IOException {
        int next;
        try {
            next = in.read();
        } catch (EOFException | ZipException e) {
            throw gzipError(e, end);
        }
        if (next != -1) {
            throw error(
                    end,
                    "dims disagree with the file length: " + shape + " say the data ends at byte " + end + ", but "
                            + where() + " goes on past it");
        }
    }

    /** Reads until len bytes or the end of the stream; returns how many were read. */
    private int readUpTo(byte[] b, int off, int len, long expectedEnd) throws IOException {
        int done = 0;
        while (done < len) {
            int n;
            try {
                n = in.read(b, off + done, len - done);
            } catch (EOFException | ZipException e) {
                throw gzipError(e, expectedEnd);
            }
            if (n < 0) {
                break;
            }
            done += n;
            pos += n;
        }
        return done;
    }

    /** Names the file and offset for a gzip failure; other streams' exceptions pass unchanged. */
    private IOException gzipError(IOException e, long expectedEnd) {
        if (!gzip) {
            return e;
        }
        if (e instanceof EOFException) {
            return error(
                    pos,
                    "gzip data cut short: the compressed stream ends before its end marker, after " + pos
                            + " bytes of IDX data (expected " + expectedEnd + ")",
                    e);
        }
        return error(pos, "corrupt gzip data after " + pos + " bytes of IDX data: " + e.getMessage(), e);
    }

    private String where() {
        return gzip ? "the decompressed data" : "the file";
    }

    private IdxFormatException error(long offset, String message) {
        return new IdxFormatException(name, offset, message);
    }

    private IdxFormatException error(long offset, String message, Throwable cause) {
        return new IdxFormatException(name, offset, message, cause);
    }

    private static boolean looksLikeZip(byte[] magic) {
        return magic[0] == 'P' && magic[1] == 'K';
    }

    static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("0x%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
