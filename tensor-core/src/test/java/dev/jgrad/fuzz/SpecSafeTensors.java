package dev.jgrad.fuzz;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent reader of safetensors files for the fuzz oracles, written from the format's
 * specification (and the Rust reference's checks) over {@link SpecJson}: what a file holds,
 * or a {@link SpecJson.Reject}. Limited to the dtypes jgrad has.
 */
public final class SpecSafeTensors {
    static final long MAX_HEADER = 100_000_000;
    private static final Map<String, Integer> ITEM_SIZE =
            Map.of("F32", 4, "F64", 8, "I64", 8, "I32", 4, "U8", 1, "BOOL", 1);
    private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");

    /** One tensor: the format's dtype name, its shape and its little-endian bytes. */
    public record Tensor(String dtype, int[] shape, byte[] data) {}

    /** A file's tensors in header order, and its metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    private SpecSafeTensors() {}

    /** What {@code file} holds, or a Reject. */
    public static Contents read(byte[] file) throws SpecJson.Reject {
        if (file.length < 8) {
            throw new SpecJson.Reject("short");
        }
        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 0 || n > MAX_HEADER || n > file.length - 8) {
            throw new SpecJson.Reject("header length");
        }
        Object root = SpecJson.parse(Arrays.copyOfRange(file, 8, 8 + (int) n));
        if (!(root instanceof Map)) {
            throw new SpecJson.Reject("not an object");
        }
        int dataStart = 8 + (int) n;
        long dataLength = file.length - dataStart;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) root).entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                if (!(e.getValue() instanceof Map)) {
                    throw new SpecJson.Reject("metadata");
                }
                for (Map.Entry<?, ?> m : ((Map<?, ?>) e.getValue()).entrySet()) {
                    if (!(m.getValue() instanceof String)) {
                        throw new SpecJson.Reject("metadata value");
                    }
                    metadata.put((String) m.getKey(), (String) m.getValue());
                }
                continue;
            }
            if (!(e.getValue() instanceof Map)
                    || !((Map<?, ?>) e.getValue()).keySet().equals(ENTRY_KEYS)) {
                throw new SpecJson.Reject("entry");
            }
            Map<?, ?> entry = (Map<?, ?>) e.getValue();
            Integer item = entry.get("dtype") instanceof String ? ITEM_SIZE.get((String) entry.get("dtype")) : null;
            long[] shape = naturals(entry.get("shape"));
            long[] offsets = naturals(entry.get("data_offsets"));
            if (item == null || offsets.length != 2 || offsets[0] > offsets[1] || offsets[1] > dataLength) {
                throw new SpecJson.Reject("dtype or offsets");
            }
            long numel = 1;
            for (long d : shape) {
                if (d > Integer.MAX_VALUE) {
                    throw new SpecJson.Reject("dim");
                }
                numel = Math.multiplyHigh(numel, d) != 0 || numel * d < 0 ? Long.MAX_VALUE / 16 : numel * d;
            }
            if (numel > Integer.MAX_VALUE || numel * item != offsets[1] - offsets[0]) {
                throw new SpecJson.Reject("size");
            }
            byte[] data = Arrays.copyOfRange(file, dataStart + (int) offsets[0], dataStart + (int) offsets[1]);
            if (entry.get("dtype").equals("BOOL")) {
                for (byte x : data) {
                    if (x != 0 && x != 1) {
                        throw new SpecJson.Reject("bool");
                    }
                }
            }
            int[] intShape = Arrays.stream(shape).mapToInt(d -> (int) d).toArray();
            tensors.put(name, new Tensor((String) entry.get("dtype"), intShape, data));
            ranges.add(offsets);
        }
        ranges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long covered = 0;
        for (long[] r : ranges) {
            if (r[0] != covered) {
                throw new SpecJson.Reject("hole or overlap");
            }
            covered = r[1];
        }
        if (covered != dataLength) {
            throw new SpecJson.Reject("trailing data");
        }
        return new Contents(tensors, metadata);
    }

    private static long[] naturals(Object v) throws SpecJson.Reject {
        if (!(v instanceof List)) {
            throw new SpecJson.Reject("not a list");
        }
        List<?> l = (List<?>) v;
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof SpecJson.Num) || !((SpecJson.Num) l.get(i)).isNatural()) {
                throw new SpecJson.Reject("not a natural");
            }
            out[i] = ((SpecJson.Num) l.get(i)).value();
        }
        return out;
    }

    /** What a seed file holds; a seed the oracle rejects is a broken test. */
    public static Contents readSeed(byte[] seed) {
        try {
            return read(seed);
        } catch (SpecJson.Reject e) {
            throw new AssertionError("the oracle rejects a seed: " + e.getMessage(), e);
        }
    }

    /** The bytes of a file holding {@code c}: for mutants rebuilt from edited contents. */
    public static byte[] write(Contents c) {
        StringBuilder h = new StringBuilder("{");
        if (!c.metadata().isEmpty()) {
            h.append("\"__metadata__\":{");
            c.metadata()
                    .forEach((k, v) -> h.append(h.charAt(h.length() - 1) == '{' ? "" : ",")
                            .append(quote(k))
                            .append(':')
                            .append(quote(v)));
            h.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            Tensor t = e.getValue();
            h.append(h.length() == 1 ? "" : ",")
                    .append(quote(e.getKey()))
                    .append(":{\"dtype\":\"")
                    .append(t.dtype())
                    .append("\",\"shape\":")
                    .append(Arrays.toString(t.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[")
                    .append(offset)
                    .append(',')
                    .append(offset + t.data().length)
                    .append("]}");
            offset += t.data().length;
        }
        byte[] header = h.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        c.tensors().values().forEach(t -> b.put(t.data()));
        return b.array();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    /** The format's dtype name of a jgrad dtype. */
    public static String formatName(DType d) {
        switch (d) {
            case FLOAT32:
                return "F32";
            case FLOAT64:
                return "F64";
            case INT64:
                return "I64";
            case INT32:
                return "I32";
            case UINT8:
                return "U8";
            case BOOL:
                return "BOOL";
            default:
                throw new AssertionError(d);
        }
    }

    /** A tensor's elements as little-endian bytes, as the format stores them. */
    public static byte[] bytes(NDArray t) {
        int n = t.numel();
        ByteBuffer b = ByteBuffer.allocate(n * t.dtype().itemSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32:
                for (float x : t.toFloatArray()) {
                    b.putInt(Float.floatToRawIntBits(x));
                }
                break;
            case FLOAT64:
                for (double x : t.toDoubleArray()) {
                    b.putLong(Double.doubleToRawLongBits(x));
                }
                break;
            case INT64:
                for (long x : t.toLongArray()) {
                    b.putLong(x);
                }
                break;
            case INT32:
                for (int x : t.toIntArray()) {
                    b.putInt(x);
                }
                break;
            case UINT8:
                b.put(t.toByteArray());
                break;
            case BOOL:
                for (boolean x : t.toBooleanArray()) {
                    b.put((byte) (x ? 1 : 0));
                }
                break;
            default:
                throw new AssertionError(t.dtype());
        }
        return b.array();
    }

    /** Whether a tensor holds what the oracle read: dtype, shape and bytes. */
    public static boolean same(Tensor expected, NDArray actual) {
        return expected.dtype().equals(formatName(actual.dtype()))
                && Arrays.equals(expected.shape(), actual.shape().toArray())
                && Arrays.equals(expected.data(), bytes(actual));
    }
}
