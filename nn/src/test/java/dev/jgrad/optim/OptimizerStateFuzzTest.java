package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.fuzz.Fuzz;
import dev.jgrad.fuzz.MutantFile;
import dev.jgrad.fuzz.Mutator;
import dev.jgrad.fuzz.SpecJson;
import dev.jgrad.fuzz.SpecSafeTensors;
import dev.jgrad.optim.lr_scheduler.StepLR;
import dev.jgrad.tensor.io.SafeTensorsException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@link OptimizerStateDict#load}: each mutant must load as the independent
 * checker below (written from the optimizers' documented options, not from OptimizerSchema)
 * reads it, or fail with an OptimizerStateException or SafeTensorsException naming the file.
 */
@Tag("fuzz")
class OptimizerStateFuzzTest {
    @TempDir
    Path dir;

    private static final String NUM = "-?[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?|inf|-inf|nan";
    private static final String SCALAR = NUM + "|None|True|False";
    private static final Pattern TUPLE =
            Pattern.compile("\\(\\)|\\((" + NUM + "),\\)|\\((?:" + NUM + ")(?:, (?:" + NUM + "))+\\)");
    private static final Pattern LIST = Pattern.compile("\\[\\]|\\[(?:" + SCALAR + ")(?:, (?:" + SCALAR + "))*\\]");
    private static final Pattern SCALAR_PATTERN = Pattern.compile(SCALAR);
    private static final Pattern COUNT = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern GROUP_KEY = Pattern.compile("param_groups\\.(0|[1-9][0-9]{0,8})\\.([^.]+)");
    private static final Pattern STATE_KEY = Pattern.compile("state\\.(0|[1-9][0-9]{0,8})\\.([^.]+)");
    /** Per optimizer, its options and their kinds: n = number, n+ = number >= 0, b = bool, betas. */
    private static final Map<String, Map<String, String>> OPTIONS = new LinkedHashMap<>();

    private static final Map<String, Map<String, String>> STATE = new LinkedHashMap<>();
    /** Python's literals other than numbers, and what a spec reader makes of them. */
    private static final Map<String, Object> LITERALS = Map.of(
            "None", "None",
            "True", Boolean.TRUE,
            "False", Boolean.FALSE,
            "inf", Double.POSITIVE_INFINITY,
            "-inf", Double.NEGATIVE_INFINITY,
            "nan", Double.NaN);

    static {
        Map<String, String> adam =
                ordered("lr", "n+", "betas", "betas", "eps", "n+", "weight_decay", "n+", "amsgrad", "b");
        OPTIONS.put(
                "SGD", ordered("lr", "n+", "momentum", "n+", "dampening", "n", "weight_decay", "n+", "nesterov", "b"));
        OPTIONS.put("Adam", adam);
        OPTIONS.put("AdamW", adam);
        // required state (r), optional (o); scalar (s) or like the parameter (p)
        STATE.put("SGD", Map.of("momentum_buffer", "op"));
        Map<String, String> adamState =
                Map.of("step", "rs", "exp_avg", "rp", "exp_avg_sq", "rp", "max_exp_avg_sq", "op");
        STATE.put("Adam", adamState);
        STATE.put("AdamW", adamState);
    }

    /** A map of the keys and values in order: key, value, key, value, … */
    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Tensor a = Tensor.tensor(new float[] {1, 2, 3}).requiresGrad_();
        Tensor b = Tensor.tensor(new float[] {4, 5}).requiresGrad_();
        SGD sgd = new SGD(
                List.of(ParamGroup.of(List.of(a)), ParamGroup.of(List.of(b)).set("lr", 0.5)), 0.1, 0.9, 0, 1e-4, true);
        StepLR scheduler = new StepLR(sgd, 2, 0.5);
        a.setGrad(Tensor.tensor(new float[] {1, -1, 0.5f}));
        sgd.step();
        scheduler.step();
        seeds.add(saved(sgd));
        Tensor c = Tensor.tensor(new float[] {1, 2, 3, 4}).view(2, 2).requiresGrad_();
        Adam adam = new Adam(List.of(c), 0.01, 0.8, 0.99, 1e-8, 0, true);
        c.setGrad(Tensor.tensor(new float[] {1, 2, 3, 4}).view(2, 2));
        adam.step();
        seeds.add(saved(adam));
        seeds.add(saved(new AdamW(List.of(Tensor.tensor(new float[] {1}).requiresGrad_()))));
        return seeds;
    }

    private byte[] saved(Optimizer opt) throws IOException {
        Path f = dir.resolve("seed.safetensors");
        opt.stateDict().save(f);
        return Files.readAllBytes(f);
    }

    @Test
    void mutantsLoadAsTheirOptimizerDocumentsOrFailClearly() throws IOException {
        List<byte[]> seeds = seeds();
        List<SpecSafeTensors.Contents> parsed = new ArrayList<>();
        for (byte[] s : seeds) {
            parsed.add(SpecSafeTensors.readSeed(s));
        }
        // each mutant: one of the seeds, picked at random, mutated as a safetensors file
        Fuzz.Source mutants = (i, random) -> {
            int k = random.nextInt(seeds.size());
            return new Mutator(random).safetensors(seeds.get(k), parsed.get(k));
        };
        int accepted;
        try (MutantFile file = new MutantFile(dir.resolve("mutant.safetensors"))) {
            accepted = Fuzz.run("optimizer state dict", Fuzz.MUTANTS, mutants, m -> agrees(file.write(m), m));
        }
        assertTrue(accepted > 200, "the mutants should not all be broken: " + accepted + " accepted");
    }

    /** Whether the oracle accepted; fails when jgrad and the oracle disagree. */
    private static boolean agrees(Path f, byte[] bytes) throws IOException {
        Expected expected;
        try {
            expected = expected(SpecSafeTensors.read(bytes));
        } catch (SpecJson.Reject reject) {
            try {
                OptimizerStateDict d = OptimizerStateDict.load(f);
                throw new AssertionError("jgrad accepted what the spec rejects (" + reject.getMessage() + "): " + d);
            } catch (OptimizerStateException | SafeTensorsException e) {
                assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
                return false;
            }
        }
        OptimizerStateDict d = OptimizerStateDict.load(f);
        assertEquals(expected.optimizer, d.optimizer());
        assertEquals(expected.groups.size(), d.paramGroups().size());
        for (int g = 0; g < expected.groups.size(); g++) {
            Map<String, Object> want = expected.groups.get(g);
            Map<String, Object> got = d.paramGroups().get(g);
            assertEquals(want.keySet(), got.keySet());
            for (String k : want.keySet()) {
                if (want.get(k) instanceof double[]) {
                    assertArrayEquals((double[]) want.get(k), (double[]) got.get(k), k);
                } else {
                    assertEquals(want.get(k), got.get(k), k);
                }
            }
        }
        assertEquals(expected.state.keySet(), d.state().keySet());
        for (Map.Entry<Integer, Map<String, SpecSafeTensors.Tensor>> e : expected.state.entrySet()) {
            Map<String, Tensor> got = d.state().get(e.getKey());
            assertEquals(e.getValue().keySet(), got.keySet());
            e.getValue()
                    .forEach((k, t) ->
                            assertTrue(SpecSafeTensors.same(t, got.get(k).data()), k));
        }
        return true;
    }

    private record Expected(
            String optimizer,
            List<Map<String, Object>> groups,
            Map<Integer, Map<String, SpecSafeTensors.Tensor>> state) {}

    /** The optimizer state a file holds, as the optimizers document it; Reject for anything else. */
    private static Expected expected(SpecSafeTensors.Contents c) throws SpecJson.Reject {
        Map<String, String> meta = c.metadata();
        require("optimizer".equals(meta.get("jgrad.format")), "format");
        String countText = meta.get("param_groups");
        require(countText != null && COUNT.matcher(countText).matches(), "group count");
        int count = Integer.parseInt(countText);
        require(count <= meta.size(), "group count beyond the metadata");
        List<Map<String, Object>> raw = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            raw.add(new LinkedHashMap<>());
        }
        for (Map.Entry<String, String> e : meta.entrySet()) {
            if (!e.getKey().startsWith("param_groups.")) {
                continue;
            }
            Matcher m = GROUP_KEY.matcher(e.getKey());
            require(m.matches() && Integer.parseInt(m.group(1)) < count, "group key");
            raw.get(Integer.parseInt(m.group(1))).put(m.group(2), value(e.getValue()));
        }
        String name = meta.get("jgrad.optimizer");
        if (name == null) {
            Set<String> own = new java.util.HashSet<>(raw.get(0).keySet());
            own.remove("params");
            own.remove("initial_lr");
            for (String candidate : OPTIONS.keySet()) {
                if (own.equals(OPTIONS.get(candidate).keySet())) {
                    name = candidate;
                    break;
                }
            }
        }
        require(name != null && OPTIONS.containsKey(name), "optimizer");
        Map<String, String> kinds = OPTIONS.get(name);
        List<Map<String, Object>> groups = new ArrayList<>();
        BitSet ids = new BitSet();
        int params = 0;
        for (Map<String, Object> r : raw) {
            Map<String, Object> group = new LinkedHashMap<>();
            for (String k : r.keySet()) {
                require(kinds.containsKey(k) || k.equals("params") || k.equals("initial_lr"), "unknown option");
            }
            for (Map.Entry<String, String> o : kinds.entrySet()) {
                require(r.containsKey(o.getKey()), "missing option");
                group.put(o.getKey(), option(o.getValue(), r.get(o.getKey())));
            }
            if (r.containsKey("initial_lr")) {
                group.put("initial_lr", option("n+", r.get("initial_lr")));
            }
            if (name.equals("SGD") && (Boolean) group.get("nesterov")) {
                require((Double) group.get("momentum") > 0 && (Double) group.get("dampening") == 0, "nesterov");
            }
            require(r.get("params") instanceof List, "params");
            List<Integer> list = new ArrayList<>();
            for (Object x : (List<?>) r.get("params")) {
                require(x instanceof Long && (Long) x >= 0 && (Long) x < Integer.MAX_VALUE, "param index");
                require(!ids.get((int) (long) (Long) x), "param twice");
                ids.set((int) (long) (Long) x);
                list.add((int) (long) (Long) x);
                params++;
            }
            group.put("params", list);
            groups.add(group);
        }
        require(ids.length() == params, "params not 0..n-1");
        Map<Integer, Map<String, SpecSafeTensors.Tensor>> state = new TreeMap<>();
        for (Map.Entry<String, SpecSafeTensors.Tensor> e : c.tensors().entrySet()) {
            Matcher m = STATE_KEY.matcher(e.getKey());
            require(m.matches() && Integer.parseInt(m.group(1)) < params, "state key");
            state.computeIfAbsent(Integer.parseInt(m.group(1)), x -> new LinkedHashMap<>())
                    .put(m.group(2), e.getValue());
        }
        Map<String, String> stateKinds = STATE.get(name);
        for (Map<String, SpecSafeTensors.Tensor> s : state.values()) {
            int[] like = null;
            for (Map.Entry<String, SpecSafeTensors.Tensor> e : s.entrySet()) {
                String kind = stateKinds.get(e.getKey());
                require(kind != null, "unknown state");
                SpecSafeTensors.Tensor t = e.getValue();
                require(t.dtype().equals("F32") || t.dtype().equals("F64"), "state dtype");
                if (kind.endsWith("s")) {
                    require(Arrays.stream(t.shape()).asLongStream().reduce(1, (x, y) -> x * y) == 1, "scalar");
                } else if (like == null) {
                    like = t.shape();
                } else {
                    require(Arrays.equals(like, t.shape()), "shapes");
                }
            }
            stateKinds.forEach((k, kind) -> {
                if (kind.startsWith("r") && !s.containsKey(k)) {
                    s.put("<missing>", null);
                }
            });
            require(!s.containsKey("<missing>"), "required state");
        }
        return new Expected(name, groups, state);
    }

    private static Object value(String s) throws SpecJson.Reject {
        if (TUPLE.matcher(s).matches()) {
            String body = s.substring(1, s.length() - 1).replaceAll(",$", "");
            if (body.isEmpty()) {
                return new double[0];
            }
            String[] parts = body.split(", ");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = ((Number) scalar(parts[i])).doubleValue();
            }
            return out;
        }
        if (LIST.matcher(s).matches()) {
            List<Object> out = new ArrayList<>();
            if (s.length() > 2) {
                for (String p : s.substring(1, s.length() - 1).split(", ")) {
                    out.add(scalar(p));
                }
            }
            return out;
        }
        require(SCALAR_PATTERN.matcher(s).matches(), "value");
        return scalar(s);
    }

    private static Object scalar(String s) throws SpecJson.Reject {
        Object literal = LITERALS.get(s);
        if (literal != null) {
            return literal;
        }
        if (INTEGER.matcher(s).matches()) {
            BigInteger v = new BigInteger(s);
            require(v.bitLength() < 64, "integer beyond 64 bits");
            return v.longValue();
        }
        return Double.parseDouble(s);
    }

    private static Object option(String kind, Object v) throws SpecJson.Reject {
        switch (kind) {
            case "b":
                require(v instanceof Boolean, "bool");
                return v;
            case "betas": {
                require(v instanceof double[] && ((double[]) v).length == 2, "betas");
                for (double x : (double[]) v) {
                    require(x >= 0 && x < 1, "beta range");
                }
                return v;
            }
            default: {
                require(v instanceof Long || v instanceof Double, "number");
                double d = ((Number) v).doubleValue();
                require(Double.isFinite(d) && (kind.equals("n") || d >= 0), "number range");
                return d;
            }
        }
    }

    private static void require(boolean ok, String why) throws SpecJson.Reject {
        if (!ok) {
            throw new SpecJson.Reject(why);
        }
    }
}
