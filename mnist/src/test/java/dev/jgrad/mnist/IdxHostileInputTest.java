package dev.jgrad.mnist;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers that claim far more data than a stream holds: a failing read allocates no more than
 * the bytes actually present plus 1 MiB (the read chunk), measured with the per-thread
 * allocation counter.
 */
class IdxHostileInputTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** The read chunk, plus the stream buffers and the exception's own objects. */
    private static final long SLACK = (1 << 20) + (256 << 10);

    @TempDir
    Path dir;

    @Test
    void streamApiReadsInBoundedChunks() {
        // The 8-byte stream of the audit: ubyte, rank 1, 2^31 - 9 elements, no data.
        byte[] header = {0x00, 0x00, 0x08, 0x01, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf7};
        long allocated = allocatedBy(() -> IdxFile.read(new ByteArrayInputStream(header), "claims-2g.idx"));
        assertTrue(allocated < SLACK, "reading an 8-byte stream allocated " + allocated + " bytes");

        // 100,000,000 floats claimed, 1000 bytes present.
        ByteBuffer small =
                ByteBuffer.allocate(8 + 1000).put(new byte[] {0, 0, 0x0D, 1}).putInt(100_000_000);
        long wide = allocatedBy(() -> IdxFile.read(new ByteArrayInputStream(small.array()), "claims-400m.idx"));
        assertTrue(wide < 1000 + SLACK, "reading a 1008-byte stream allocated " + wide + " bytes");
    }

    @Test
    void gzipClaimingAThousandTimesItsSizeAllocatesOnlyWhatArrives() throws IOException {
        // 64 KB of incompressible data behind a header that claims 60 MB: within deflate's
        // 1032:1 ratio of the .gz file's size, so only reading can find the lie.
        byte[] data = new byte[64 << 10];
        new Random(13).nextBytes(data);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(new byte[] {0, 0, 0x08, 1});
        raw.write(ByteBuffer.allocate(4).putInt(60_000_000).array());
        raw.write(data);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(raw.toByteArray());
        }
        Path file = dir.resolve("claims-60m.idx.gz");
        Files.write(file, gz.toByteArray());
        long viaPath = allocatedBy(() -> IdxFile.read(file));
        assertTrue(
                viaPath < data.length + SLACK, "reading a " + gz.size() + "-byte .gz allocated " + viaPath + " bytes");
        long viaStream = allocatedBy(() -> IdxFile.read(new ByteArrayInputStream(gz.toByteArray()), "claims-60m.gz"));
        assertTrue(
                viaStream < data.length + SLACK,
                "reading a " + gz.size() + "-byte gzip stream allocated " + viaStream + " bytes");
    }

    /**
     * Bytes this thread allocated while {@code read} failed with an IdxFormatException, the second
     * time: the first loads classes (more of them on the module path), which is not the reader's cost.
     */
    private static long allocatedBy(Executable read) {
        assertThrows(IdxFormatException.class, read);
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        IdxFormatException e = assertThrows(IdxFormatException.class, read);
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        return allocated;
    }
}
