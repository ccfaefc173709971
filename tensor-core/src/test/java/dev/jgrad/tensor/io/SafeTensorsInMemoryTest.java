package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safetensors in memory: the same bytes as a file, and the same checks on the way back. */
class SafeTensorsInMemoryTest {
    @TempDir
    Path dir;

    private static Map<String, NDArray> sample() {
        Random rnd = new Random(5);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (DType d : DType.values()) {
            tensors.put("t_" + d.pyName(), SafeTensorsRoundTripTest.random(d, new int[] {3, 4}, rnd));
        }
        tensors.put(
                "view",
                SafeTensorsRoundTripTest.random(DType.FLOAT32, new int[] {4, 5}, rnd)
                        .transpose(0, 1));
        return tensors;
    }

    @Test
    void bytesAreTheFileBytesAndLoadBack() throws IOException {
        Map<String, NDArray> tensors = sample();
        Map<String, String> meta = Map.of("jgrad.model", "mlp");
        byte[] bytes = SafeTensors.toBytes(tensors, meta);
        Path f = dir.resolve("m.safetensors");
        SafeTensors.save(f, tensors, meta);
        assertArrayEquals(Files.readAllBytes(f), bytes);

        SafeTensors.Contents back = SafeTensors.load(bytes, "model bytes");
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.tensors().keySet()));
        assertEquals(meta, back.metadata());
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray got = back.get(e.getKey());
            assertArrayEquals(e.getValue().shape().toArray(), got.shape().toArray(), e.getKey());
            assertArrayEquals(
                    e.getValue().to(DType.FLOAT64).toDoubleArray(),
                    got.to(DType.FLOAT64).toDoubleArray(),
                    e.getKey());
        }
    }

    @Test
    void streamsRoundTripAndStayOpen() throws IOException {
        Map<String, NDArray> tensors = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SafeTensors.save(out, tensors, null);
        out.write(new byte[0]); // still open
        assertArrayEquals(SafeTensors.toBytes(tensors, Map.of()), out.toByteArray());
        SafeTensors.Contents back = SafeTensors.load(new ByteArrayInputStream(out.toByteArray()), "stream");
        assertEquals(tensors.keySet(), back.tensors().keySet());
        assertTrue(back.metadata().isEmpty());
    }

    @Test
    void badBytesFailWithTheFileReadersMessagesNamingTheSource() {
        byte[] good = SafeTensors.toBytes(sample(), Map.of());
        SafeTensorsException shortOne =
                assertThrows(SafeTensorsException.class, () -> SafeTensors.load(new byte[] {1, 2, 3}, "broadcast 7"));
        assertTrue(shortOne.getMessage().contains("broadcast 7"), shortOne.getMessage());
        assertTrue(shortOne.getMessage().contains("too short"), shortOne.getMessage());

        byte[] absurd = good.clone();
        ByteBuffer.wrap(absurd).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE);
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.load(absurd, "x"));
        assertTrue(e.getMessage().contains("absurd"), e.getMessage());

        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        SafeTensorsException t = assertThrows(SafeTensorsException.class, () -> SafeTensors.load(truncated, "cut"));
        assertTrue(t.getMessage().startsWith("cut"), t.getMessage());
    }
}
