package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.io.SafeTensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * State dicts in safetensors files, the format PyTorch users share weights in: what
 * {@code safetensors.torch.save_file(model.state_dict(), path, metadata)} writes, jgrad reads, and
 * the other way round. The parsing and the atomic write are tensor-core's {@link SafeTensors}.
 */
public final class StateDictFile {
    private StateDictFile() {
    }

    /** A file's tensors, in the file's order, and its string metadata (empty when it has none). */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** Writes the tensors with string metadata; an interrupted save leaves no broken file behind. */
    public static void save(Map<String, Tensor> stateDict, Path file, Map<String, String> metadata) throws IOException {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        stateDict.forEach((k, v) -> arrays.put(k, v.data()));
        SafeTensors.save(file, arrays, metadata);
    }

    /** Reads a safetensors file; malformed input fails with an error naming what is wrong. */
    public static Contents load(Path file) throws IOException {
        SafeTensors.Contents c = SafeTensors.load(file);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> tensors.put(k, Tensor.of(v)));
        return new Contents(tensors, c.metadata());
    }
}
