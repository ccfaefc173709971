package dev.jgrad.tensor.io;

import dev.jgrad.tensor.DType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The byte level of safetensors: 8-byte little-endian header length, UTF-8 JSON header, then the
 * tensors' little-endian bytes, on plain Java arrays.
 */
final class SafeTensorsCodec {
    private static final int CHUNK = 1 << 20;

    private SafeTensorsCodec() {}

    /** The tensors in header order, and the metadata. */
    static final class Contents {
        final Map<String, RawTensor> tensors;
        final Map<String, String> metadata;

        Contents(Map<String, RawTensor> tensors, Map<String, String> metadata) {
            this.tensors = tensors;
            this.metadata = metadata;
        }
    }

    static Contents read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(ch, path.toString());
        }
    }

    /** Reads safetensors bytes held in memory, with the same checks as a file; {@code name} names them in errors. */
    static Contents read(byte[] bytes, String name) throws IOException {
        try (FileChannel ch = new ByteArrayChannel(bytes)) {
            return read(ch, name);
        }
    }

    private static Contents read(FileChannel ch, String file) throws IOException {
        SafeTensorsHeader header = SafeTensorsHeader.read(ch, file);
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        for (SafeTensorsHeader.Entry e : header.entries) {
            Object data = RawTensor.newArray(e.dtype(), e.numel());
            readData(ch, header.dataStart + e.begin(), e, data, file);
            tensors.put(e.name(), new RawTensor(e.dtype(), e.shape(), data));
        }
        return new Contents(tensors, header.metadata);
    }

    static Map<String, String> readMetadata(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return SafeTensorsHeader.read(ch, path.toString()).metadata;
        }
    }

    private static void readData(FileChannel ch, long position, SafeTensorsHeader.Entry e, Object data, String file)
            throws IOException {
        int item = e.dtype().itemSize();
        inChunks(e.numel(), item, (chunk, done, count) -> {
            chunk.limit(count * item);
            SafeTensorsHeader.readFully(ch, chunk, position + (long) done * item, file);
            chunk.flip();
            switch (e.dtype()) {
                case FLOAT32 -> chunk.asFloatBuffer().get((float[]) data, done, count);
                case FLOAT64 -> chunk.asDoubleBuffer().get((double[]) data, done, count);
                case INT64 -> chunk.asLongBuffer().get((long[]) data, done, count);
                case INT32 -> chunk.asIntBuffer().get((int[]) data, done, count);
                case UINT8 -> chunk.get((byte[]) data, done, count);
                case BOOL -> readBools(chunk, (boolean[]) data, done, count, e, file);
            }
        });
    }

    /** Elements {@code [done, done + count)} of a tensor, moved through {@code chunk} (cleared, little-endian). */
    private interface ChunkStep {
        void run(ByteBuffer chunk, int done, int count) throws IOException;
    }

    /** Moves {@code numel} elements of {@code item} bytes through one buffer of at most {@link #CHUNK} bytes. */
    private static void inChunks(int numel, int item, ChunkStep step) throws IOException {
        ByteBuffer chunk =
                ByteBuffer.allocate((int) Math.min(CHUNK, (long) numel * item)).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < numel; ) {
            int count = Math.min(chunk.capacity() / item, numel - done);
            chunk.clear();
            step.run(chunk, done, count);
            done += count;
        }
    }

    private static void readBools(
            ByteBuffer chunk, boolean[] out, int at, int count, SafeTensorsHeader.Entry e, String file)
            throws SafeTensorsException {
        for (int i = 0; i < count; i++) {
            byte b = chunk.get(i);
            if (b != 0 && b != 1) {
                throw new SafeTensorsException(
                        file,
                        "tensor '" + e.name() + "': BOOL element " + (at + i) + " is byte " + (b & 0xff)
                                + ", expected 0 or 1");
            }
            out[at + i] = b == 1;
        }
    }

    static void write(Path path, Map<String, RawTensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(path, out -> write(out, header, tensors));
    }

    /** Writes the whole format (length, header, data) to a stream, which is left open. */
    static void write(OutputStream out, Map<String, RawTensor> tensors, Map<String, String> metadata)
            throws IOException {
        write(out, header(tensors, metadata), tensors);
    }

    private static void write(OutputStream out, byte[] header, Map<String, RawTensor> tensors) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
        out.write(len.array());
        out.write(header);
        for (RawTensor t : tensors.values()) {
            writeData(out, t);
        }
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes so the data starts aligned. */
    static byte[] header(Map<String, RawTensor> tensors, Map<String, String> metadata) throws IOException {
        StringBuilder sb = new StringBuilder("{");
        if (metadata != null && !metadata.isEmpty()) {
            sb.append(Json.quote(SafeTensorsHeader.METADATA_KEY)).append(":{");
            boolean first = true;
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                if (m.getKey() == null || m.getValue() == null) {
                    throw new IllegalArgumentException(
                            "safetensors metadata keys and values must not be null: " + metadata);
                }
                sb.append(first ? "" : ",")
                        .append(Json.quote(m.getKey()))
                        .append(':')
                        .append(Json.quote(m.getValue()));
                first = false;
            }
            sb.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, RawTensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null || name.equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("invalid tensor name " + (name == null ? "null" : "'" + name + "'"));
            }
            RawTensor t = e.getValue();
            long end = offset + (long) t.numel() * t.dtype.itemSize();
            sb.append(sb.length() == 1 ? "" : ",")
                    .append(Json.quote(name))
                    .append(":{\"dtype\":\"")
                    .append(SafeTensorsHeader.formatName(t.dtype))
                    .append("\",\"shape\":[");
            for (int i = 0; i < t.shape.length; i++) {
                sb.append(i == 0 ? "" : ",").append(t.shape[i]);
            }
            sb.append("],\"data_offsets\":[")
                    .append(offset)
                    .append(',')
                    .append(end)
                    .append("]}");
            offset = end;
        }
        sb.append('}');
        byte[] json = utf8(sb);
        int padded = (json.length + 7) & ~7;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    private static byte[] utf8(CharSequence s) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "a tensor name or metadata string is not valid Unicode (lone surrogate)", e);
        }
    }

    private static void writeData(OutputStream out, RawTensor t) throws IOException {
        if (t.dtype == DType.UINT8) {
            out.write((byte[]) t.data);
            return;
        }
        int item = t.dtype.itemSize();
        inChunks(t.numel(), item, (chunk, done, count) -> {
            switch (t.dtype) {
                case FLOAT32 -> chunk.asFloatBuffer().put((float[]) t.data, done, count);
                case FLOAT64 -> chunk.asDoubleBuffer().put((double[]) t.data, done, count);
                case INT64 -> chunk.asLongBuffer().put((long[]) t.data, done, count);
                case INT32 -> chunk.asIntBuffer().put((int[]) t.data, done, count);
                case BOOL -> writeBools(chunk, (boolean[]) t.data, done, count);
                default -> throw new AssertionError(t.dtype); // uint8 is written above, without a copy
            }
            out.write(chunk.array(), 0, count * item);
        });
    }

    private static void writeBools(ByteBuffer chunk, boolean[] b, int at, int count) {
        for (int i = 0; i < count; i++) {
            chunk.put(i, (byte) (b[at + i] ? 1 : 0));
        }
    }
}
