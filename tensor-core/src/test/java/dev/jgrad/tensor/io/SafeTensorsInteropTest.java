package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written by the reference safetensors library (0.8.0, numpy backend; see
 * make_reference.py next to it) loads with the values the script wrote, and jgrad writes it back
 * byte for byte.
 */
@Tag("scalar-path")
class SafeTensorsInteropTest {
    @TempDir
    Path dir;

    @Test
    void readsTheReferenceLibrarysFile() throws IOException {
        SafeTensors.Contents c = SafeTensors.load(reference());
        assertEquals(
                List.of("steps", "2.weight", "0.bias", "0.weight", "empty", "scale", "counts", "pixels", "mask"),
                List.copyOf(c.tensors().keySet()));
        assertEquals(Map.of("format", "pt", "model", "mlp", "sizes", "4,3,2"), c.metadata());

        float[] w = new float[12];
        for (int i = 0; i < 12; i++) {
            w[i] = i * 0.5f - 1f;
        }
        assertEquals(DType.FLOAT32, c.get("0.weight").dtype());
        assertArrayEquals(new int[] {3, 4}, c.get("0.weight").shape().toArray());
        assertArrayEquals(w, c.get("0.weight").toFloatArray());
        assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f}, c.get("0.bias").toFloatArray());
        double[] w2 = new double[6];
        for (int i = 0; i < 6; i++) {
            w2[i] = i / 3.0;
        }
        assertArrayEquals(w2, c.get("2.weight").toDoubleArray());
        assertArrayEquals(new long[] {-(1L << 40), 0, 1L << 62}, c.get("steps").toLongArray());
        assertEquals(DType.INT32, c.get("counts").dtype());
        assertArrayEquals(
                new int[] {1, -2, 3, Integer.MAX_VALUE}, c.get("counts").toIntArray());
        assertEquals(
                "tensor([  0,   7, 128, 255], dtype=uint8)", c.get("pixels").toString());
        assertArrayEquals(new boolean[] {true, false, true}, c.get("mask").toBooleanArray());
        assertEquals(0, c.get("scale").dim());
        assertEquals(2.5, c.get("scale").item());
        assertArrayEquals(new int[] {0, 5}, c.get("empty").shape().toArray());
    }

    @Test
    void writesTheSameBytesAsTheReferenceLibrary() throws IOException {
        SafeTensors.Contents c = SafeTensors.load(reference());
        Path out = dir.resolve("again.safetensors");
        SafeTensors.save(out, new LinkedHashMap<>(c.tensors()), c.metadata());
        assertArrayEquals(Files.readAllBytes(reference()), Files.readAllBytes(out));
    }

    @Test
    void stateDictStyleNamesRoundTrip() throws IOException {
        Map<String, NDArray> sd = new LinkedHashMap<>();
        sd.put("0.weight", NDArray.zeros(256, 784));
        sd.put("0.bias", NDArray.zeros(256));
        sd.put("2.weight", NDArray.ones(10, 256));
        sd.put("2.bias", NDArray.ones(10));
        Path f = dir.resolve("mlp.safetensors");
        SafeTensors.save(f, sd, Map.of("model", "mlp", "sizes", "784,256,10"));
        SafeTensors.Contents c = SafeTensors.load(f);
        assertEquals(List.copyOf(sd.keySet()), List.copyOf(c.tensors().keySet()));
        assertEquals(Map.of("model", "mlp", "sizes", "784,256,10"), SafeTensors.loadMetadata(f));
        assertEquals(8 + 8 * ((headerLength(sd) + 7) / 8) + 4L * (256 * 784 + 256 + 10 * 256 + 10), Files.size(f));
    }

    private static long headerLength(Map<String, NDArray> sd) {
        return ("{\"__metadata__\":{\"model\":\"mlp\",\"sizes\":\"784,256,10\"},"
                        + "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[256,784],\"data_offsets\":[0,802816]},"
                        + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[256],\"data_offsets\":[802816,803840]},"
                        + "\"2.weight\":{\"dtype\":\"F32\",\"shape\":[10,256],\"data_offsets\":[803840,814080]},"
                        + "\"2.bias\":{\"dtype\":\"F32\",\"shape\":[10],\"data_offsets\":[814080,814120]}}")
                .length();
    }

    private Path reference() throws IOException {
        Path f = dir.resolve("reference.safetensors");
        if (!Files.exists(f)) {
            try (InputStream in = SafeTensorsInteropTest.class.getResourceAsStream("reference.safetensors")) {
                Files.copy(in, f);
            }
        }
        return f;
    }
}
