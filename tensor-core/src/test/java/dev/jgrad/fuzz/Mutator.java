package dev.jgrad.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Mutations of a file's bytes: bit flips, bytes set to extremes, truncation (at every header
 * offset, swept by {@link #cut}), header fields replaced by extreme values (0, -1, 2^31-1,
 * 2^63-1, and values whose products overflow), inserted, deleted and repeated ranges, trailing
 * bytes, and for text (JSON, option values) extreme numbers, deep nesting and lone surrogates.
 */
public final class Mutator {
    /** Extreme values for a numeric field; cut to the field's width. */
    private static final long[] EXTREMES = {
        0,
        1,
        -1,
        2,
        255,
        256,
        65_535,
        65_536,
        0x7fff_ffffL,
        0x8000_0000L,
        0xffff_ffffL,
        0x1_0000_0000L,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        46_341,
        3_037_000_500L,
        100_000_000,
        100_000_001
    };
    /** Extreme number texts for JSON or Python-repr fields. */
    private static final String[] TEXT_EXTREMES = {
        "0",
        "-0",
        "-1",
        "1",
        "2147483647",
        "2147483648",
        "4294967296",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551616",
        "1e400",
        "-1e400",
        "0.5",
        "1e-400",
        "1.0",
        "0e0",
        "00",
        "01",
        "-",
        "1.",
        ".5",
        "+1",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "True",
        "None",
        "\"\"",
        "99999999999",
        "[]",
        "()",
        "(0.9,)",
        "[[0]]",
        "{}",
        "null",
        "true"
    };

    /** A numeric field of a binary header. */
    public record Field(int offset, int width, boolean bigEndian) {}

    private final Random r;

    /**
     * A mutator drawing from the run's generator.
     *
     * @param random the generator
     */
    public Mutator(Random random) {
        this.r = random;
    }

    /** The first {@code length} bytes: a file cut short there. */
    public static byte[] cut(byte[] seed, int length) {
        return Arrays.copyOf(seed, Math.min(length, seed.length));
    }

    /** One to three binary mutations of {@code seed}, some of them aimed at {@code fields}. */
    public byte[] binary(byte[] seed, List<Field> fields) {
        byte[] b = seed.clone();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            b = binaryOnce(b, fields);
        }
        return b;
    }

    private byte[] binaryOnce(byte[] b, List<Field> fields) {
        int kind = r.nextInt(10);
        if (b.length == 0) {
            kind = 8;
        }
        switch (kind) {
            case 0:
            case 1: { // bit flips
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 2: { // a byte set to an extreme
                b[r.nextInt(b.length)] = (byte) new int[] {0, 0xff, 0x7f, 0x80, 0x01}[r.nextInt(5)];
                return b;
            }
            case 3:
            case 4: { // a header field set to an extreme value
                if (fields.isEmpty()) {
                    return binaryOnce(b, fields);
                }
                Field f = fields.get(r.nextInt(fields.size()));
                if (f.offset + f.width > b.length) {
                    return b;
                }
                long v = EXTREMES[r.nextInt(EXTREMES.length)];
                for (int i = 0; i < f.width; i++) {
                    int shift = 8 * (f.bigEndian ? f.width - 1 - i : i);
                    b[f.offset + i] = (byte) (v >>> shift);
                }
                return b;
            }
            case 5: // truncation anywhere
                return Arrays.copyOf(b, r.nextInt(b.length));
            case 6: { // a range deleted
                int from = r.nextInt(b.length);
                int len = 1 + r.nextInt(Math.min(16, b.length - from));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, from + len, out, from, b.length - from - len);
                return out;
            }
            case 7: { // a range repeated
                int from = r.nextInt(b.length);
                int len = 1 + r.nextInt(Math.min(16, b.length - from));
                return insert(b, from, Arrays.copyOfRange(b, from, from + len));
            }
            default: { // random bytes inserted or appended
                byte[] junk = new byte[1 + r.nextInt(8)];
                r.nextBytes(junk);
                return insert(b, r.nextBoolean() ? b.length : r.nextInt(b.length + 1), junk);
            }
        }
    }

    /** One to two text mutations: a number or token replaced by an extreme, nesting, surrogates, a flipped char. */
    public String text(String s) {
        String t = s;
        int n = 1 + r.nextInt(2);
        for (int k = 0; k < n; k++) {
            t = textOnce(t);
        }
        return t;
    }

    private String textOnce(String s) {
        int kind = r.nextInt(8);
        if (s.isEmpty()) {
            return TEXT_EXTREMES[r.nextInt(TEXT_EXTREMES.length)];
        }
        switch (kind) {
            case 0:
            case 1:
            case 2: { // a run of digits (or a token) replaced by an extreme
                int at = r.nextInt(s.length());
                int from = at;
                int to = at;
                while (from > 0 && isTokenChar(s.charAt(from - 1))) {
                    from--;
                }
                while (to < s.length() && isTokenChar(s.charAt(to))) {
                    to++;
                }
                return s.substring(0, from) + TEXT_EXTREMES[r.nextInt(TEXT_EXTREMES.length)] + s.substring(to);
            }
            case 3: { // deep nesting
                int depth = new int[] {2, 63, 64, 65, 1000, 20_000}[r.nextInt(6)];
                int at = r.nextInt(s.length() + 1);
                String open = r.nextBoolean() ? "[" : "{\"k\":";
                String close = open.equals("[") ? "]" : "}";
                return s.substring(0, at) + open.repeat(depth) + "0" + close.repeat(r.nextBoolean() ? depth : depth / 2)
                        + s.substring(at);
            }
            case 4: { // escapes: lone and paired surrogates, others
                String[] esc = {
                    "\\ud800",
                    "\\udc00",
                    "\\ud83d\\ude00",
                    "\\ud800\\u0041",
                    "\\u0000",
                    "\\x",
                    "\\",
                    "\\u12",
                    "\u00e9",
                    "\ud83d\ude00"
                };
                int at = r.nextInt(s.length() + 1);
                return s.substring(0, at) + esc[r.nextInt(esc.length)] + s.substring(at);
            }
            case 5: { // a character replaced by a structural one
                char[] c = s.toCharArray();
                c[r.nextInt(c.length)] = "{}[](),:\". -0".charAt(r.nextInt(13));
                return new String(c);
            }
            case 6: { // a range deleted
                int from = r.nextInt(s.length());
                int to = Math.min(s.length(), from + 1 + r.nextInt(12));
                return s.substring(0, from) + s.substring(to);
            }
            default: { // a range repeated (duplicate keys, longer lists)
                int from = r.nextInt(s.length());
                int to = Math.min(s.length(), from + 1 + r.nextInt(40));
                return s.substring(0, to) + s.substring(from, to) + s.substring(to);
            }
        }
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == '_';
    }

    /** {@code raw} compressed with gzip. */
    public static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mutations of a gzip stream: cut short, trailing bytes, or bytes of the compressed data changed. */
    public byte[] gzipStream(byte[] gz) {
        switch (r.nextInt(4)) {
            case 0:
                return Arrays.copyOf(gz, r.nextInt(gz.length));
            case 1: {
                byte[] junk = r.nextBoolean() ? gzip(new byte[] {1, 2, 3}) : new byte[1 + r.nextInt(40)];
                if (junk.length > 0 && junk[0] != 0x1f) {
                    r.nextBytes(junk);
                }
                return insert(gz, gz.length, junk);
            }
            default:
                return binary(gz, List.of(new Field(gz.length - 4, 4, false), new Field(gz.length - 8, 4, false)));
        }
    }

    /**
     * A mutant of a valid safetensors file, mostly rebuilt from edited contents so that the
     * edit reaches the reader behind the file format: a metadata value's or key's text mutated
     * (or a key's group index changed), a key removed, a tensor removed, renamed, reshaped or
     * retyped; one in five is a binary mutant of the file's bytes.
     */
    public byte[] safetensors(byte[] seed, SpecSafeTensors.Contents c) {
        int kind = r.nextInt(10);
        if (kind < 2 || c.metadata().isEmpty()) {
            return binary(seed, List.of(new Field(0, 8, false)));
        }
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        Map<String, SpecSafeTensors.Tensor> tensors = new LinkedHashMap<>(c.tensors());
        List<String> keys = new ArrayList<>(meta.keySet());
        String key = keys.get(r.nextInt(keys.size()));
        if (kind < 7) {
            meta.put(key, text(meta.get(key)));
        } else if (kind == 7) {
            String value = meta.remove(key);
            meta.put(
                    r.nextBoolean() ? text(key) : key.replaceFirst("\\.[0-9]+\\.", "." + r.nextInt(3) + "."),
                    r.nextBoolean() ? value : text(value));
        } else if (kind == 8 || tensors.isEmpty()) {
            meta.remove(key);
        } else {
            List<String> names = new ArrayList<>(tensors.keySet());
            String name = names.get(r.nextInt(names.size()));
            SpecSafeTensors.Tensor t = tensors.remove(name);
            switch (r.nextInt(4)) {
                case 0:
                    break; // removed
                case 1:
                    tensors.put(text(name), t);
                    break;
                case 2:
                    tensors.put(name, new SpecSafeTensors.Tensor(t.dtype(), new int[] {t.data().length / 4}, t.data()));
                    break;
                default:
                    tensors.put(
                            name,
                            new SpecSafeTensors.Tensor(
                                    r.nextBoolean() ? "I32" : "F64",
                                    r.nextBoolean() ? t.shape() : new int[] {t.data().length / 8},
                                    t.data()));
            }
        }
        return SpecSafeTensors.write(new SpecSafeTensors.Contents(tensors, meta));
    }

    /** The bytes of {@code s} in UTF-8. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
