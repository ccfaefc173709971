package dev.jgrad.tensor.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A writer in another process, for AtomicFilesTest: writes args[0] with the bytes "child", but
 * first creates args[1] and waits until args[2] exists (or forever, until killed).
 */
final class AtomicFilesChild {
    private AtomicFilesChild() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        Path go = Path.of(args[2]);
        AtomicFiles.write(target, out -> {
            out.write("child".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Files.createFile(ready);
            while (!Files.exists(go)) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
        });
    }
}
