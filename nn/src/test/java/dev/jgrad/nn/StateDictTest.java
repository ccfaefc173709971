package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDictTest {
    @TempDir
    Path dir;

    private static Sequential mlp(long seed) {
        Generator g = new Generator(seed);
        return new Sequential(new Linear(4, 8, true, g), new ReLU(), new BatchNorm1d(8), new Linear(8, 3, true, g));
    }

    @Test
    void keysArePyTorchsForASequential() {
        assertEquals(
                List.of(
                        "0.weight",
                        "0.bias",
                        "2.weight",
                        "2.bias",
                        "2.running_mean",
                        "2.running_var",
                        "2.num_batches_tracked",
                        "3.weight",
                        "3.bias"),
                List.copyOf(mlp(0).stateDict().keySet()));
    }

    @Test
    void stateDictSharesMemoryButRecordsNoHistory() {
        Linear lin = new Linear(2, 2, true, new Generator(0));
        Tensor w = lin.stateDict().get("weight");
        assertFalse(w.requiresGrad());
        lin.weight.data().fill_(7);
        assertTrue(w.equal(Tensor.full(7.0, 2, 2)));
    }

    @Test
    void loadCopiesValuesIntoTheSameTensors() {
        Sequential a = mlp(1);
        Sequential b = mlp(2);
        Tensor bWeight = ((Linear) b.get(0)).weight;
        a.call(Tensor.rand(new Generator(5), 6, 4)); // moves a's running statistics
        IncompatibleKeys keys = b.loadStateDict(a.stateDict());
        assertEquals("<All keys matched successfully>", keys.toString());
        assertTrue(bWeight == ((Linear) b.get(0)).weight, "parameters keep their identity");
        a.stateDict().forEach((k, v) -> assertTrue(v.equal(b.stateDict().get(k)), k));
        assertTrue(bWeight.requiresGrad() && bWeight.isLeaf());
    }

    @Test
    void strictLoadNamesMissingUnexpectedAndMismatchedKeys() {
        Linear target = new Linear(3, 2);
        Map<String, Tensor> sd = stateDict("weight", Tensor.zeros(1, 3), "extra", Tensor.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(sd));
        assertEquals(
                "Error(s) in loading state_dict for Linear:\n"
                        + "\tMissing key(s) in state_dict: \"bias\". \n"
                        + "\tUnexpected key(s) in state_dict: \"extra\". \n"
                        + "\tsize mismatch for weight: copying a param with shape torch.Size([1, 3]) from checkpoint,"
                        + " the shape in current model is torch.Size([2, 3]).",
                e.getMessage());
    }

    @Test
    void failedLoadChangesNothing() {
        Linear target = new Linear(3, 2, true, new Generator(0));
        Tensor before = target.weight.clone();
        Map<String, Tensor> sd = stateDict("weight", Tensor.ones(2, 3), "bias", Tensor.ones(5));
        assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(sd));
        assertTrue(target.weight.equal(before));
    }

    @Test
    void nonStrictLoadReportsTheKeysButStillRejectsShapes() {
        Linear target = new Linear(3, 2);
        Map<String, Tensor> sd = stateDict("weight", Tensor.ones(2, 3), "other.weight", Tensor.ones(1));
        IncompatibleKeys keys = target.loadStateDict(sd, false);
        assertEquals(List.of("bias"), keys.missingKeys());
        assertEquals(List.of("other.weight"), keys.unexpectedKeys());
        assertEquals("_IncompatibleKeys(missing_keys=['bias'], unexpected_keys=['other.weight'])", keys.toString());
        assertTrue(target.weight.equal(Tensor.ones(2, 3)));
        sd.put("bias", Tensor.ones(3));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(sd, false));
        assertTrue(e.getMessage().contains("size mismatch for bias: copying a param with shape torch.Size([3])"));
    }

    @Test
    void fileRoundTripKeepsValuesDtypesAndMetadata() throws IOException {
        Sequential a = mlp(3);
        a.call(Tensor.rand(new Generator(6), 5, 4));
        Path file = dir.resolve("mlp.safetensors");
        a.save(file, Map.of("architecture", "mlp 4-8-3", "epochs", "12"));

        Sequential b = mlp(4);
        Map<String, String> metadata = b.load(file);
        assertEquals("mlp 4-8-3", metadata.get("architecture"));
        assertEquals("12", metadata.get("epochs"));
        Map<String, Tensor> sa = a.stateDict();
        Map<String, Tensor> sb = b.stateDict();
        for (String k : sa.keySet()) {
            assertTrue(sa.get(k).equal(sb.get(k)), k);
            assertEquals(sa.get(k).dtype(), sb.get(k).dtype(), k);
        }
        assertEquals(1, b.stateDict().get("2.num_batches_tracked").itemLong());
        Tensor x = Tensor.rand(new Generator(7), 3, 4);
        a.eval();
        b.eval();
        assertTrue(a.call(x).equal(b.call(x)));
        StateDictFile.Contents c = StateDictFile.load(file);
        assertEquals(List.copyOf(sa.keySet()), List.copyOf(c.tensors().keySet()));
    }

    @Test
    void aFileForAnotherArchitectureFailsWithTheKeys() throws IOException {
        Path file = dir.resolve("small.safetensors");
        new Linear(3, 2).save(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mlp(0).load(file));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Error(s) in loading state_dict for Sequential:\n\tMissing key(s) in state_dict: \"0.weight\""),
                e.getMessage());
    }

    @Test
    void truncatedFileFails() throws IOException {
        Path file = dir.resolve("model.safetensors");
        mlp(5).save(file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
        IOException e = assertThrows(IOException.class, () -> mlp(5).load(cut));
        assertTrue(e.getMessage().contains("cut.safetensors"), e.getMessage());
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, Arrays.copyOf(bytes, 5));
        assertThrows(IOException.class, () -> mlp(5).load(tiny));
    }

    @Test
    void corruptedHeaderFails() throws IOException {
        Path file = dir.resolve("model.safetensors");
        new Linear(2, 2).save(file);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength =
                ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        // Break the JSON: drop its closing brace.
        byte[] broken = bytes.clone();
        int close = 8 + header.lastIndexOf('}');
        broken[close] = ' ';
        Path bad = dir.resolve("bad.safetensors");
        Files.write(bad, broken);
        assertThrows(IOException.class, () -> new Linear(2, 2).load(bad));
        // A header length far beyond the file.
        byte[] huge = bytes.clone();
        ByteBuffer.wrap(huge, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        Path big = dir.resolve("big.safetensors");
        Files.write(big, huge);
        assertThrows(IOException.class, () -> new Linear(2, 2).load(big));
    }

    /**
     * reference.safetensors was written by the reference safetensors library in Python (see
     * tensor-core's make_reference.py, which builds it): keys as a PyTorch Sequential's state dict
     * names them, plus unrelated tensors.
     */
    @Test
    void aFileWrittenByPythonsSafetensorsLoadsIntoTheSameArchitecture() throws IOException {
        Path file = dir.resolve("reference.safetensors");
        try (var in = StateDictTest.class.getResourceAsStream("reference.safetensors")) {
            Files.copy(in, file);
        }
        StateDictFile.Contents c = StateDictFile.load(file);
        assertEquals("pt", c.metadata().get("format"));
        Sequential model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2, false));
        IncompatibleKeys keys = model.loadStateDict(c.tensors(), false);
        assertEquals(List.of(), keys.missingKeys());
        assertEquals(
                java.util.Set.of("steps", "counts", "pixels", "mask", "scale", "empty"),
                java.util.Set.copyOf(keys.unexpectedKeys()));
        float[] w = ((Linear) model.get(0)).weight.toFloatArray();
        for (int i = 0; i < 12; i++) {
            assertEquals(i * 0.5f - 1, w[i]);
        }
        assertEquals(
                "tensor([ 0.1000, -0.2000,  0.3000], requires_grad=True)", ((Linear) model.get(0)).bias.toString());
        // float64 in the file, cast to the float32 parameter as PyTorch's copy_ does
        assertEquals((float) (5 / 3.0), ((Linear) model.get(2)).weight.getDouble(1, 2), 0);
    }

    /** A mutable state dict of two entries, in order. */
    private static Map<String, Tensor> stateDict(String key1, Tensor value1, String key2, Tensor value2) {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put(key1, value1);
        sd.put(key2, value2);
        return sd;
    }
}
