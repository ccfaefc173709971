package dev.jgrad.tensor.io;

import dev.jgrad.tensor.NDArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format, so that weights move between jgrad and PyTorch:
 * an 8-byte little-endian header length N, N bytes of UTF-8 JSON naming each tensor's dtype,
 * shape and byte range (plus optional string metadata under {@code "__metadata__"}), then the
 * tensors' raw little-endian bytes.
 *
 * <p>Reading is strict: the header is checked against the file before any data is read, and a
 * malformed file fails with a {@link SafeTensorsException} that names the file and the problem,
 * never with a crash or an attempt to allocate more than the file holds. Writing goes through a
 * temporary file that is renamed into place, so an interrupted save leaves no broken file.
 *
 * <p>dtypes: F32, F64, I64, I32, U8 and BOOL (jgrad's float32, float64, int64, int32, uint8, bool).
 */
public final class SafeTensors {
    private SafeTensors() {}

    /**
     * A file's tensors, in the header's order, and its metadata. Both maps are read-only.
     *
     * @param tensors the tensors by name
     * @param metadata the string metadata under {@code "__metadata__"}, empty when there is none
     */
    public record Contents(Map<String, NDArray> tensors, Map<String, String> metadata) {
        /**
         * Copies both maps into read-only ones that keep their iteration order.
         *
         * @param tensors the tensors by name
         * @param metadata the string metadata
         */
        public Contents {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }

        /**
         * The tensor called {@code name}.
         *
         * @param name the tensor's name in the file
         * @return the tensor
         * @throws IllegalArgumentException if there is none, naming the keys there are
         */
        public NDArray get(String name) {
            NDArray t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException(
                        "no tensor named '" + name + "' (the file holds " + tensors.keySet() + ")");
            }
            return t;
        }
    }

    /**
     * Reads every tensor (each into its own contiguous array) and the metadata ({@code safetensors.torch.load_file}).
     *
     * @param file the file to read
     * @return the tensors and the metadata
     * @throws SafeTensorsException if the file breaks the format, naming the file and the problem
     * @throws IOException if the file can't be read
     */
    public static Contents load(Path file) throws IOException {
        return contents(SafeTensorsCodec.read(file));
    }

    /**
     * Reads safetensors bytes held in memory (for instance a model shipped to another JVM), with
     * every check the file reader makes. Python's {@code safetensors.torch.load(data)}.
     *
     * @param bytes the whole format: header length, header and data
     * @param name what to call the bytes in error messages, as a file's path would be
     * @return the tensors, in the header's order, and the metadata
     * @throws SafeTensorsException if the bytes are not a valid safetensors encoding (the message
     *     names {@code name} and the problem)
     */
    public static Contents load(byte[] bytes, String name) throws SafeTensorsException {
        try {
            return contents(SafeTensorsCodec.read(bytes, name));
        } catch (SafeTensorsException e) {
            throw e;
        } catch (IOException e) {
            // An in-memory channel raises no other I/O error.
            throw new AssertionError("reading bytes in memory failed", e);
        }
    }

    /**
     * Reads one safetensors encoding from a stream, to its end, with every check the file reader
     * makes; the stream is not closed.
     *
     * @param in a stream holding exactly one safetensors encoding
     * @param name what to call the stream in error messages
     * @return the tensors, in the header's order, and the metadata
     * @throws IOException if reading the stream fails, or a {@link SafeTensorsException} if its bytes
     *     are not a valid safetensors encoding
     */
    public static Contents load(InputStream in, String name) throws IOException {
        return load(in.readAllBytes(), name);
    }

    private static Contents contents(SafeTensorsCodec.Contents raw) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, RawTensor> e : raw.tensors.entrySet()) {
            tensors.put(e.getKey(), toNDArray(e.getValue()));
        }
        return new Contents(tensors, raw.metadata);
    }

    /**
     * Reads only the header's metadata; the header is still checked in full.
     *
     * @param file the file to read
     * @return the read-only metadata, empty when there is none
     * @throws SafeTensorsException if the file breaks the format, naming the file and the problem
     * @throws IOException if the file can't be read
     */
    public static Map<String, String> loadMetadata(Path file) throws IOException {
        return Collections.unmodifiableMap(SafeTensorsCodec.readMetadata(file));
    }

    /**
     * {@link #save(Path, Map, Map)} with no metadata ({@code safetensors.torch.save_file}).
     *
     * @param file the file to write; replaced atomically if it exists
     * @param tensors the tensors by name, written in the map's iteration order
     * @throws IllegalArgumentException if a tensor is null or a name is invalid
     * @throws IOException if the file can't be written
     */
    public static void save(Path file, Map<String, NDArray> tensors) throws IOException {
        save(file, tensors, Map.of());
    }

    /**
     * Writes the tensors in the map's iteration order, any strides accepted (they are written in row-major order), with
     * string metadata ({@code safetensors.torch.save_file(tensors, file, metadata)}). The file is written through a
     * temporary file and renamed into place, so an interrupted save leaves no broken file.
     *
     * @param file the file to write; replaced atomically if it exists
     * @param tensors the tensors by name
     * @param metadata string metadata, null or empty for none
     * @throws IllegalArgumentException if a tensor is null, or a name or metadata entry is invalid
     * @throws IOException if the file can't be written
     */
    public static void save(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
        SafeTensorsCodec.write(file, raw(tensors), metadata);
    }

    /**
     * Encodes tensors and metadata as safetensors bytes in memory, the bytes {@link #save(Path, Map, Map)}
     * would write. Python's {@code safetensors.torch.save(tensors, metadata)}.
     *
     * @param tensors the tensors in the order to write them, any strides accepted
     * @param metadata string metadata, or null or empty for none
     * @return the encoding
     * @throws IllegalArgumentException if a tensor is null, a name is invalid, or metadata holds a null
     */
    public static byte[] toBytes(Map<String, NDArray> tensors, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            save(out, tensors, metadata);
        } catch (IOException e) {
            throw new AssertionError("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes tensors and metadata as safetensors to a stream, which is left open; see
     * {@link #toBytes}.
     *
     * @param out where the bytes go
     * @param tensors the tensors in the order to write them, any strides accepted
     * @param metadata string metadata, or null or empty for none
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException if a tensor is null, a name is invalid, or metadata holds a null
     */
    public static void save(OutputStream out, Map<String, NDArray> tensors, Map<String, String> metadata)
            throws IOException {
        SafeTensorsCodec.write(out, raw(tensors), metadata);
    }

    private static Map<String, RawTensor> raw(Map<String, NDArray> tensors) {
        Map<String, RawTensor> raw = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' is null");
            }
            raw.put(e.getKey(), toRaw(e.getValue()));
        }
        return raw;
    }

    private static NDArray toNDArray(RawTensor t) {
        return switch (t.dtype) {
            case FLOAT32 -> NDArray.wrap((float[]) t.data, t.shape);
            case FLOAT64 -> NDArray.wrap((double[]) t.data, t.shape);
            case INT64 -> NDArray.wrap((long[]) t.data, t.shape);
            case INT32 -> NDArray.wrap((int[]) t.data, t.shape);
            case UINT8 -> NDArray.wrap((byte[]) t.data, t.shape);
            case BOOL -> NDArray.wrap((boolean[]) t.data, t.shape);
        };
    }

    private static RawTensor toRaw(NDArray t) {
        Object data = switch (t.dtype()) {
            case FLOAT32 -> t.toFloatArray();
            case FLOAT64 -> t.toDoubleArray();
            case INT64 -> t.toLongArray();
            case INT32 -> t.toIntArray();
            case UINT8 -> t.toByteArray();
            case BOOL -> t.toBooleanArray();
        };
        return new RawTensor(t.dtype(), t.shape().toArray(), data);
    }
}
