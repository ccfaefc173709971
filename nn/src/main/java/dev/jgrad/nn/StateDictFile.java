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
    private StateDictFile() {}

    /**
     * A file's tensors, in the file's order, and its string metadata (empty when it has none).
     *
     * @param tensors the tensors by key, in the file's order; they don't require grad
     * @param metadata the header's {@code __metadata__} strings, empty when the file has none
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /**
     * Writes the tensors with string metadata, as {@code safetensors.torch.save_file}; an
     * interrupted save leaves no broken file behind (a temp file is renamed into place).
     *
     * @param stateDict the tensors by key, e.g. {@link Module#stateDict()}; their values are written,
     *     in the map's order, whatever their strides
     * @param file where to write; an existing file is replaced
     * @param metadata strings for the header's {@code __metadata__}, may be empty
     * @throws IOException if the file can't be written
     * @throws IllegalArgumentException if a key is null or {@code __metadata__}, a metadata key or value
     *     is null, or a string is not valid Unicode
     */
    public static void save(Map<String, Tensor> stateDict, Path file, Map<String, String> metadata) throws IOException {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        stateDict.forEach((k, v) -> arrays.put(k, v.data()));
        SafeTensors.save(file, arrays, metadata);
    }

    /**
     * Reads a safetensors file, as {@code safetensors.torch.load_file} plus its metadata.
     *
     * @param file a safetensors file, written by {@link #save} or by PyTorch
     * @return its tensors and metadata
     * @throws IOException if the file can't be read, or is malformed (the message names what is wrong)
     */
    public static Contents load(Path file) throws IOException {
        SafeTensors.Contents c = SafeTensors.load(file);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> tensors.put(k, Tensor.of(v)));
        return new Contents(tensors, c.metadata());
    }
}
