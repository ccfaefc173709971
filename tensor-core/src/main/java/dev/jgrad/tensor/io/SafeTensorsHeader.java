package dev.jgrad.tensor.io;

import dev.jgrad.tensor.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a safetensors file, read and checked against the file before any tensor data is
 * touched: every tensor's dtype, shape and byte range agree, and the ranges tile the data buffer
 * exactly, with no overlap and no hole.
 */
final class SafeTensorsHeader {
    static final String METADATA_KEY = "__metadata__";
    private static final long SATURATED = 1L << 59;
    /** The format's dtype names, one per jgrad dtype. */
    private static final Map<DType, String> FORMAT_NAMES = new EnumMap<>(Map.of(
            DType.FLOAT32, "F32",
            DType.FLOAT64, "F64",
            DType.INT64, "I64",
            DType.INT32, "I32",
            DType.UINT8, "U8",
            DType.BOOL, "BOOL"));

    private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");
    /** Types the format defines that jgrad has no dtype for. */
    private static final Set<String> OTHER_FORMAT_DTYPES = Set.of(
            "F16", "BF16", "I8", "I16", "U16", "U32", "U64", "F8_E4M3", "F8_E5M2", "F8_E8M0", "F6_E2M3", "F6_E3M2",
            "F4", "C64");

    /** One tensor's entry; begin and end are offsets into the data buffer. */
    record Entry(String name, DType dtype, int[] shape, int numel, long begin, long end) {}

    final List<Entry> entries;
    final Map<String, String> metadata;
    /** File position of the data buffer's first byte. */
    final long dataStart;

    private SafeTensorsHeader(List<Entry> entries, Map<String, String> metadata, long dataStart) {
        this.entries = entries;
        this.metadata = metadata;
        this.dataStart = dataStart;
    }

    static SafeTensorsHeader read(FileChannel ch, String file) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw new SafeTensorsException(file, "file is " + size + " bytes, too short for the 8-byte header length");
        }
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, len, 0, file);
        long n = len.getLong(0);
        // Json.MAX_BYTES is the Rust reference's MAX_HEADER_SIZE: a longer header is corrupt, not big.
        if (Long.compareUnsigned(n, Json.MAX_BYTES) > 0) {
            throw new SafeTensorsException(
                    file,
                    "header length " + Long.toUnsignedString(n) + " is absurd (more than " + Json.MAX_BYTES
                            + " bytes): not a safetensors file, or a corrupt one");
        }
        if (n > size - 8) {
            throw new SafeTensorsException(
                    file,
                    "header length " + n + " runs past the end of the file (the file is " + size + " bytes, so at most "
                            + (size - 8) + " are left for the header)");
        }
        // The JSON is parsed from the file's bytes as they are: no decoded or String copy of a big header.
        ByteBuffer header = ByteBuffer.allocate((int) n);
        readFully(ch, header, 8, file);
        Object root;
        try {
            root = Json.parse(header.array(), 0, (int) n);
        } catch (Json.ParseException e) {
            throw new SafeTensorsException(file, "bad JSON in the header: " + e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new SafeTensorsException(file, "the header must be a JSON object, found " + kind(root));
        }
        return check((Map<?, ?>) root, 8 + n, size - 8 - n, file);
    }

    private static SafeTensorsHeader check(Map<?, ?> root, long dataStart, long dataLength, String file)
            throws SafeTensorsException {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : root.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA_KEY)) {
                metadata = metadata(e.getValue(), file);
            } else {
                entries.add(entry(name, e.getValue(), file));
            }
        }
        checkCoverage(entries, dataLength, file);
        return new SafeTensorsHeader(entries, metadata, dataStart);
    }

    private static Map<String, String> metadata(Object value, String file) throws SafeTensorsException {
        if (!(value instanceof Map)) {
            throw new SafeTensorsException(file, METADATA_KEY + " must be an object of strings, found " + kind(value));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw new SafeTensorsException(
                        file,
                        METADATA_KEY + " must hold only strings, but \"" + e.getKey() + "\" is " + kind(e.getValue()));
            }
            out.put((String) e.getKey(), (String) e.getValue());
        }
        return out;
    }

    private static Entry entry(String name, Object value, String file) throws SafeTensorsException {
        String where = "tensor '" + name + "': ";
        if (!(value instanceof Map)) {
            throw new SafeTensorsException(
                    file, where + "expected an object with dtype, shape and data_offsets, found " + kind(value));
        }
        Map<?, ?> m = (Map<?, ?>) value;
        for (Object key : m.keySet()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw new SafeTensorsException(
                        file, where + "unexpected key \"" + key + "\" (expected dtype, shape and data_offsets)");
            }
        }
        for (String key : List.of("dtype", "shape", "data_offsets")) {
            if (!m.containsKey(key)) {
                throw new SafeTensorsException(file, where + "missing \"" + key + "\"");
            }
        }
        DType dtype = dtype(m.get("dtype"), where, file);
        long[] shape = naturals(m.get("shape"), where + "shape", file);
        long[] offsets = naturals(m.get("data_offsets"), where + "data_offsets", file);
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw new SafeTensorsException(
                    file,
                    where + "data_offsets must be [begin, end] with begin <= end, found " + Arrays.toString(offsets));
        }
        int[] intShape = new int[shape.length];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > Integer.MAX_VALUE) {
                throw new SafeTensorsException(
                        file,
                        where + "dimension " + i + " of shape " + Arrays.toString(shape)
                                + " is larger than jgrad's limit of " + Integer.MAX_VALUE);
            }
            intShape[i] = (int) shape[i];
            // Saturate, so that numel * itemSize cannot overflow: such a tensor fails below anyway.
            numel = shape[i] != 0 && numel > SATURATED / shape[i] ? SATURATED : numel * shape[i];
        }
        long span = offsets[1] - offsets[0];
        if (numel * dtype.itemSize() != span) {
            throw new SafeTensorsException(
                    file,
                    where + "shape " + Arrays.toString(shape) + " of " + formatName(dtype)
                            + " needs " + (numel == SATURATED ? "more than 2^59" : numel * dtype.itemSize())
                            + " bytes, but data_offsets " + Arrays.toString(offsets) + " span " + span);
        }
        if (numel > Integer.MAX_VALUE) {
            throw new SafeTensorsException(
                    file,
                    where + "shape " + Arrays.toString(shape) + " holds " + numel
                            + " elements, more than jgrad's limit of " + Integer.MAX_VALUE);
        }
        return new Entry(name, dtype, intShape, (int) numel, offsets[0], offsets[1]);
    }

    /** Sorted by position, the tensors must tile [0, dataLength) exactly: the format forbids holes and overlaps. */
    private static void checkCoverage(List<Entry> entries, long dataLength, String file) throws SafeTensorsException {
        for (Entry e : entries) {
            if (e.end() > dataLength) {
                throw new SafeTensorsException(
                        file,
                        "tensor '" + e.name() + "': data_offsets [" + e.begin() + ", " + e.end()
                                + "] run past the end of the " + dataLength + "-byte data buffer");
            }
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.begin() < covered) {
                throw new SafeTensorsException(
                        file,
                        "tensors '" + previous.name() + "' (data_offsets [" + previous.begin() + ", " + previous.end()
                                + "]) and '" + e.name() + "' ([" + e.begin() + ", " + e.end() + "]) overlap");
            }
            if (e.begin() > covered) {
                throw new SafeTensorsException(
                        file,
                        "bytes [" + covered + ", " + e.begin()
                                + ") of the data buffer belong to no tensor: the tensors must cover it exactly");
            }
            covered = e.end();
            if (e.end() > e.begin()) {
                previous = e;
            }
        }
        if (covered != dataLength) {
            throw new SafeTensorsException(
                    file,
                    "bytes [" + covered + ", " + dataLength
                            + ") of the data buffer belong to no tensor: the tensors must cover it exactly");
        }
    }

    private static DType dtype(Object v, String where, String file) throws SafeTensorsException {
        if (!(v instanceof String)) {
            throw new SafeTensorsException(file, where + "dtype must be a string, found " + kind(v));
        }
        String s = (String) v;
        for (DType d : DType.values()) {
            if (formatName(d).equals(s)) {
                return d;
            }
        }
        if (OTHER_FORMAT_DTYPES.contains(s)) {
            throw new SafeTensorsException(
                    file, where + "dtype " + s + " is not supported by jgrad (it reads " + supported() + ")");
        }
        throw new SafeTensorsException(
                file, where + "unknown dtype \"" + s + "\" (expected one of " + supported() + ")");
    }

    private static long[] naturals(Object v, String what, String file) throws SafeTensorsException {
        if (!(v instanceof List)) {
            throw new SafeTensorsException(file, what + " must be an array of non-negative integers, found " + kind(v));
        }
        List<?> list = (List<?>) v;
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = list.get(i);
            if (!(x instanceof Long) || (Long) x < 0) {
                throw new SafeTensorsException(
                        file, what + " must be an array of non-negative integers, found " + render(list));
            }
            out[i] = (Long) x;
        }
        return out;
    }

    /** The format's name for a dtype: F32, F64, I64, I32, U8, BOOL. */
    static String formatName(DType d) {
        return FORMAT_NAMES.get(d);
    }

    private static String supported() {
        StringBuilder sb = new StringBuilder();
        for (DType d : DType.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(formatName(d));
        }
        return sb.toString();
    }

    private static String kind(Object v) {
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String) {
            return "the string " + Json.quote((String) v);
        }
        if (v instanceof Number) {
            return "the number " + v;
        }
        return String.valueOf(v);
    }

    private static String render(List<?> list) {
        StringBuilder sb = new StringBuilder("[");
        for (Object x : list) {
            sb.append(sb.length() == 1 ? "" : ", ").append(x instanceof String ? Json.quote((String) x) : kindShort(x));
        }
        return sb.append(']').toString();
    }

    private static String kindShort(Object x) {
        return x instanceof Map ? "{...}" : x instanceof List ? "[...]" : String.valueOf(x);
    }

    static void readFully(FileChannel ch, ByteBuffer buf, long position, String file) throws IOException {
        long p = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                throw new SafeTensorsException(
                        file, "file ended at byte " + p + " while reading (it shrank while being read?)");
            }
            p += n;
        }
    }
}
