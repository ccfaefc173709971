package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files: one pattern per target, stale ones removed, a running writer's never. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private static void write(Path target, String text) throws IOException {
        AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> temps(String name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> AtomicFiles.tempPattern(name).matcher(n).matches())
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void staleTempsOfTheSameTargetAreRemovedOnTheNextWriteAndNothingElse() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(dir.resolve(".model.safetensors.0123456789abcdef.tmp"), "killed writer");
        Files.writeString(dir.resolve(".model.safetensors.notours.tmp"), "kept");
        Files.writeString(dir.resolve(".other.safetensors.0123456789abcdef.tmp"), "kept");
        write(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(), temps("model.safetensors"));
        assertTrue(Files.exists(dir.resolve(".model.safetensors.notours.tmp")));
        assertTrue(Files.exists(dir.resolve(".other.safetensors.0123456789abcdef.tmp")));
    }

    @Test
    void aWriterInAnotherProcessKeepsItsTempUntilKilledThenTheNextWriteRemovesIt() throws Exception {
        Path target = dir.resolve("run.json");
        Path ready = dir.resolve("ready");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AtomicFilesChild.class.getName(),
                        target.toString(),
                        ready.toString(),
                        dir.resolve("go").toString())
                .redirectErrorStream(true)
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready)) {
                assertTrue(child.isAlive() && System.nanoTime() < deadline, "the child writer did not start");
                Thread.sleep(10);
            }
            List<String> childTemp = temps("run.json");
            assertEquals(1, childTemp.size(), childTemp.toString());
            write(target, "parent");
            assertEquals("parent", Files.readString(target));
            assertEquals(childTemp, temps("run.json"), "the running writer's temp file was kept");
        } finally {
            child.destroyForcibly().waitFor();
        }
        write(target, "after the kill");
        assertEquals("after the kill", Files.readString(target));
        assertEquals(List.of(), temps("run.json"), "the killed writer's temp file was removed");
    }

    @Test
    void aWriterInThisJvmKeepsItsTempAndItsRenameStillLands() throws Exception {
        Path target = dir.resolve("out.bin");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread slow = new Thread(() -> {
            try {
                AtomicFiles.write(target, out -> {
                    out.write('s');
                    writing.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        slow.start();
        writing.await();
        write(target, "fast");
        assertEquals(1, temps("out.bin").size(), "the slow writer's temp file was kept");
        go.countDown();
        slow.join();
        assertEquals(null, failure.get());
        assertEquals("s", Files.readString(target), "the last rename wins");
        assertEquals(List.of(), temps("out.bin"));
    }

    @Test
    void errorsNameTheTargetAndLeaveNothingBehind() throws IOException {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        Path under = file.resolve("model.safetensors");
        IOException e = assertThrows(IOException.class, () -> write(under, "y"));
        assertEquals("cannot write " + under + ": " + file + " is a file, not a folder", e.getMessage());
        IOException folder = assertThrows(IOException.class, () -> write(dir, "y"));
        assertEquals("cannot write " + dir + ": it is a folder", folder.getMessage());
        Path missing = dir.resolve("no/such/out.json");
        IOException m = assertThrows(IOException.class, () -> write(missing, "y"));
        assertEquals("cannot write " + missing + ": folder " + missing.getParent() + " does not exist", m.getMessage());

        Path target = dir.resolve("kept.txt");
        write(target, "old");
        IOException body = assertThrows(
                IOException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(1);
                    throw new IOException("the body's own failure");
                }));
        assertEquals("the body's own failure", body.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(), temps("kept.txt"));
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
