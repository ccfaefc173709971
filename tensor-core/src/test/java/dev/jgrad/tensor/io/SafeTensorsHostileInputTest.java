package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec-valid but hostile headers (issue 13, cases 3 and 4). */
class SafeTensorsHostileInputTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void aSpacePaddedHeaderCostsAboutItsOwnSize() throws IOException {
        int padding = 16 << 20;
        Path f = file(
                " ".repeat(padding) + "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}}",
                new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, 0x40});
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        SafeTensors.Contents c = SafeTensors.load(f);
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        assertArrayEquals(new float[] {1, 2}, c.get("a").toFloatArray());
        // The header's own bytes once, plus a little: not several copies in other forms.
        assertTrue(allocated < padding + (padding >> 3), "a " + padding + "-byte header allocated " + allocated);
    }

    @Test
    void headerLengthIsCappedAtTheReferenceLimit() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_001L);
        Path f = dir.resolve("huge.safetensors");
        Files.write(f, b.array());
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.load(f));
        assertTrue(e.getMessage().contains("100000001") && e.getMessage().contains("100000000"), e.getMessage());
    }

    @Test
    void loneSurrogateEscapesAreRejectedAsTheReferenceDoes() throws IOException {
        for (String name : new String[] {"\\ud800", "a\\udc00", "\\ud800x", "\\ud800\\u0041", "\\udfff\\ud800"}) {
            Path f = file(
                    "{\"" + name + "\": {\"dtype\": \"U8\", \"shape\": [1], \"data_offsets\": [0, 1]}}",
                    new byte[] {7});
            SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.load(f), name);
            assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
        }
        // A proper pair is one character.
        Path ok = file(
                "{\"\\ud83d\\ude00\": {\"dtype\": \"U8\", \"shape\": [1], \"data_offsets\": [0, 1]}}", new byte[] {7});
        assertEquals(
                "\ud83d\ude00",
                SafeTensors.load(ok).tensors().keySet().iterator().next());
    }

    @Test
    void negativeZeroIsNotANaturalNumber() throws IOException {
        String[] entries = {
            "{\"dtype\": \"U8\", \"shape\": [-0], \"data_offsets\": [0, 0]}",
            "{\"dtype\": \"U8\", \"shape\": [1, -0], \"data_offsets\": [0, 0]}",
            "{\"dtype\": \"U8\", \"shape\": [0], \"data_offsets\": [-0, 0]}",
            "{\"dtype\": \"U8\", \"shape\": [0], \"data_offsets\": [0, -0]}",
            "{\"dtype\": \"U8\", \"shape\": [0], \"data_offsets\": [-0, -0]}",
        };
        for (String entry : entries) {
            Path f = file("{\"a\": " + entry + "}", new byte[0]);
            SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.load(f), entry);
            assertTrue(e.getMessage().contains("non-negative integers"), e.getMessage());
        }
    }

    private int count;

    private Path file(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path f = dir.resolve("f" + (count++) + ".safetensors");
        Files.write(f, Arrays.copyOf(b.array(), b.capacity()));
        return f;
    }
}
