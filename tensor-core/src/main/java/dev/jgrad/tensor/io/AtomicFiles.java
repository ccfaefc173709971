package dev.jgrad.tensor.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a part:
 * the bytes go to a hidden temporary file in the same directory, which is flushed to disk and
 * then renamed over the target.
 */
public final class AtomicFiles {
    private static final int BUFFER = 1 << 16;

    /** Produces a file's bytes; throwing aborts the write and leaves the target untouched. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the file's contents.
         *
         * @param out the stream to the temporary file; leave it open ({@code write} flushes it and closes the file)
         * @throws IOException if writing fails, which aborts the write
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through a temporary file in the same directory, flushed to disk and renamed over the
     * target; on any failure the temporary file is removed and the target left as it was.
     *
     * @param target the file to write or replace
     * @param body what writes the bytes
     * @throws IOException if writing, flushing or renaming fails, or {@code body} throws it
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = createTemp(dir, absolute.getFileName().toString());
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A new empty file next to the target; created with the default permissions, unlike createTempFile's 0600. */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // A 64-bit random name clashed; draw another.
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
