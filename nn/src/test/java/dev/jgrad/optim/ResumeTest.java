package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.optim.lr_scheduler.StepLR;
import dev.jgrad.tensor.Generator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train 3 steps, save model and optimizer to files, load both into fresh objects, train 2 more: the same as 5 straight. */
class ResumeTest {
    @TempDir
    Path dir;

    private static final Tensor X = Tensor.rand(new Generator(100), 16, 4);
    private static final Tensor Y = Tensor.randint(new Generator(101), 0, 3, 16);

    private static Sequential model(long seed) {
        Generator g = new Generator(seed);
        return new Sequential(new Linear(4, 8, true, g), new ReLU(), new Linear(8, 3, true, g));
    }

    private static void train(Sequential m, Optimizer opt, StepLR sched, int steps) {
        for (int i = 0; i < steps; i++) {
            Tensor cost = F.crossEntropy(m.call(X), Y);
            opt.zeroGrad();
            cost.backward();
            opt.step();
            sched.step();
        }
    }

    private void resumesExactly(Function<List<Tensor>, Optimizer> make) throws IOException {
        Sequential straight = model(1);
        Optimizer straightOpt = make.apply(straight.parameters());
        StepLR straightSched = new StepLR(straightOpt, 2, 0.5);
        train(straight, straightOpt, straightSched, 5);

        Sequential first = model(1);
        Optimizer firstOpt = make.apply(first.parameters());
        StepLR firstSched = new StepLR(firstOpt, 2, 0.5);
        train(first, firstOpt, firstSched, 3);
        Path modelFile = dir.resolve("model.safetensors");
        Path optFile = dir.resolve("optimizer.safetensors");
        first.save(modelFile);
        firstOpt.stateDict().save(optFile);
        Map<String, Object> schedState = firstSched.stateDict();

        Sequential resumed = model(2); // other initial weights, overwritten by the load
        Optimizer resumedOpt = make.apply(resumed.parameters());
        resumed.load(modelFile);
        resumedOpt.loadStateDict(OptimizerStateDict.load(optFile));
        StepLR resumedSched = new StepLR(resumedOpt, 2, 0.5);
        resumedSched.loadStateDict(schedState);
        train(resumed, resumedOpt, resumedSched, 2);

        Map<String, Tensor> a = straight.stateDict();
        Map<String, Tensor> b = resumed.stateDict();
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).toFloatArray(), b.get(k).toFloatArray(), k);
        }
        assertEquals(
                straightOpt.paramGroups().get(0).lr(),
                resumedOpt.paramGroups().get(0).lr(),
                0);
    }

    @Test
    void sgdWithNesterovMomentumAndWeightDecay() throws IOException {
        resumesExactly(ps -> new SGD(ps, 0.2, 0.9, 0, 1e-3, true));
    }

    @Test
    void adamWithAmsgrad() throws IOException {
        resumesExactly(ps -> new Adam(ps, 0.01, 0.9, 0.99, 1e-8, 1e-4, true));
    }

    @Test
    void adamW() throws IOException {
        resumesExactly(ps -> new AdamW(ps, 0.01));
    }

    @Test
    void rmspropCenteredWithMomentumAndWeightDecay() throws IOException {
        resumesExactly(ps -> new RMSprop(
                ps, RMSprop.options().lr(0.01).momentum(0.9).centered(true).weightDecay(1e-3)));
    }

    @Test
    void adagradWithLrDecay() throws IOException {
        resumesExactly(
                ps -> new Adagrad(ps, Adagrad.options().lr(0.1).lrDecay(0.01).initialAccumulatorValue(0.1)));
    }

    @Test
    void optimizerFileKeepsStateAndOptions() throws IOException {
        Tensor p = Tensor.tensor(new float[] {1, 2}).requiresGrad_();
        Adam opt = new Adam(List.of(ParamGroup.of(List.of(p)).set("lr", 0.25)), 1e-3, 0.8, 0.95, 1e-7, 0, true);
        p.setGrad(Tensor.tensor(new float[] {0.5f, -0.5f}));
        opt.step();
        Path file = dir.resolve("adam.safetensors");
        opt.stateDict().save(file);
        OptimizerStateDict back = OptimizerStateDict.load(file);
        Map<String, Object> group = back.paramGroups().get(0);
        assertEquals(0.25, group.get("lr"));
        assertArrayEquals(new double[] {0.8, 0.95}, (double[]) group.get("betas"));
        assertEquals(1e-7, group.get("eps"));
        assertEquals(true, group.get("amsgrad"));
        assertEquals(List.of(0), group.get("params"));
        assertEquals(
                List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"),
                List.copyOf(back.state().get(0).keySet()));
        assertTrue(
                back.state().get(0).get("exp_avg").equal(Tensor.of(opt.state(p).get("exp_avg"))));
    }
}
