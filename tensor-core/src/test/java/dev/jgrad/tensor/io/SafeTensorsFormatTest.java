package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** safetensors at the byte level: files built from the specification, and every way a file can be broken. */
@Tag("scalar-path")
class SafeTensorsFormatTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileBuiltByteByByteFromTheSpecification() throws IOException {
        // Header order differs from data order, and the JSON carries whitespace and trailing padding.
        String header = "{\"__metadata__\": {\"format\": \"pt\", \"note\": \"caf\\u00e9\"},\n"
                + " \"b\": {\"dtype\": \"I64\", \"shape\": [2], \"data_offsets\": [8, 24]},\n"
                + " \"a\": {\"dtype\": \"F32\", \"shape\": [1, 2], \"data_offsets\": [0, 8]},\n"
                + " \"m\": {\"dtype\": \"BOOL\", \"shape\": [3], \"data_offsets\": [24, 27]},\n"
                + " \"e\": {\"dtype\": \"U8\", \"shape\": [0, 4], \"data_offsets\": [27, 27]},\n"
                + " \"i\": {\"dtype\": \"I32\", \"shape\": [1], \"data_offsets\": [35, 39]},\n"
                + " \"u\": {\"dtype\": \"U8\", \"shape\": [2], \"data_offsets\": [39, 41]},\n"
                + " \"s\": {\"dtype\": \"F64\", \"shape\": [], \"data_offsets\": [27, 35]}}    ";
        byte[] data = {
            0x00,
            0x00,
            (byte) 0x80,
            0x3F,
            0x00,
            0x00,
            0x20,
            (byte) 0xC0, // a: 1.0f, -2.5f
            0x01,
            0,
            0,
            0,
            0,
            0,
            0,
            0, // b: 1L
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF, //    -1L
            1,
            0,
            1, // m: true, false, true
            0,
            0,
            0,
            0,
            0,
            0,
            (byte) 0xF8,
            0x3F, // s: 1.5
            0x00,
            0x01,
            0x00,
            (byte) 0x80, // i: 0x80000100
            (byte) 0xFF,
            7 // u: 255, 7
        };
        SafeTensors.Contents c = SafeTensors.load(file(header, data));
        assertEquals(
                List.of("b", "a", "m", "e", "i", "u", "s"),
                List.copyOf(c.tensors().keySet()));
        assertEquals(Map.of("format", "pt", "note", "café"), c.metadata());
        assertEquals("tensor([[ 1.0000, -2.5000]])", c.get("a").toString());
        assertEquals("tensor([ 1, -1])", c.get("b").toString());
        assertEquals("tensor([ True, False,  True])", c.get("m").toString());
        assertEquals("tensor([], size=(0, 4), dtype=uint8)", c.get("e").toString());
        assertEquals("tensor([-2147483392], dtype=int32)", c.get("i").toString());
        assertEquals("tensor([255,   7], dtype=uint8)", c.get("u").toString());
        assertEquals("tensor(1.5000, dtype=float64)", c.get("s").toString());
        assertEquals(DType.FLOAT64, c.get("s").dtype());
        assertEquals(0, c.get("s").dim());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> c.get("z"));
        assertEquals("no tensor named 'z' (the file holds [b, a, m, e, i, u, s])", missing.getMessage());
        assertEquals(Map.of("format", "pt", "note", "café"), SafeTensors.loadMetadata(dir.resolve("f0.safetensors")));
    }

    @Test
    void writesWhatTheSpecificationSays() throws IOException {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("w", NDArray.tensor(new int[] {1, -2}));
        tensors.put("x", NDArray.wrap(new byte[] {(byte) 200}, 1, 1));
        Path f = dir.resolve("out.safetensors");
        SafeTensors.save(f, tensors, Map.of("arch", "mlp"));
        byte[] bytes = Files.readAllBytes(f);
        String json =
                "{\"__metadata__\":{\"arch\":\"mlp\"},\"w\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"x\":{\"dtype\":\"U8\",\"shape\":[1,1],\"data_offsets\":[8,9]}}";
        int padded = (json.length() + 7) / 8 * 8;
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(padded, bb.getLong(0));
        assertEquals(json + " ".repeat(padded - json.length()), new String(bytes, 8, padded, StandardCharsets.UTF_8));
        assertArrayEquals(
                new byte[] {1, 0, 0, 0, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 200},
                Arrays.copyOfRange(bytes, 8 + padded, bytes.length));
    }

    @Test
    void noMetadataMeansNoMetadataKey() throws IOException {
        Path f = dir.resolve("plain.safetensors");
        SafeTensors.save(f, Map.of("a", NDArray.tensor(new float[] {1f})));
        byte[] bytes = Files.readAllBytes(f);
        int n = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        String header = new String(bytes, 8, n, StandardCharsets.UTF_8).trim();
        assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", header);
        assertEquals(Map.of(), SafeTensors.load(f).metadata());
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("m.safetensors");
        Files.writeString(f, "old");
        SafeTensors.save(f, Map.of("a", NDArray.tensor(new float[] {3f})), null);
        assertArrayEquals(new float[] {3f}, SafeTensors.load(f).get("a").toFloatArray());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        // A failing write (a name the format reserves) leaves the old file and no temporary one.
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SafeTensors.save(f, Map.of("__metadata__", NDArray.tensor(new float[] {4f}))));
        assertEquals("invalid tensor name '__metadata__'", e.getMessage());
        assertArrayEquals(new float[] {3f}, SafeTensors.load(f).get("a").toFloatArray());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void tooShortOrAbsurdHeaderLength() throws IOException {
        Path tiny = write("tiny", new byte[5]);
        fails(tiny, "file is 5 bytes, too short for the 8-byte header length");
        fails(write("empty", new byte[0]), "file is 0 bytes, too short for the 8-byte header length");

        byte[] bytes = new byte[20];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 13);
        fails(
                write("past", bytes),
                "header length 13 runs past the end of the file (the file is 20 bytes, "
                        + "so at most 12 are left for the header)");

        Arrays.fill(bytes, 0, 8, (byte) 0xFF);
        fails(
                write("absurd", bytes),
                "header length 18446744073709551615 is absurd (more than 100000000 bytes): "
                        + "not a safetensors file, or a corrupt one");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        fails(
                write("big", bytes),
                "header length 1099511627776 is absurd (more than 100000000 bytes): "
                        + "not a safetensors file, or a corrupt one");
    }

    @Test
    void truncatedFile() throws IOException {
        Path f = dir.resolve("whole.safetensors");
        SafeTensors.save(f, Map.of("a", NDArray.tensor(new double[] {1, 2, 3})));
        byte[] whole = Files.readAllBytes(f);
        fails(
                write("cut-data", Arrays.copyOf(whole, whole.length - 5)),
                "tensor 'a': data_offsets [0, 24] run past the end of the 19-byte data buffer");
        fails(
                write("cut-header", Arrays.copyOf(whole, 30)),
                "header length " + (whole.length - 32) + " runs past the end of the file (the file is 30 bytes, "
                        + "so at most 22 are left for the header)");
    }

    @Test
    void badJson() throws IOException {
        fails(
                file("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4],}}", new byte[4]),
                "bad JSON in the header: unexpected '}', expected a string key at byte 60");
        fails(file("[]", new byte[0]), "the header must be a JSON object, found an array");
        fails(file("", new byte[0]), "bad JSON in the header: unexpected end of JSON, expected a value at byte 0");
        fails(file("{} {}", new byte[0]), "bad JSON in the header: unexpected '{' after the JSON value at byte 3");
        fails(file("{\"a\":1,\"a\":1}", new byte[0]), "bad JSON in the header: duplicate key \"a\" at byte 7");
        fails(
                file("{\"a\": {\"dtype\": \"F32\"", new byte[0]),
                "bad JSON in the header: unexpected end of JSON, expected ',' or '}' at byte 21");
        fails(
                file("{\"x\":" + "[".repeat(70) + "]".repeat(70) + "}", new byte[0]),
                "bad JSON in the header: JSON nested deeper than 64 levels at byte 68");
        byte[] latin1 = "{\"caf\u00e9\":1}".getBytes(StandardCharsets.ISO_8859_1);
        fails(
                file(latin1, new byte[0]),
                "bad JSON in the header: invalid UTF-8: byte 0x22 at byte 6 does not continue a character at byte 5");
    }

    @Test
    void badEntries() throws IOException {
        fails(
                entry("\"a\": 3", 0),
                "tensor 'a': expected an object with dtype, shape and data_offsets, found the number 3");
        fails(entry("\"a\": {\"dtype\": \"F32\", \"shape\": [1]}", 4), "tensor 'a': missing \"data_offsets\"");
        fails(
                entry("\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4], \"x\": 1}", 4),
                "tensor 'a': unexpected key \"x\" (expected dtype, shape and data_offsets)");
        fails(
                entry("\"a\": {\"dtype\": \"F17\", \"shape\": [1], \"data_offsets\": [0, 4]}", 4),
                "tensor 'a': unknown dtype \"F17\" (expected one of BOOL, U8, I32, I64, F32, F64)");
        fails(
                entry("\"a\": {\"dtype\": \"BF16\", \"shape\": [2], \"data_offsets\": [0, 4]}", 4),
                "tensor 'a': dtype BF16 is not supported by jgrad (it reads BOOL, U8, I32, I64, F32, F64)");
        fails(
                entry("\"a\": {\"dtype\": 32, \"shape\": [1], \"data_offsets\": [0, 4]}", 4),
                "tensor 'a': dtype must be a string, found the number 32");
        fails(
                entry("\"a\": {\"dtype\": \"F32\", \"shape\": [2, -1], \"data_offsets\": [0, 4]}", 4),
                "tensor 'a': shape must be an array of non-negative integers, found [2, -1]");
        fails(
                entry("\"a\": {\"dtype\": \"F32\", \"shape\": [1.0], \"data_offsets\": [0, 4]}", 4),
                "tensor 'a': shape must be an array of non-negative integers, found [1.0]");
        fails(
                entry("\"a\": {\"dtype\": \"F32\", \"shape\": \"1\", \"data_offsets\": [0, 4]}", 4),
                "tensor 'a': shape must be an array of non-negative integers, found the string \"1\"");
        fails(
                entry("\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 0]}", 4),
                "tensor 'a': data_offsets must be [begin, end] with begin <= end, found [4, 0]");
        fails(
                entry("\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4, 8]}", 8),
                "tensor 'a': data_offsets must be [begin, end] with begin <= end, found [0, 4, 8]");
        fails(
                entry("\"a\": {\"dtype\": \"F32\", \"shape\": [2, 3], \"data_offsets\": [0, 20]}", 20),
                "tensor 'a': shape [2, 3] of F32 needs 24 bytes, but data_offsets [0, 20] span 20");
        fails(
                entry("\"a\": {\"dtype\": \"U8\", \"shape\": [4294967296], \"data_offsets\": [0, 4]}", 4),
                "tensor 'a': dimension 0 of shape [4294967296] is larger than jgrad's limit of 2147483647");
        fails(
                entry(
                        "\"a\": {\"dtype\": \"F64\", \"shape\": [2147483647, 2147483647, 2147483647], "
                                + "\"data_offsets\": [0, 8]}",
                        8),
                "tensor 'a': shape [2147483647, 2147483647, 2147483647] of F64 "
                        + "needs more than 2^59 bytes, but data_offsets [0, 8] span 8");
    }

    @Test
    void offsetsMustTileTheDataBufferExactly() throws IOException {
        String a = "\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}";
        fails(
                entry(a + ", \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}", 12),
                "tensors 'a' (data_offsets [0, 8]) and 'b' ([4, 12]) overlap");
        fails(
                entry(a + ", \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}", 8),
                "tensors 'a' (data_offsets [0, 8]) and 'b' ([0, 8]) overlap");
        fails(
                entry(a + ", \"b\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [12, 16]}", 16),
                "bytes [8, 12) of the data buffer belong to no tensor: the tensors must cover it exactly");
        fails(entry(a, 10), "bytes [8, 10) of the data buffer belong to no tensor: the tensors must cover it exactly");
        fails(
                entry(a + ", \"b\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [8, 12]}", 10),
                "tensor 'b': data_offsets [8, 12] run past the end of the 10-byte data buffer");
        fails(
                entry("\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}", 8),
                "bytes [0, 4) of the data buffer belong to no tensor: the tensors must cover it exactly");
    }

    @Test
    void metadataMustBeStrings() throws IOException {
        fails(
                file("{\"__metadata__\": {\"epoch\": 3}}", new byte[0]),
                "__metadata__ must hold only strings, but \"epoch\" is the number 3");
        fails(
                file("{\"__metadata__\": {\"x\": null}}", new byte[0]),
                "__metadata__ must hold only strings, but \"x\" is null");
        fails(
                file("{\"__metadata__\": [\"a\"]}", new byte[0]),
                "__metadata__ must be an object of strings, found an array");
    }

    @Test
    void boolBytesMustBeZeroOrOne() throws IOException {
        fails(
                entry("\"m\": {\"dtype\": \"BOOL\", \"shape\": [2], \"data_offsets\": [0, 2]}", new byte[] {1, 2}),
                "tensor 'm': BOOL element 1 is byte 2, expected 0 or 1");
    }

    private Path entry(String entries, int dataBytes) throws IOException {
        return file("{" + entries + "}", new byte[dataBytes]);
    }

    private Path entry(String entries, byte[] data) throws IOException {
        return file("{" + entries + "}", data);
    }

    private Path file(String header, byte[] data) throws IOException {
        return file(header.getBytes(StandardCharsets.UTF_8), data);
    }

    private int count;

    private Path file(byte[] header, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length)
                .array());
        out.write(header);
        out.write(data);
        return write("f" + (count++) + ".safetensors", out.toByteArray());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static void fails(Path f, String message) {
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.load(f));
        assertEquals(f + ": " + message, e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()));
    }
}
