package dev.jgrad.fuzz;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file that holds each mutant in turn, for readers that take a path. Rewritten in place and
 * cut to length: replacing a file's contents by truncating it to 0 makes ext4 flush it to disk
 * (auto_da_alloc), about 4 ms a mutant instead of a few microseconds.
 */
public final class MutantFile implements Closeable {
    private final Path path;
    private final FileChannel channel;

    /**
     * Creates (or reuses) the file.
     *
     * @param path where the mutants go
     * @throws IOException if it can't be opened
     */
    public MutantFile(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** Makes the file hold exactly {@code bytes}; returns its path. */
    public Path write(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long at = 0;
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
        channel.truncate(bytes.length);
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
