package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Optimizer state files with bad content (issue 13, case 5): each fails at load time with an
 * OptimizerStateException naming the file, the key and what was expected, never later at step().
 */
class OptimizerStateFileTest {
    @TempDir
    Path dir;

    private int count;

    /** A real file of a stepped optimizer, then its metadata or tensors edited. */
    private Path edited(
            Optimizer opt, Consumer<Map<String, String>> editMetadata, Consumer<Map<String, NDArray>> editTensors)
            throws IOException {
        Path file = dir.resolve("opt" + (count++) + ".safetensors");
        opt.stateDict().save(file);
        SafeTensors.Contents c = SafeTensors.load(file);
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        Map<String, NDArray> tensors = new LinkedHashMap<>(c.tensors());
        editMetadata.accept(meta);
        editTensors.accept(tensors);
        SafeTensors.save(file, tensors, meta);
        return file;
    }

    private static Tensor param() {
        return Tensor.tensor(new float[] {1, 2, 3}).requiresGrad_();
    }

    private static <O extends Optimizer> O stepped(O opt) {
        Tensor p = opt.paramGroups().get(0).params().get(0);
        p.setGrad(Tensor.tensor(new float[] {0.5f, -0.5f, 1}));
        opt.step();
        return opt;
    }

    private static Adam adam() {
        return stepped(new Adam(List.of(param()), 0.01));
    }

    private static SGD sgd() {
        return stepped(new SGD(List.of(param()), 0.1, 0.9));
    }

    private void rejects(Optimizer opt, Consumer<Map<String, String>> edit, String key, String expectation)
            throws IOException {
        rejects(edited(opt, edit, t -> {}), key, expectation);
    }

    private static void rejects(Path file, String key, String expectation) {
        OptimizerStateException e = assertThrows(OptimizerStateException.class, () -> OptimizerStateDict.load(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": ") && m.contains(key) && m.contains(expectation), m);
        assertEquals(file.toString(), e.file());
        assertEquals(key, e.key());
    }

    /**
     * One metadata entry set to a bad value: the load fails naming the file, the key and the
     * expectation. Absurd group counts fail without allocating; options of the wrong type fail at
     * load, not at step.
     */
    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "adam | param_groups              | 2147483647    | param_groups            | expected",
                "adam | param_groups              | -1            | param_groups            | expected",
                "adam | param_groups              | one           | param_groups            | expected",
                "sgd  | param_groups              | 99999999999   | param_groups            | expected",
                "adam | param_groups.0            | 1             | param_groups.0          | param_groups.<group>.<option>",
                "adam | param_groups.x.lr         | 1             | param_groups.x.lr       | param_groups.<group>.<option>",
                "adam | param_groups.7.lr         | 0.1           | param_groups.7.lr       | group",
                "adam | param_groups.0.lr         | one           | param_groups.0.lr       | a number",
                "adam | param_groups.0.params     | [99999999999] | param_groups.0.params   | expected",
                "adam | param_groups.0.betas      | (0.9,)        | param_groups.0.betas    | two numbers",
                "adam | param_groups.0.amsgrad    | 0.5           | param_groups.0.amsgrad  | True or False",
                "adam | param_groups.0.lr         | True          | param_groups.0.lr       | a number",
                "adam | param_groups.0.eps        | None          | param_groups.0.eps      | a number",
                "sgd  | param_groups.0.nesterov   | 1             | param_groups.0.nesterov | True or False",
                "sgd  | param_groups.0.lr         | -0.1          | param_groups.0.lr       | >= 0",
                "sgd  | param_groups.0.params     | [0, 0]        | param_groups.0.params   | once",
            })
    void aBadMetadataValueFailsAtLoadNamingTheFileAndKey(
            String optimizer, String key, String value, String expectedKey, String expectation) throws IOException {
        rejects(optimizer.equals("sgd") ? sgd() : adam(), m -> m.put(key, value), expectedKey, expectation);
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() throws IOException {
        String deep = "[".repeat(20_000) + "0" + "]".repeat(20_000);
        rejects(adam(), m -> m.put("param_groups.0.params", deep), "param_groups.0.params", "expected");
    }

    @Test
    void aMissingOptionIsNamed() throws IOException {
        rejects(adam(), m -> m.remove("param_groups.0.eps"), "param_groups.0.eps", "missing");
    }

    @Test
    void stateTensorsAreChecked() throws IOException {
        rejects(edited(adam(), m -> {}, t -> t.remove("state.0.exp_avg")), "state.0", "exp_avg");
        rejects(
                edited(adam(), m -> {}, t -> t.put("state.0.exp_avg", NDArray.zeros(DType.FLOAT32, 2))),
                "state.0.exp_avg_sq",
                "shape [2] of exp_avg");
        rejects(
                edited(adam(), m -> {}, t -> t.put("state.5.exp_avg", NDArray.zeros(DType.FLOAT32, 3))),
                "state.5.exp_avg",
                "parameter");
        rejects(
                edited(sgd(), m -> {}, t -> t.put("state.0.exp_avg", NDArray.zeros(DType.FLOAT32, 3))),
                "state.0.exp_avg",
                "momentum_buffer");
    }

    @Test
    void aFileThatNamesNoOptimizerIsCheckedAgainstTheOneItsOptionsBelongTo() throws IOException {
        Path file = edited(sgd(), m -> m.remove("jgrad.optimizer"), t -> {});
        OptimizerStateDict d = OptimizerStateDict.load(file);
        assertEquals("SGD", d.optimizer());
        assertEquals(List.of(0), d.paramGroups().get(0).get("params"));
        rejects(
                sgd(),
                m -> {
                    m.remove("jgrad.optimizer");
                    m.put("param_groups.0.betas", "(0.9, 0.99)");
                },
                "param_groups.0",
                "options of one of [SGD, Adam, AdamW, RMSprop, Adagrad]");
        rejects(
                sgd(),
                m -> m.put("jgrad.optimizer", "Lion"),
                "jgrad.optimizer",
                "one of [SGD, Adam, AdamW, RMSprop, Adagrad]");
    }

    @Test
    void loadStateDictChecksTheOptimizerAndTheParameterShapes() {
        IllegalArgumentException kind = assertThrows(
                IllegalArgumentException.class, () -> new Adam(List.of(param())).loadStateDict(sgd().stateDict()));
        assertEquals("loaded state dict was made by SGD, not by Adam", kind.getMessage());
        Adam small = new Adam(List.of(Tensor.tensor(new float[] {1, 2}).requiresGrad_()));
        IllegalArgumentException shape =
                assertThrows(IllegalArgumentException.class, () -> small.loadStateDict(adam().stateDict()));
        assertTrue(
                shape.getMessage()
                        .startsWith("loaded state dict: state.0.exp_avg: expected the shape [2] of the"
                                + " parameter, found shape [3]"),
                shape.getMessage());
    }
}
