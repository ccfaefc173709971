package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.StateDictFile;
import dev.jgrad.tensor.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An optimizer's state dict, shaped as PyTorch's: {@code state} maps a parameter's index (counted
 * across the groups in order) to its named state tensors, and {@code paramGroups} holds each
 * group's options with {@code "params"} as the list of its indices. {@code optimizer} names the
 * optimizer that made it ({@code "SGD"}, {@code "Adam"}, ...), or is null when unknown.
 *
 * <p>{@link #save} writes it to a safetensors file: the tensors under {@code state.<index>.<name>},
 * the group options in the header's metadata, so a run can stop and resume exactly.
 * {@link #load} checks everything in such a file against what its optimizer expects.
 *
 * @param state per parameter index, its state tensors by name ({@code momentum_buffer}, {@code step},
 *     {@code exp_avg}, …); parameters without state are absent
 * @param paramGroups per group, its options by name, with {@code "params"} the list of its parameter
 *     indices
 * @param optimizer the name of the optimizer that made it ({@code "SGD"}, {@code "Adam"}, {@code "AdamW"}),
 *     or null when unknown
 */
public record OptimizerStateDict(
        Map<Integer, Map<String, Tensor>> state, List<Map<String, Object>> paramGroups, String optimizer) {
    private static final String FORMAT_KEY = "jgrad.format";
    private static final String FORMAT = "optimizer";
    private static final String OPTIMIZER_KEY = "jgrad.optimizer";
    private static final String GROUPS_KEY = "param_groups";
    private static final Pattern GROUP_OPTION = Pattern.compile("param_groups\\.(0|[1-9][0-9]{0,8})\\.([^.]+)");
    private static final Pattern STATE_TENSOR = Pattern.compile("state\\.(0|[1-9][0-9]{0,8})\\.([^.]+)");
    /** Every optimizer whose files can be read; a new optimizer adds its schema here. */
    private static final List<OptimizerSchema> KNOWN =
            List.of(SGD.SCHEMA, Adam.SCHEMA, AdamW.SCHEMA, RMSprop.SCHEMA, Adagrad.SCHEMA);

    /**
     * Holds unmodifiable copies of both collections (the outer ones; the maps inside are kept as given).
     *
     * @param state per parameter index, its state tensors by name
     * @param paramGroups per group, its options by name, with {@code "params"} its parameter indices
     * @param optimizer the optimizer's name, or null
     * @throws NullPointerException if a collection, key or value is null
     */
    public OptimizerStateDict {
        state = Map.copyOf(state);
        paramGroups = List.copyOf(paramGroups);
    }

    /**
     * A state dict of an optimizer not named.
     *
     * @param state per parameter index, its state tensors by name
     * @param paramGroups per group, its options by name, with {@code "params"} its parameter indices
     * @throws NullPointerException if a collection, key or value is null
     */
    public OptimizerStateDict(Map<Integer, Map<String, Tensor>> state, List<Map<String, Object>> paramGroups) {
        this(state, paramGroups, null);
    }

    /**
     * Writes the state tensors and group options to a safetensors file, atomically: tensors under
     * {@code state.<index>.<name>}, options as Python-style strings in the metadata
     * ({@code param_groups.<group>.<option>}), with {@code jgrad.format=optimizer} and the
     * optimizer's name under {@code jgrad.optimizer}.
     *
     * @param file where to write; an existing file is replaced
     * @throws IOException if the file can't be written
     */
    public void save(Path file) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        new TreeMap<>(state).forEach((id, s) -> s.forEach((k, v) -> tensors.put("state." + id + "." + k, v)));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT);
        if (optimizer != null) {
            metadata.put(OPTIMIZER_KEY, optimizer);
        }
        metadata.put(GROUPS_KEY, Integer.toString(paramGroups.size()));
        for (int g = 0; g < paramGroups.size(); g++) {
            for (Map.Entry<String, Object> e : paramGroups.get(g).entrySet()) {
                metadata.put(GROUPS_KEY + "." + g + "." + e.getKey(), Options.repr(e.getValue()));
            }
        }
        StateDictFile.save(tensors, file, metadata);
    }

    /**
     * Reads a file written by {@link #save}, checking all of it against what its optimizer
     * expects (the one named in the file; for a file that names none, the one whose options the
     * groups hold): the group count and keys, every option's type and range, the {@code params}
     * lists (each index once, 0 to n-1 in all), and the state tensors' names, dtypes and shapes.
     *
     * @param file an optimizer state file
     * @return its state dict, ready for {@link Optimizer#loadStateDict}, its options as the optimizer reads them
     * @throws OptimizerStateException if the content is not what the optimizer expects (the
     *                                 message names the file, the key and the expectation)
     * @throws IOException             if the file can't be read or is not a valid safetensors file
     */
    public static OptimizerStateDict load(Path file) throws IOException {
        String name = file.toString();
        StateDictFile.Contents c = StateDictFile.load(file);
        try {
            return check(c.metadata(), c.tensors());
        } catch (OptimizerSchema.Invalid e) {
            throw new OptimizerStateException(name, e);
        }
    }

    private static OptimizerStateDict check(Map<String, String> meta, Map<String, Tensor> tensors) {
        if (!FORMAT.equals(meta.get(FORMAT_KEY))) {
            String found = meta.containsKey(FORMAT_KEY) ? "\"" + meta.get(FORMAT_KEY) + "\"" : "no such key";
            throw new OptimizerSchema.Invalid(
                    FORMAT_KEY, "expected \"" + FORMAT + "\" (an optimizer state file), found " + found);
        }
        List<Map<String, Object>> raw = rawGroups(meta);
        OptimizerSchema schema = schema(meta.get(OPTIMIZER_KEY), raw);
        List<Map<String, Object>> groups = new ArrayList<>();
        BitSet seen = new BitSet();
        int params = 0;
        for (int g = 0; g < raw.size(); g++) {
            String prefix = GROUPS_KEY + "." + g;
            Map<String, Object> options = new LinkedHashMap<>(raw.get(g));
            List<Integer> ids = params(prefix + ".params", options.remove("params"), seen);
            params += ids.size();
            Map<String, Object> group = schema.checkGroup(prefix, options);
            group.put("params", ids);
            groups.add(group);
        }
        if (seen.cardinality() != params || seen.length() != params) {
            throw new OptimizerSchema.Invalid(
                    GROUPS_KEY,
                    "expected the groups' params to number the " + params + " parameters 0 to " + (params - 1)
                            + ", found " + seen);
        }
        return new OptimizerStateDict(state(tensors, schema, params), groups, schema.name);
    }

    /** The groups' options as parsed, before any schema: count and keys checked. */
    private static List<Map<String, Object>> rawGroups(Map<String, String> meta) {
        String countText = meta.get(GROUPS_KEY);
        // Each group holds at least its params key, so the metadata bounds the count.
        int count = -1;
        if (countText != null && countText.matches("[1-9][0-9]{0,8}")) {
            count = Integer.parseInt(countText);
        }
        if (count < 1 || count > meta.size()) {
            throw new OptimizerSchema.Invalid(
                    GROUPS_KEY,
                    "expected the number of groups, from 1 to the "
                            + Math.max(0, meta.size() - 2) + " group options in the file, found "
                            + (countText == null ? "no such key" : "\"" + countText + "\""));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            groups.add(new LinkedHashMap<>());
        }
        for (Map.Entry<String, String> e : meta.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith(GROUPS_KEY + ".")) {
                continue;
            }
            Matcher m = GROUP_OPTION.matcher(k);
            if (!m.matches()) {
                throw new OptimizerSchema.Invalid(k, "expected a key param_groups.<group>.<option>");
            }
            int g = Integer.parseInt(m.group(1));
            if (g >= count) {
                throw new OptimizerSchema.Invalid(
                        k,
                        "expected a group from 0 to " + (count - 1) + " (param_groups is " + count + "), found group "
                                + g);
            }
            try {
                groups.get(g).put(m.group(2), Options.parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new OptimizerSchema.Invalid(k, bad.getMessage());
            }
        }
        return groups;
    }

    /** The file's optimizer, or for a file that names none, the one whose options group 0 holds. */
    private static OptimizerSchema schema(String name, List<Map<String, Object>> groups) {
        List<String> names = new ArrayList<>();
        for (OptimizerSchema s : KNOWN) {
            names.add(s.name);
            if (name != null ? s.name.equals(name) : s.hasOptions(groups.get(0).keySet())) {
                return s;
            }
        }
        if (name != null) {
            throw new OptimizerSchema.Invalid(OPTIMIZER_KEY, "expected one of " + names + ", found \"" + name + "\"");
        }
        throw new OptimizerSchema.Invalid(
                GROUPS_KEY + ".0",
                "expected the options of one of " + names + ", found "
                        + groups.get(0).keySet());
    }

    private static List<Integer> params(String key, Object value, BitSet seen) {
        if (value == null) {
            throw new OptimizerSchema.Invalid(key, "missing (every group lists its parameters' indices)");
        }
        if (!(value instanceof List)) {
            throw new OptimizerSchema.Invalid(
                    key, "expected a list of parameter indices, found " + Options.repr(value));
        }
        List<Integer> ids = new ArrayList<>();
        for (Object x : (List<?>) value) {
            if (!(x instanceof Long) || (Long) x < 0 || (Long) x > Integer.MAX_VALUE - 1) {
                throw new OptimizerSchema.Invalid(
                        key, "expected a list of parameter indices (integers >= 0), found " + Options.repr(value));
            }
            int id = (int) (long) (Long) x;
            if (seen.get(id)) {
                throw new OptimizerSchema.Invalid(key, "expected each parameter index once, found " + id + " again");
            }
            seen.set(id);
            ids.add(id);
        }
        return ids;
    }

    private static Map<Integer, Map<String, Tensor>> state(
            Map<String, Tensor> tensors, OptimizerSchema schema, int params) {
        Map<Integer, Map<String, Tensor>> state = new TreeMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Matcher m = STATE_TENSOR.matcher(e.getKey());
            if (!m.matches()) {
                throw new OptimizerSchema.Invalid(e.getKey(), "expected a tensor named state.<parameter>.<name>");
            }
            int id = Integer.parseInt(m.group(1));
            if (id >= params) {
                throw new OptimizerSchema.Invalid(
                        e.getKey(), "expected a parameter index from 0 to " + (params - 1) + ", found " + id);
            }
            state.computeIfAbsent(id, x -> new LinkedHashMap<>()).put(m.group(2), e.getValue());
        }
        for (Map.Entry<Integer, Map<String, Tensor>> e : state.entrySet()) {
            schema.checkState("state." + e.getKey(), arrays(e.getValue()), null);
        }
        return state;
    }

    static Map<String, NDArray> arrays(Map<String, Tensor> tensors) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(k, v.data()));
        return out;
    }
}
