package dev.jgrad.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileBuiltByteByByte() throws IOException {
        byte[] ubyte = {0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, (byte) 200, (byte) 255, 0};
        IdxData d = IdxFile.read(write("u.idx", ubyte));
        assertEquals(IdxType.UBYTE, d.type());
        assertArrayEquals(new int[] {2, 3}, d.dims());
        assertArrayEquals(new byte[] {1, 2, 3, (byte) 200, (byte) 255, 0}, d.bytes());

        // 1.5f = 0x3FC00000, -2f = 0xC0000000, big-endian.
        byte[] floats = {0, 0, 0x0D, 1, 0, 0, 0, 2, 0x3F, (byte) 0xC0, 0, 0, (byte) 0xC0, 0, 0, 0};
        assertArrayEquals(
                new float[] {1.5f, -2f}, IdxFile.read(write("f.idx", floats)).floats());

        byte[] shorts = {0, 0, 0x0B, 1, 0, 0, 0, 2, 0x01, 0x02, (byte) 0xFF, (byte) 0xFE};
        assertArrayEquals(
                new short[] {0x0102, -2}, IdxFile.read(write("s.idx", shorts)).shorts());

        byte[] scalar = {0, 0, 0x0C, 0, 0x12, 0x34, 0x56, 0x78};
        IdxData s = IdxFile.read(write("scalar.idx", scalar));
        assertEquals(0, s.rank());
        assertArrayEquals(new int[] {0x12345678}, s.ints());
    }

    @Test
    void roundTripsEveryTypeThroughRawAndGzipFiles() throws IOException {
        Random rnd = new Random(42);
        int[][] shapes = {{}, {0}, {1}, {7}, {3, 5}, {2, 0, 3}, {1, 1, 1}, {4, 3, 2, 5}, {5, 9, 9}};
        for (IdxType type : IdxType.values()) {
            for (int[] shape : shapes) {
                IdxData data = random(type, shape, rnd);
                for (String suffix : new String[] {"", ".gz"}) {
                    Path file = dir.resolve("t" + type + Arrays.toString(shape).hashCode() + suffix);
                    IdxFile.write(file, data);
                    IdxData back = IdxFile.read(file);
                    assertTrue(back.contentEquals(data), type + " " + Arrays.toString(shape) + suffix);
                }
            }
        }
    }

    @Test
    void roundTripsLargerThanOneChunkThroughStreams() throws IOException {
        // More than the reader's and writer's 1 MiB chunk, with an odd element count.
        IdxData data = random(IdxType.DOUBLE, new int[] {3, 50_001}, new Random(1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IdxFile.write(bytes, data);
        assertEquals(12 + 8L * 150_003, bytes.size());
        assertTrue(IdxFile.read(new ByteArrayInputStream(bytes.toByteArray()), "mem")
                .contentEquals(data));
        assertTrue(IdxFile.read(new ByteArrayInputStream(gzip(bytes.toByteArray())), "mem.gz")
                .contentEquals(data));
    }

    @Test
    void gzipIsDetectedByItsMagicNotItsName() throws IOException {
        IdxData data = random(IdxType.UBYTE, new int[] {4, 28, 28}, new Random(3));
        Path gzNamedRaw = dir.resolve("images.gz");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        IdxFile.write(raw, data);
        Files.write(gzNamedRaw, raw.toByteArray());
        Path rawNamedGz = dir.resolve("images-idx3-ubyte");
        Files.write(rawNamedGz, gzip(raw.toByteArray()));
        assertTrue(IdxFile.read(gzNamedRaw).contentEquals(data));
        assertTrue(IdxFile.read(rawNamedGz).contentEquals(data));
    }

    @Test
    void writeLeavesNoTemporaryFile() throws IOException {
        IdxFile.write(dir.resolve("a.gz"), random(IdxType.INT, new int[] {3}, new Random(0)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void badMagicNamesFileExpectationFindingAndOffset() throws IOException {
        Path f = write("bad", new byte[] {0x00, 0x01, 0x08, 0x01, 0, 0, 0, 0});
        IdxFormatException e = assertReadFails(
                f, 0, ": bad magic number at byte 0: expected 0x00 0x00 <type code> <rank>, found 0x00 0x01 0x08 0x01");
        assertEquals(f.toString(), e.file());

        Path zip = write("zipped", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(zip))
                .getMessage()
                .endsWith("found 0x50 0x4b 0x03 0x04 (a zip archive, not gzip: unzip it first)"));
    }

    /** Reading {@code f} fails with {@code f + suffix} as the message, at byte {@code offset}. */
    private static IdxFormatException assertReadFails(Path f, long offset, String suffix) {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFile.read(f));
        assertEquals(f + suffix, e.getMessage());
        assertEquals(offset, e.offset());
        return e;
    }

    @Test
    void unknownTypeCode() throws IOException {
        Path f = write("type", new byte[] {0, 0, 0x0A, 1, 0, 0, 0, 1, 5});
        assertReadFails(
                f,
                2,
                ": unknown element type code 0x0a at byte 2: expected one of 0x08 (unsigned byte), "
                        + "0x09 (signed byte), 0x0b (short), 0x0c (int), 0x0d (float), 0x0e (double)");
    }

    @Test
    void truncatedFile() throws IOException {
        // dims [2, 3] of int need 24 data bytes; only 10 are there.
        byte[] bytes = header(0x0C, 2, 3);
        Path f = write("trunc", concat(bytes, new byte[10]));
        assertReadFails(
                f,
                22,
                ": truncated file or wrong dims: dims [2, 3] of 0x0c (int) need 24 data bytes after the "
                        + "12-byte header, so the file should be 36 bytes long, but it ends at byte 22");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path empty = write("empty", new byte[0]);
        assertEquals(
                empty
                        + ": truncated header: expected a 4-byte magic number, found only 0 bytes (the file ends at byte 0)",
                assertThrows(IdxFormatException.class, () -> IdxFile.read(empty))
                        .getMessage());
        Path f = write("hdr", new byte[] {0, 0, 8, 3, 0, 0, 0, 9, 0, 0});
        assertReadFails(f, 10, ": truncated header: rank 3 needs a 16-byte header, but the file ends at byte 10");
    }

    @Test
    void dimsThatDisagreeWithTheFileLength() throws IOException {
        Path f = write("long", concat(header(0x08, 2, 2), new byte[7]));
        assertReadFails(
                f,
                16,
                ": dims disagree with the file length: dims [2, 2] of 0x08 (unsigned byte) need 4 data bytes "
                        + "after the 12-byte header, so the file should be 16 bytes long, but it is 19 bytes long "
                        + "(3 extra bytes from byte 16)");
    }

    @Test
    void dimsThatDisagreeWithAStreamOrGzipLength() throws IOException {
        byte[] longer = concat(header(0x08, 2, 2), new byte[5]);
        IdxFormatException e = assertThrows(
                IdxFormatException.class, () -> IdxFile.read(new ByteArrayInputStream(gzip(longer)), "x.gz"));
        assertEquals(
                "x.gz: dims disagree with the file length: dims [2, 2] say the data ends at byte 16, "
                        + "but the decompressed data goes on past it",
                e.getMessage());
        assertEquals(16, e.offset());

        byte[] shorter = concat(header(0x0D, 5), new byte[12]);
        e = assertThrows(IdxFormatException.class, () -> IdxFile.read(new ByteArrayInputStream(gzip(shorter)), "y.gz"));
        assertEquals(
                "y.gz: truncated data or wrong dims: dims [5] say the data runs to byte 28, "
                        + "but the decompressed data ends at byte 20",
                e.getMessage());
        assertEquals(20, e.offset());
    }

    @Test
    void gzipCutShort() throws IOException {
        IdxData data = random(IdxType.UBYTE, new int[] {100, 28, 28}, new Random(5));
        Path whole = dir.resolve("whole.gz");
        IdxFile.write(whole, data);
        byte[] gz = Files.readAllBytes(whole);
        Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFile.read(cut));
        assertTrue(
                e.getMessage()
                        .startsWith(cut + ": gzip data cut short: the compressed stream ends before its end "
                                + "marker, after "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes of IDX data (expected 78416)"), e.getMessage());
        assertTrue(e.offset() > 0 && e.offset() < 78416, "offset " + e.offset());

        // Cut inside the 8-byte trailer: the IDX data is whole, but the file is not.
        Path trailer = write("trailer.gz", Arrays.copyOf(gz, gz.length - 3));
        e = assertThrows(IdxFormatException.class, () -> IdxFile.read(trailer));
        assertTrue(e.getMessage().contains("gzip data cut short"), e.getMessage());
        assertEquals(78416, e.offset());

        Path header = write("header.gz", Arrays.copyOf(gz, 5));
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(header))
                .getMessage()
                .startsWith(header + ": gzip data cut short or corrupt in its 10-byte header"));
    }

    @Test
    void corruptGzipData() throws IOException {
        Path whole = dir.resolve("w.gz");
        IdxFile.write(whole, random(IdxType.FLOAT, new int[] {1000}, new Random(6)));
        byte[] gz = Files.readAllBytes(whole);
        gz[gz.length - 6] ^= 0x55; // inside the CRC32 of the trailer
        Path bad = write("crc.gz", gz);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFile.read(bad));
        assertTrue(
                e.getMessage().startsWith(bad + ": corrupt gzip data after 4008 bytes of IDX data: "), e.getMessage());
    }

    @Test
    void absurdDimsFailBeforeAllocating() throws IOException {
        // 2^31-1 elements claimed by a 12-byte file, raw and gzip: no attempt to allocate 2 GB.
        byte[] huge = header(0x08, 0x7FFF_FFF0);
        Path raw = write("huge", huge);
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(raw))
                .getMessage()
                .contains("truncated file or wrong dims: dims [2147483632] of 0x08 (unsigned byte) need 2147483632"));
        Path gz = write("huge.gz", gzip(huge));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFile.read(gz));
        assertTrue(
                e.getMessage()
                        .contains("dims disagree with the file length: dims [2147483632] of 0x08 (unsigned byte) "
                                + "need 2147483632 data bytes, more than a gzip file of"),
                e.getMessage());

        Path tooMany = write("many", header(0x0E, 0x10000, 0x10000));
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxFile.read(tooMany))
                .getMessage()
                .contains("dims [65536, 65536] hold more than 2147483639 elements"));
        Path unsigned = write("unsigned", header(0x08, -1));
        assertReadFails(unsigned, 4, ": dimension 0 is 4294967295 (at byte 4), more than one Java array can hold");
    }

    @Test
    void streamsOfUnknownLengthAreCheckedWhileReading() throws IOException {
        byte[] bytes = concat(header(0x09, 3, 2), new byte[] {-1, 2, -3});
        InputStream in = new ByteArrayInputStream(bytes);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFile.read(in, "stream"));
        assertEquals(
                "stream: truncated file or wrong dims: dims [3, 2] say the data runs to byte 18, "
                        + "but the file ends at byte 15",
                e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static byte[] header(int type, int... dims) {
        byte[] h = new byte[4 + 4 * dims.length];
        h[2] = (byte) type;
        h[3] = (byte) dims.length;
        for (int i = 0; i < dims.length; i++) {
            for (int k = 0; k < 4; k++) {
                h[4 + 4 * i + k] = (byte) (dims[i] >>> (24 - 8 * k));
            }
        }
        return h;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static IdxData random(IdxType type, int[] shape, Random rnd) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        switch (type) {
            case UBYTE: {
                byte[] b = new byte[n];
                rnd.nextBytes(b);
                return IdxData.ofUnsignedBytes(b, shape);
            }
            case BYTE: {
                byte[] b = new byte[n];
                rnd.nextBytes(b);
                return IdxData.ofBytes(b, shape);
            }
            case SHORT: {
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    s[i] = (short) rnd.nextInt();
                }
                return IdxData.ofShorts(s, shape);
            }
            case INT:
                return IdxData.ofInts(rnd.ints(n).toArray(), shape);
            case FLOAT: {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    // Raw bit patterns cover NaN payloads, infinities, subnormals and -0.
                    f[i] = Float.intBitsToFloat(rnd.nextInt());
                }
                return IdxData.ofFloats(f, shape);
            }
            case DOUBLE: {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = Double.longBitsToDouble(rnd.nextLong());
                }
                return IdxData.ofDoubles(d, shape);
            }
            default:
                throw new AssertionError(type);
        }
    }
}
