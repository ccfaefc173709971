package dev.jgrad.mnist;

import dev.jgrad.tensor.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes IDX files, the format of MNIST: a magic number {@code 0x00 0x00 <type> <rank>},
 * {@code rank} big-endian 32-bit dims, then the elements, big-endian, in row-major order.
 *
 * <p>Gzip-compressed files are recognised by their first two bytes, whatever their name. A file
 * that disagrees with its own header fails with an {@link IdxFormatException} naming the file,
 * what was expected, what was found, and the byte offset: never a partial result. A header
 * cannot make the reader allocate what it merely claims: a stream or gzip data is read in 1 MiB
 * chunks and the result allocated once all of it has arrived, so a failing read costs at most
 * the bytes present plus 1 MiB.
 */
public final class IdxFile {
    private static final int BUFFER = 1 << 16;
    private static final int CHUNK = 1 << 20;

    private IdxFile() {}

    /**
     * Reads a raw or gzip-compressed IDX file. The dims are checked against the file's length before
     * the elements are allocated.
     *
     * @param file the file; its name is used in error messages
     * @return its type, dims and elements
     * @throws IdxFormatException if the file disagrees with its own header (bad magic number, unknown
     *     type, truncated, trailing bytes, corrupt gzip data)
     * @throws IOException if the file can't be read
     */
    public static IdxData read(Path file) throws IOException {
        long length = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), length);
        }
    }

    /**
     * Reads a raw or gzip-compressed IDX stream to its end; {@code name} identifies it in error
     * messages. The stream is not closed.
     *
     * @param in the stream, positioned at the start of the IDX data (or of its gzip wrapper)
     * @param name what to call the stream in error messages, e.g. a resource name
     * @return its type, dims and elements
     * @throws IdxFormatException if the data disagrees with its own header (bad magic number, unknown
     *     type, truncated, trailing bytes, corrupt gzip data)
     * @throws IOException if the stream can't be read
     */
    public static IdxData read(InputStream in, String name) throws IOException {
        return read(in, name, -1);
    }

    private static IdxData read(InputStream raw, String name, long fileLength) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream in = buffered;
        if (gzip) {
            try {
                in = new GZIPInputStream(buffered, BUFFER);
            } catch (EOFException | ZipException e) {
                throw new IdxFormatException(
                        name, 0, "gzip data cut short or corrupt in its 10-byte header: " + e.getMessage(), e);
            }
        }
        return new IdxReader(in, name, gzip, fileLength).read();
    }

    /**
     * Writes an IDX file, gzip-compressed when its name ends in {@code .gz}; atomically (temp file,
     * then rename), so a failed write leaves no partial file.
     *
     * @param file where to write; an existing file is replaced
     * @param data the type, dims and elements to write
     * @throws IOException if the file can't be written
     * @throws IllegalArgumentException if {@code data} has more than 255 dims
     */
    public static void write(Path file, IdxData data) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(file, out -> {
            if (gzip) {
                GZIPOutputStream gz = new GZIPOutputStream(out, BUFFER);
                write(gz, data);
                gz.finish();
            } else {
                write(out, data);
            }
        });
    }

    /**
     * Writes the raw IDX bytes of {@code data}: header, then elements big-endian. The stream is neither
     * flushed nor closed.
     *
     * @param out the stream to write to
     * @param data the type, dims and elements to write
     * @throws IOException if the stream can't be written
     * @throws IllegalArgumentException if {@code data} has more than 255 dims
     */
    public static void write(OutputStream out, IdxData data) throws IOException {
        int rank = data.rank();
        if (rank > 255) {
            throw new IllegalArgumentException("IDX files hold at most 255 dims, got " + rank);
        }
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * rank).order(ByteOrder.BIG_ENDIAN);
        header.put((byte) 0).put((byte) 0).put((byte) data.type().code()).put((byte) rank);
        for (int i = 0; i < rank; i++) {
            header.putInt(data.dim(i));
        }
        out.write(header.array());
        IdxType type = data.type();
        if (type == IdxType.UBYTE || type == IdxType.BYTE) {
            out.write(data.bytes());
            return;
        }
        int numel = data.numel();
        int item = type.itemSize();
        ByteBuffer chunk =
                ByteBuffer.allocate((int) Math.min(CHUNK, (long) numel * item)).order(ByteOrder.BIG_ENDIAN);
        int done = 0;
        while (done < numel) {
            int count = Math.min(chunk.capacity() / item, numel - done);
            chunk.clear();
            switch (type) {
                case SHORT -> chunk.asShortBuffer().put(data.shorts(), done, count);
                case INT -> chunk.asIntBuffer().put(data.ints(), done, count);
                case FLOAT -> chunk.asFloatBuffer().put(data.floats(), done, count);
                case DOUBLE -> chunk.asDoubleBuffer().put(data.doubles(), done, count);
                default -> throw new AssertionError(type);
            }
            out.write(chunk.array(), 0, count * item);
            done += count;
        }
    }
}
