package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.StateDictFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An optimizer's state dict, shaped as PyTorch's: {@code state} maps a parameter's index (counted
 * across the groups in order) to its named state tensors, and {@code paramGroups} holds each
 * group's options with {@code "params"} as the list of its indices.
 *
 * <p>{@link #save} writes it to a safetensors file: the tensors under {@code state.<index>.<name>},
 * the group options in the header's metadata, so a run can stop and resume exactly.
 *
 * @param state per parameter index, its state tensors by name ({@code momentum_buffer}, {@code step},
 *     {@code exp_avg}, …); parameters without state are absent
 * @param paramGroups per group, its options by name, with {@code "params"} the list of its parameter
 *     indices
 */
public record OptimizerStateDict(Map<Integer, Map<String, Tensor>> state, List<Map<String, Object>> paramGroups) {
    private static final String FORMAT_KEY = "jgrad.format";
    private static final String FORMAT = "optimizer";
    private static final String GROUPS_KEY = "param_groups";

    /**
     * Holds unmodifiable copies of both collections (the outer ones; the maps inside are kept as given).
     *
     * @param state per parameter index, its state tensors by name
     * @param paramGroups per group, its options by name, with {@code "params"} its parameter indices
     * @throws NullPointerException if a collection, key or value is null
     */
    public OptimizerStateDict {
        state = Map.copyOf(state);
        paramGroups = List.copyOf(paramGroups);
    }

    /**
     * Writes the state tensors and group options to a safetensors file: tensors under
     * {@code state.<index>.<name>}, options as Python-style strings in the metadata
     * ({@code param_groups.<group>.<option>}), with {@code jgrad.format=optimizer}.
     *
     * @param file where to write; an existing file is replaced
     * @throws IOException if the file can't be written
     */
    public void save(Path file) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        new TreeMap<>(state).forEach((id, s) -> s.forEach((k, v) -> tensors.put("state." + id + "." + k, v)));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT);
        metadata.put(GROUPS_KEY, Integer.toString(paramGroups.size()));
        for (int g = 0; g < paramGroups.size(); g++) {
            for (Map.Entry<String, Object> e : paramGroups.get(g).entrySet()) {
                metadata.put(GROUPS_KEY + "." + g + "." + e.getKey(), Options.repr(e.getValue()));
            }
        }
        StateDictFile.save(tensors, file, metadata);
    }

    /**
     * Reads a file written by {@link #save}.
     *
     * @param file an optimizer state file
     * @return its state dict, ready for {@link Optimizer#loadStateDict}
     * @throws IOException if the file can't be read, is malformed, is not an optimizer state file, or
     *     names a group or tensor that doesn't fit the format
     * @throws IllegalArgumentException if a group count, index or option value in the metadata can't
     *     be parsed
     */
    public static OptimizerStateDict load(Path file) throws IOException {
        StateDictFile.Contents c = StateDictFile.load(file);
        Map<String, String> meta = c.metadata();
        if (!FORMAT.equals(meta.get(FORMAT_KEY)) || !meta.containsKey(GROUPS_KEY)) {
            throw new IOException(file + " is not an optimizer state file (its metadata lacks "
                    + FORMAT_KEY + "=" + FORMAT + ")");
        }
        int groupCount = Integer.parseInt(meta.get(GROUPS_KEY));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            groups.add(new LinkedHashMap<>());
        }
        String prefix = GROUPS_KEY + ".";
        for (Map.Entry<String, String> e : meta.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith(prefix)) {
                continue;
            }
            int dot = k.indexOf('.', prefix.length());
            int g = Integer.parseInt(k.substring(prefix.length(), dot));
            if (g < 0 || g >= groupCount) {
                throw new IOException(file + ": option " + k + " names a group beyond the " + groupCount + " groups");
            }
            groups.get(g).put(k.substring(dot + 1), Options.parse(e.getValue()));
        }
        Map<Integer, Map<String, Tensor>> state = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            String[] parts = e.getKey().split("\\.", 3);
            if (parts.length != 3 || !parts[0].equals("state")) {
                throw new IOException(file + ": unexpected tensor " + e.getKey() + " in an optimizer state file");
            }
            state.computeIfAbsent(Integer.valueOf(parts[1]), x -> new LinkedHashMap<>()).put(parts[2], e.getValue());
        }
        return new OptimizerStateDict(state, groups);
    }
}
