package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.autograd.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adam and AdamW against hand-worked steps and an independent float64 transcription of the update. */
class AdamTest {
    @Test
    void biasCorrectionMakesTheFirstStepsMoveByLr() {
        // With a constant gradient, m̂ = g and v̂ = g² at every step: each step moves lr·sign(g).
        Tensor p = Tensor.tensor(new float[] {1, -2}).requiresGrad_();
        Adam opt = new Adam(List.of(p), 0.1);
        for (int i = 1; i <= 3; i++) {
            p.setGrad(Tensor.tensor(new float[] {0.5f, -4}));
            opt.step();
            assertArrayEquals(new float[] {1 - 0.1f * i, -2 + 0.1f * i}, p.toFloatArray(), 1e-6f);
        }
        assertEquals(3.0, opt.state(p).get("step").item());
        assertArrayEquals(
                new float[] {0.5f * (1 - 0.729f), -4 * (1 - 0.729f)},
                opt.state(p).get("exp_avg").toFloatArray(),
                1e-6f);
    }

    @Test
    void firstStepByHand() {
        // g = 2, lr = 0.01, betas (0.8, 0.9), eps 0.1:
        // m = 0.4, v = 0.4; m̂ = 2, √v / √0.1 = 2, denom = 2.1; p = 3 - 0.01·2/2.1
        Tensor p = Tensor.tensor(new float[] {3}).requiresGrad_();
        Adam opt = new Adam(List.of(p), 0.01, 0.8, 0.9, 0.1, 0, false);
        p.setGrad(Tensor.tensor(new float[] {2}));
        opt.step();
        assertEquals(3 - 0.01 * 2 / 2.1, p.toFloatArray()[0], 1e-6);
    }

    @Test
    void weightDecayAmsgradAndAdamWFollowTheReference() {
        float[][] grads = {{10, -1, 0.5f}, {0.1f, -2, 0.5f}, {0.01f, 3, -0.5f}, {5, -0.1f, 0}, {-1, 1, 1}};
        for (boolean amsgrad : new boolean[] {false, true}) {
            for (boolean decoupled : new boolean[] {false, true}) {
                Tensor p = Tensor.tensor(new float[] {1, -2, 0.25f}).requiresGrad_();
                Adam opt = decoupled
                        ? new AdamW(List.of(p), 0.05, 0.85, 0.99, 1e-6, 0.2, amsgrad)
                        : new Adam(List.of(p), 0.05, 0.85, 0.99, 1e-6, 0.2, amsgrad);
                Adam.Options settings = Adam.options()
                        .lr(0.05)
                        .betas(0.85, 0.99)
                        .eps(1e-6)
                        .weightDecay(0.2)
                        .amsgrad(amsgrad);
                Reference ref = new Reference(new double[] {1, -2, 0.25}, settings, decoupled);
                for (float[] g : grads) {
                    p.setGrad(Tensor.tensor(g));
                    opt.step();
                    ref.step(g);
                    float[] got = p.toFloatArray();
                    for (int i = 0; i < got.length; i++) {
                        assertEquals(
                                ref.p[i],
                                got[i],
                                2e-6 * Math.max(1, Math.abs(ref.p[i])),
                                "amsgrad=" + amsgrad + " decoupled=" + decoupled);
                    }
                }
                assertEquals(amsgrad, opt.state(p).containsKey("max_exp_avg_sq"));
            }
        }
    }

    @Test
    void amsgradKeepsTheLargestSecondMoment() {
        Tensor p = Tensor.tensor(new float[] {0}).requiresGrad_();
        Adam opt = new Adam(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0, true);
        p.setGrad(Tensor.tensor(new float[] {10}));
        opt.step();
        p.setGrad(Tensor.tensor(new float[] {0.1f}));
        opt.step();
        // v1 = 0.1, v2 = 0.999·0.1 + 0.001·0.01 = 0.09991 < v1: the max keeps 0.1
        assertEquals(0.1, opt.state(p).get("max_exp_avg_sq").item(), 1e-7);
        assertEquals(0.09991, opt.state(p).get("exp_avg_sq").item(), 1e-7);
    }

    @Test
    void adamWDefaultsAndRepr() {
        Tensor p = Tensor.tensor(new float[] {1}).requiresGrad_();
        AdamW opt = new AdamW(List.of(p));
        assertEquals(
                "AdamW (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n    eps: 1e-08\n"
                        + "    lr: 0.001\n    weight_decay: 0.01\n)",
                opt.toString());
    }

    @Test
    void badHyperparametersFail() {
        List<Tensor> ps = List.of(Tensor.zeros(1).requiresGrad_());
        assertEquals(
                "Invalid beta parameter at index 0: 1.0",
                assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 1.0, 0.999, 1e-8, 0, false))
                        .getMessage());
        assertEquals(
                "Invalid beta parameter at index 1: -0.5",
                assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 0.9, -0.5, 1e-8, 0, false))
                        .getMessage());
        assertEquals(
                "Invalid epsilon value: -1e-08",
                assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 0.9, 0.999, -1e-8, 0, false))
                        .getMessage());
        assertEquals(
                "Invalid learning rate: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Adam(ps, -1.0))
                        .getMessage());
    }

    /** PyTorch 1.13's _single_tensor_adam / _single_tensor_adamw, transcribed in float64. */
    private static final class Reference {
        final double[] p;
        final double[] m;
        final double[] v;
        final double[] vMax;
        /** The settings; only its plain values are read, none of Adam's code runs. */
        final Adam.Options o;

        final boolean decoupled;
        int step;

        Reference(double[] p, Adam.Options o, boolean decoupled) {
            this.p = p.clone();
            this.m = new double[p.length];
            this.v = new double[p.length];
            this.vMax = new double[p.length];
            this.o = o;
            this.decoupled = decoupled;
        }

        void step(float[] grad) {
            step++;
            double lr = o.lr();
            double b1 = o.beta1();
            double b2 = o.beta2();
            double wd = o.weightDecay();
            double bc1 = 1 - Math.pow(b1, step);
            double bc2 = 1 - Math.pow(b2, step);
            for (int i = 0; i < p.length; i++) {
                double g = grad[i];
                if (decoupled) {
                    p[i] *= 1 - lr * wd;
                } else {
                    g += wd * p[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                vMax[i] = Math.max(vMax[i], v[i]);
                double second = o.amsgrad() ? vMax[i] : v[i];
                double denom = Math.sqrt(second) / Math.sqrt(bc2) + o.eps();
                p[i] -= lr / bc1 * m[i] / denom;
            }
        }
    }
}
