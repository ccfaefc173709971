package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RMSprop and Adagrad against hand-worked steps and a float64 transcription of PyTorch 1.13's update. */
class RMSpropAdagradTest {
    private static final float[][] GRADS = {
        {10, -1, 0.5f}, {0.1f, -2, 0.5f}, {0.01f, 3, -0.5f}, {5, -0.1f, 0}, {-1, 1, 1}
    };

    @Test
    void rmspropStepsByHand() {
        // g = 0.5, lr 0.01, α 0.99: v = 0.01·0.25 = 0.0025, avg = 0.05 + 1e-8, p = 1 - 0.01·0.5/avg
        Tensor p = Tensor.tensor(new float[] {1}).requiresGrad_();
        RMSprop opt = new RMSprop(List.of(p), RMSprop.options().lr(0.01));
        p.setGrad(Tensor.tensor(new float[] {0.5f}));
        opt.step();
        assertEquals(1 - 0.01 * 0.5 / (0.05 + 1e-8), p.toFloatArray()[0], 1e-7);
        assertEquals(List.of("step", "square_avg"), List.copyOf(opt.state(p).keySet()));

        // centered: ḡ = 0.005, avg = √(0.0025 - 0.000025) + eps
        Tensor c = Tensor.tensor(new float[] {1}).requiresGrad_();
        RMSprop centered = new RMSprop(List.of(c), RMSprop.options().lr(0.01).centered(true));
        c.setGrad(Tensor.tensor(new float[] {0.5f}));
        centered.step();
        assertEquals(1 - 0.005 / Math.sqrt(0.002475), c.toFloatArray()[0], 1e-6);

        // momentum 0.9, two steps of g = 0.5: buf = 10 then 0.9·10 + 0.5/√0.004975
        Tensor m = Tensor.tensor(new float[] {1}).requiresGrad_();
        RMSprop momentum =
                new RMSprop(List.of(m), RMSprop.options().lr(0.01).momentum(0.9).eps(0));
        m.setGrad(Tensor.tensor(new float[] {0.5f}));
        momentum.step();
        assertEquals(0.9, m.toFloatArray()[0], 1e-6);
        momentum.step();
        assertEquals(0.9 - 0.01 * (9 + 0.5 / Math.sqrt(0.004975)), m.toFloatArray()[0], 1e-6);
        assertEquals(
                List.of("step", "square_avg", "momentum_buffer"),
                List.copyOf(momentum.state(m).keySet()));
    }

    @Test
    void rmspropFollowsTheReferenceWithEveryOption() {
        for (boolean centered : new boolean[] {false, true}) {
            for (double momentum : new double[] {0, 0.8}) {
                Tensor p = Tensor.tensor(new float[] {1, -2, 0.25f}).requiresGrad_();
                RMSprop opt = new RMSprop(
                        List.of(p),
                        RMSprop.options()
                                .lr(0.02)
                                .alpha(0.9)
                                .eps(1e-6)
                                .weightDecay(0.1)
                                .momentum(momentum)
                                .centered(centered));
                double[] ref = {1, -2, 0.25};
                double[] v = new double[3];
                double[] gAvg = new double[3];
                double[] buf = new double[3];
                for (float[] g : GRADS) {
                    p.setGrad(Tensor.tensor(g));
                    opt.step();
                    for (int i = 0; i < 3; i++) {
                        double gi = g[i] + 0.1 * ref[i];
                        v[i] = 0.9 * v[i] + 0.1 * gi * gi;
                        gAvg[i] = 0.9 * gAvg[i] + 0.1 * gi;
                        double avg = Math.sqrt(centered ? v[i] - gAvg[i] * gAvg[i] : v[i]) + 1e-6;
                        if (momentum > 0) {
                            buf[i] = momentum * buf[i] + gi / avg;
                            ref[i] -= 0.02 * buf[i];
                        } else {
                            ref[i] -= 0.02 * gi / avg;
                        }
                    }
                    float[] got = p.toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(
                                ref[i],
                                got[i],
                                2e-6 * Math.max(1, Math.abs(ref[i])),
                                "centered=" + centered + " momentum=" + momentum);
                    }
                }
                assertEquals(5.0, opt.state(p).get("step").item());
                assertEquals(centered, opt.state(p).containsKey("grad_avg"));
            }
        }
    }

    @Test
    void adagradStepsByHandAndItsStateExistsFromTheStart() {
        Tensor p = Tensor.tensor(new float[] {1, 2}).requiresGrad_();
        Adagrad opt =
                new Adagrad(List.of(p), Adagrad.options().lr(0.1).lrDecay(0.5).initialAccumulatorValue(0.1));
        assertEquals(0.0, opt.state(p).get("step").item());
        assertArrayEquals(new float[] {0.1f, 0.1f}, opt.state(p).get("sum").toFloatArray());
        // step 1: clr 0.1, sum 0.35; step 2: clr 0.1/1.5, sum 0.6
        p.setGrad(Tensor.tensor(new float[] {0.5f, 0}));
        opt.step();
        double first = 1 - 0.1 * 0.5 / (Math.sqrt(0.35) + 1e-10);
        assertEquals(first, p.toFloatArray()[0], 1e-7);
        assertEquals(2f, p.toFloatArray()[1], "a zero gradient leaves it in place");
        opt.step();
        assertEquals(first - 0.1 / 1.5 * 0.5 / (Math.sqrt(0.6) + 1e-10), p.toFloatArray()[0], 1e-6);
        assertEquals(2.0, opt.state(p).get("step").item());
    }

    @Test
    void adagradFollowsTheReferenceWithWeightDecay() {
        Tensor p = Tensor.tensor(new float[] {1, -2, 0.25f}).requiresGrad_();
        Adagrad opt =
                new Adagrad(List.of(p), Adagrad.options().lr(0.3).lrDecay(0.01).weightDecay(0.05));
        double[] ref = {1, -2, 0.25};
        double[] sum = new double[3];
        int step = 0;
        for (float[] g : GRADS) {
            p.setGrad(Tensor.tensor(g));
            opt.step();
            step++;
            double clr = 0.3 / (1 + (step - 1) * 0.01);
            for (int i = 0; i < 3; i++) {
                double gi = g[i] + 0.05 * ref[i];
                sum[i] += gi * gi;
                ref[i] -= clr * gi / (Math.sqrt(sum[i]) + 1e-10);
            }
            float[] got = p.toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(ref[i], got[i], 2e-6 * Math.max(1, Math.abs(ref[i])));
            }
        }
    }

    @Test
    void adagradInitialisesTheStateOfAGroupAddedLater() {
        Tensor a = Tensor.tensor(new float[] {1}).requiresGrad_();
        Tensor b = Tensor.tensor(new float[] {1}).requiresGrad_();
        Adagrad opt = new Adagrad(List.of(a), Adagrad.options().lr(0.1));
        opt.addParamGroup(ParamGroup.of(List.of(b)));
        b.setGrad(Tensor.tensor(new float[] {2}));
        opt.step();
        assertEquals(1 - 0.1 * 2 / 2, b.toFloatArray()[0], 1e-6);
    }

    @Test
    void optionsReadAsPyTorchKeywordsAndMatchThePositionalForm() {
        Tensor p = Tensor.tensor(new float[] {1}).requiresGrad_();
        Adam named = new Adam(
                List.of(p),
                Adam.options().lr(1e-2).betas(0.8, 0.95).weightDecay(1e-4).amsgrad(true));
        Adam positional =
                new Adam(List.of(Tensor.tensor(new float[] {1}).requiresGrad_()), 1e-2, 0.8, 0.95, 1e-8, 1e-4, true);
        assertEquals(positional.toString(), named.toString());
        assertEquals(new AdamW(List.of(p)).toString(), new AdamW(List.of(p), AdamW.options()).toString());
        assertEquals(0.01, AdamW.options().weightDecay());
        SGD sgd = new SGD(List.of(p), SGD.options().lr(0.1).momentum(0.9).nesterov(true));
        assertEquals(new SGD(List.of(p), 0.1, 0.9, 0, 0, true).toString(), sgd.toString());
        assertEquals(1e-3, SGD.options().lr(), "PyTorch 2's default");
        assertEquals(
                "RMSprop (\nParameter Group 0\n    alpha: 0.99\n    centered: False\n    eps: 1e-08\n"
                        + "    lr: 0.01\n    momentum: 0.0\n    weight_decay: 0.0\n)",
                new RMSprop(List.of(p)).toString());
        assertEquals(
                "Adagrad (\nParameter Group 0\n    eps: 1e-10\n    initial_accumulator_value: 0.0\n"
                        + "    lr: 0.01\n    lr_decay: 0.0\n    weight_decay: 0.0\n)",
                new Adagrad(List.of(p)).toString());
        // the options are values: a wither leaves the original alone
        Adam.Options base = Adam.options();
        assertTrue(base.lr(5).lr() == 5 && base.lr() == 1e-3);
    }

    @Test
    void badOptionsFailWithPyTorchsMessages() {
        List<Tensor> ps = List.of(Tensor.zeros(1).requiresGrad_());
        assertEquals(
                "Invalid alpha value: -0.1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new RMSprop(ps, RMSprop.options().alpha(-0.1)))
                        .getMessage());
        assertEquals(
                "Invalid momentum value: -1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new RMSprop(ps, RMSprop.options().momentum(-1)))
                        .getMessage());
        assertEquals(
                "Invalid lr_decay value: -1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Adagrad(ps, Adagrad.options().lrDecay(-1)))
                        .getMessage());
        assertEquals(
                "Invalid initial_accumulator_value value: -1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Adagrad(ps, Adagrad.options().initialAccumulatorValue(-1)))
                        .getMessage());
        assertEquals(
                "Invalid learning rate: -1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new SGD(ps, SGD.options().lr(-1)))
                        .getMessage());
    }
}
