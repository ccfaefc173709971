package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.optim.lr_scheduler.LinearLR;
import dev.jgrad.optim.lr_scheduler.OneCycleLR;
import dev.jgrad.optim.lr_scheduler.ReduceLROnPlateau;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LinearLR, OneCycleLR and ReduceLROnPlateau against PyTorch's formulas, worked by hand. */
class NewSchedulersTest {
    private static Tensor param() {
        return Tensor.zeros(1).requiresGrad_();
    }

    private static double lr(Optimizer opt) {
        return opt.paramGroups().get(0).lr();
    }

    @Test
    void linearLrWarmsUpThenHolds() {
        SGD opt = new SGD(List.of(param()), 0.1);
        LinearLR s = new LinearLR(opt);
        double[] expected = {0.1 / 3, 0.1 * 7 / 15, 0.1 * 9 / 15, 0.1 * 11 / 15, 0.1 * 13 / 15, 0.1, 0.1, 0.1};
        for (int epoch = 0; epoch < expected.length; epoch++) {
            assertEquals(expected[epoch], lr(opt), 1e-15, "epoch " + epoch);
            assertEquals(s.closedFormLr(0, epoch), lr(opt), 1e-15);
            s.step();
        }
        SGD down = new SGD(List.of(param()), 1.0);
        LinearLR decay = new LinearLR(down, 1.0, 0.25, 3);
        double[] seen = new double[5];
        for (int epoch = 0; epoch < 5; epoch++) {
            seen[epoch] = lr(down);
            decay.step();
        }
        assertArrayEquals(new double[] {1, 0.75, 0.5, 0.25, 0.25}, seen, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new LinearLR(down, 0, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new LinearLR(down, 0.5, 1.5, 3));
    }

    /** PyTorch's cosine annealing between two values. */
    private static double cos(double start, double end, double pct) {
        return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
    }

    @Test
    void oneCycleRisesThenAnnealsWithTheMomentumOpposite() {
        SGD opt = new SGD(List.of(param()), SGD.options().lr(0.5).momentum(0.9));
        OneCycleLR s = new OneCycleLR(opt, 1.0, 10);
        // initial 1/25 = 0.04, min 0.04/1e4; phases end at steps 0.3·10 - 1 = 2 and 9
        double initial = 0.04;
        double min = initial / 1e4;
        for (int step = 0; step <= 10; step++) {
            double expectedLr;
            double expectedMomentum;
            if (step <= 2) {
                expectedLr = cos(initial, 1.0, step / 2.0);
                expectedMomentum = cos(0.95, 0.85, step / 2.0);
            } else {
                expectedLr = cos(1.0, min, (step - 2) / 7.0);
                expectedMomentum = cos(0.85, 0.95, (step - 2) / 7.0);
            }
            assertEquals(expectedLr, lr(opt), 1e-15, "step " + step);
            assertEquals(expectedMomentum, opt.paramGroups().get(0).getDouble("momentum"), 1e-15, "step " + step);
            if (step < 10) {
                s.step();
            }
        }
        assertEquals(0.52, cos(initial, 1.0, 0.5), 1e-15);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::step);
        assertEquals("Tried to step 12 times. The specified number of total steps is 10", e.getMessage());
        assertEquals(1.0, opt.paramGroups().get(0).getDouble("max_lr"));
        assertEquals(min, opt.paramGroups().get(0).getDouble("min_lr"), 1e-20);
    }

    @Test
    void oneCycleThreePhasesLinearAndAdamsBeta1() {
        Adam opt2 = new Adam(List.of(param()), Adam.options().lr(0.5));
        OneCycleLR s = new OneCycleLR(
                opt2,
                1.0,
                10,
                OneCycleLR.options().threePhase(true).annealStrategy("linear").divFactor(10));
        assertArrayEquals(new double[] {0.95, 0.999}, opt2.paramGroups().get(0).getDoubles("betas"), 1e-15);
        // phases end at 2, 0.6·10 - 2 = 4 and 9: up 0.1 → 1, down 1 → 0.1, then 0.1 → 1e-5
        double[] expected = {0.1, 0.55, 1, 0.55, 0.1, 0.1 - (0.1 - 1e-5) / 5, 0.1 - 2 * (0.1 - 1e-5) / 5};
        double[] expectedBeta1 = {0.95, 0.9, 0.85, 0.9, 0.95, 0.95, 0.95};
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], lr(opt2), 1e-15, "step " + step);
            assertEquals(expectedBeta1[step], opt2.paramGroups().get(0).getDoubles("betas")[0], 1e-15, "step " + step);
            s.step();
        }
    }

    @Test
    void oneCycleChecksItsSettings() {
        SGD plain = new SGD(List.of(param()), 0.1);
        assertThrows(IllegalArgumentException.class, () -> new OneCycleLR(plain, 1.0, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new OneCycleLR(plain, 1.0, 10, OneCycleLR.options().pctStart(1.5)));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new OneCycleLR(plain, 1.0, 10, OneCycleLR.options().annealStrategy("exp")));
        assertEquals("anneal_strategy must by one of 'cos' or 'linear', instead got exp", e.getMessage());
        Adagrad noMomentum = new Adagrad(List.of(param()));
        assertThrows(IllegalArgumentException.class, () -> new OneCycleLR(noMomentum, 1.0, 10));
        new OneCycleLR(noMomentum, 1.0, 10, OneCycleLR.options().cycleMomentum(false));
        assertEquals(0.04, lr(noMomentum), 1e-15);
    }

    @Test
    void oneCycleResumesFromItsStateDict() {
        SGD a = new SGD(List.of(param()), SGD.options().momentum(0.9));
        OneCycleLR sa = new OneCycleLR(a, 0.5, 20);
        for (int i = 0; i < 7; i++) {
            sa.step();
        }
        Map<String, Object> saved = sa.stateDict();
        SGD b = new SGD(List.of(param()), SGD.options().momentum(0.9));
        OneCycleLR sb = new OneCycleLR(b, 0.5, 20);
        b.loadStateDict(a.stateDict());
        sb.loadStateDict(saved);
        for (int i = 0; i < 10; i++) {
            sa.step();
            sb.step();
            assertEquals(lr(a), lr(b), 0);
            assertEquals(
                    a.paramGroups().get(0).getDouble("momentum"),
                    b.paramGroups().get(0).getDouble("momentum"),
                    0);
        }
    }

    @Test
    void plateauReducesAfterPatienceThenCoolsDown() {
        SGD opt = new SGD(List.of(param()), 1.0);
        ReduceLROnPlateau s = new ReduceLROnPlateau(
                opt,
                ReduceLROnPlateau.options().patience(2).factor(0.5).cooldown(1).minLr(0.2));
        double[] metrics = {1, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95};
        double[] expected = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.2, 0.2};
        for (int epoch = 0; epoch < metrics.length; epoch++) {
            s.step(metrics[epoch]);
            assertEquals(expected[epoch], lr(opt), 0, "epoch " + epoch);
        }
        assertEquals(0.9, s.best());
        assertArrayEquals(new double[] {0.2}, s.getLastLr());
    }

    @Test
    void plateauThresholdModes() {
        // min/rel: 0.99995 is not below 1·(1 - 1e-4), so it is a bad epoch
        SGD opt = new SGD(List.of(param()), 1.0);
        ReduceLROnPlateau rel =
                new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().patience(0));
        rel.step(1);
        rel.step(0.99995);
        assertEquals(0.1, lr(opt), 1e-15);
        // max/abs: improving means exceeding best + threshold
        SGD opt2 = new SGD(List.of(param()), 1.0);
        ReduceLROnPlateau max = new ReduceLROnPlateau(
                opt2,
                ReduceLROnPlateau.options()
                        .mode("max")
                        .thresholdMode("abs")
                        .threshold(0.1)
                        .patience(1));
        max.step(0.5);
        max.step(0.65);
        assertEquals(0, max.numBadEpochs());
        max.step(0.7);
        assertEquals(1, max.numBadEpochs());
        max.step(0.74);
        assertEquals(0.1, lr(opt2), 1e-15);
        // a reduction smaller than eps is skipped
        SGD tiny = new SGD(List.of(param()), 1e-9);
        ReduceLROnPlateau skip =
                new ReduceLROnPlateau(tiny, ReduceLROnPlateau.options().patience(0));
        skip.step(1);
        skip.step(1);
        assertEquals(1e-9, lr(tiny), 0);
        assertEquals(
                "Factor should be < 1.0.",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new ReduceLROnPlateau(
                                        opt, ReduceLROnPlateau.options().factor(1)))
                        .getMessage());
        assertEquals(
                "mode avg is unknown!",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new ReduceLROnPlateau(
                                        opt, ReduceLROnPlateau.options().mode("avg")))
                        .getMessage());
    }

    @Test
    void plateauResumesFromItsStateDict() {
        double[] metrics = {1, 0.8, 0.85, 0.9, 0.7, 0.75, 0.8, 0.81, 0.82, 0.6, 0.61, 0.62, 0.63};
        SGD a = new SGD(List.of(param()), 1.0);
        ReduceLROnPlateau sa =
                new ReduceLROnPlateau(a, ReduceLROnPlateau.options().patience(1).cooldown(1));
        for (int i = 0; i < 5; i++) {
            sa.step(metrics[i]);
        }
        SGD b = new SGD(List.of(param()), 1.0);
        ReduceLROnPlateau sb = new ReduceLROnPlateau(b);
        b.loadStateDict(a.stateDict());
        sb.loadStateDict(sa.stateDict());
        for (int i = 5; i < metrics.length; i++) {
            sa.step(metrics[i]);
            sb.step(metrics[i]);
            assertEquals(lr(a), lr(b), 0, "epoch " + i);
        }
    }
}
