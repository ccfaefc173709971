package dev.jgrad.tensor.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a part:
 * the bytes go to a hidden temporary file in the same directory, which is flushed to disk and
 * then renamed over the target. Every file jgrad writes goes through here: models, optimizer
 * state, IDX files, {@code --json} results and downloads.
 *
 * <p>The temporary file of {@code dir/name} is always {@code dir/.name.<16 hex digits>.tmp},
 * and its writer holds an exclusive lock on it until the rename. A writer killed mid-write leaves
 * its temporary file behind, unlocked; the next write to the same target removes such files,
 * and never one whose writer is still running (in this JVM or another process).
 *
 * <p>Errors name the target, never the temporary file: {@code cannot write out/model.safetensors:
 * No space left on device}.
 */
public final class AtomicFiles {
    private static final int BUFFER = 1 << 16;
    private static final String SUFFIX = ".tmp";
    /** This JVM's temporary files in progress: never opened by a cleaner, whose close would drop their lock. */
    private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();

    /** Produces a file's bytes; throwing aborts the write and leaves the target untouched. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the file's bytes.
         *
         * @param out the stream to the temporary file (buffered); leave it open ({@code write} flushes it and
         *     closes the file)
         * @throws IOException if writing fails, which aborts the write
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code target} through a temporary file; on any failure the temporary file is
     * removed and the target left as it was. Stale temporary files of earlier, killed writes to
     * the same target are removed first.
     *
     * @param target the file to write or replace
     * @param body what writes the bytes
     * @throws IOException if writing, flushing or renaming fails (naming the target and the reason), or
     *     {@code body} throws it
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        checkWritable(target);
        removeStaleTemps(dir, name);
        Path temp = null;
        boolean done = false;
        try (Locked locked = createTemp(target, dir, name)) {
            temp = locked.path;
            OutputStream out =
                    new BufferedOutputStream(new NamedErrors(Channels.newOutputStream(locked.channel), target), BUFFER);
            body.writeTo(out);
            out.flush();
            try {
                locked.channel.force(true);
                // Renamed while still locked, so that no cleaner can take the file between the two.
                move(temp, absolute);
            } catch (IOException e) {
                throw failure(target, e);
            }
            done = true;
        } finally {
            if (temp != null) {
                OWN.remove(temp);
                if (!done) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /**
     * Fails unless {@code target} could be written: its folder exists and is a folder, and the
     * target is not a folder. For checking before long work (training) whose result goes there.
     *
     * @param target the file to be written later
     * @throws IOException naming the target and what is wrong
     */
    public static void checkWritable(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a folder");
        }
        if (!Files.exists(dir)) {
            throw new IOException("cannot write " + target + ": folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": " + dir + " is a file, not a folder");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("cannot write " + target + ": folder " + dir + " is not writable");
        }
    }

    /** The pattern of {@code name}'s temporary files. */
    static Pattern tempPattern(String name) {
        return Pattern.compile(Pattern.quote("." + name + ".") + "[0-9a-f]{16}" + Pattern.quote(SUFFIX));
    }

    /** A temporary file, open and exclusively locked. */
    private static final class Locked implements AutoCloseable {
        final Path path;
        final FileChannel channel;

        Locked(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            channel.close(); // releases the lock
        }
    }

    /** A new empty file next to the target, locked; default permissions, unlike createTempFile's 0600. */
    private static Locked createTemp(Path target, Path dir, String name) throws IOException {
        while (true) {
            long random = ThreadLocalRandom.current().nextLong();
            Path temp = dir.resolve(String.format("." + name + ".%016x" + SUFFIX, random));
            FileChannel channel;
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue; // a 64-bit random name clashed; draw another
            } catch (IOException e) {
                throw failure(target, e);
            }
            OWN.add(temp);
            try {
                channel.lock();
                // A cleaner may have locked and deleted the file between its creation and our lock.
                if (Files.exists(temp)) {
                    return new Locked(temp, channel);
                }
            } catch (IOException e) {
                OWN.remove(temp);
                channel.close();
                Files.deleteIfExists(temp);
                throw failure(target, e);
            }
            OWN.remove(temp);
            channel.close();
        }
    }

    /** Removes the target's temporary files that no running writer holds; best effort, errors ignored. */
    private static void removeStaleTemps(Path dir, String name) {
        Pattern pattern = tempPattern(name);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                dir, p -> pattern.matcher(p.getFileName().toString()).matches())) {
            for (Path temp : entries) {
                if (!OWN.contains(temp)) {
                    removeIfUnlocked(temp);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers are untidy, not wrong: the write itself goes on.
        }
    }

    private static void removeIfUnlocked(Path temp) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // held in this JVM
            }
            if (lock != null) {
                // Deleted while locked: a writer that created it waits on the lock, then sees it gone.
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // Gone already, or not ours to remove.
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An I/O failure of the write, as one line naming the target (not the temporary file). */
    private static IOException failure(Path target, IOException e) {
        if (e instanceof TargetException) {
            return e;
        }
        String reason = e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
                ? ((FileSystemException) e).getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new TargetException("cannot write " + target + ": " + reason, e);
    }

    /** A failure already named after the target. */
    private static final class TargetException extends IOException {
        private static final long serialVersionUID = 1L;

        TargetException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The temporary file's stream: its I/O errors name the target, so a body's own errors stay apart. */
    private static final class NamedErrors extends FilterOutputStream {
        private final Path target;

        NamedErrors(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(target, e);
            }
        }
    }
}
