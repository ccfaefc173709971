package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loss modules and their options, against PyTorch's documented formulas evaluated in double. */
class LossModulesTest {
    private static final double[][] LOGITS = {{1, 2, 3}, {1, 0, -1}, {0.5, -2, 0.25}, {-1, 1, 0}};
    private static final long[] CLASSES = {1, 0, 2, 1};
    private static final double[] WEIGHT = {1, 2, 0.5};

    private static Tensor logits() {
        return Tensor.tensor(LOGITS);
    }

    /**
     * The docs' formula: q = (1 - ε)·onehot(y) + ε/C, ℓₙ = -Σ_c w_c·q_c·log softmax(x)_c (0 when
     * yₙ is ignored), the mean divided by Σₙ w_{yₙ} over the targets that count.
     */
    private static double[] crossEntropyReference(double[] w, long ignore, double eps, Reduction reduction) {
        int n = LOGITS.length;
        int c = LOGITS[0].length;
        double[] perSample = new double[n];
        double sum = 0;
        double denominator = 0;
        for (int i = 0; i < n; i++) {
            if (CLASSES[i] == ignore) {
                continue;
            }
            double lse = 0;
            for (double v : LOGITS[i]) {
                lse += Math.exp(v);
            }
            lse = Math.log(lse);
            for (int k = 0; k < c; k++) {
                double q = (k == CLASSES[i] ? 1 - eps : 0) + eps / c;
                perSample[i] -= (w == null ? 1 : w[k]) * q * (LOGITS[i][k] - lse);
            }
            sum += perSample[i];
            denominator += w == null ? 1 : w[(int) CLASSES[i]];
        }
        switch (reduction) {
            case NONE:
                return perSample;
            case SUM:
                return new double[] {sum};
            default:
                return new double[] {sum / denominator};
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Reduction.class,
            names = {"NONE", "MEAN", "SUM"})
    void crossEntropyWithWeightIgnoreIndexAndLabelSmoothing(Reduction reduction) {
        Tensor w = Tensor.tensor(WEIGHT).toFloat();
        Tensor y = Tensor.tensor(CLASSES);
        double[][] cases = {{0, -100}, {0.1, -100}, {0.25, 2}, {0, 0}};
        for (double[] c : cases) {
            double eps = c[0];
            long ignore = (long) c[1];
            for (boolean weighted : new boolean[] {false, true}) {
                CrossEntropyLoss loss = new CrossEntropyLoss(weighted ? w : null, ignore, reduction, eps);
                assertArrayEquals(
                        crossEntropyReference(weighted ? WEIGHT : null, ignore, eps, reduction),
                        loss.call(logits(), y).toDoubleArray(),
                        1e-6,
                        (weighted ? "weighted, " : "") + "ε " + eps + " ignore " + ignore);
            }
        }
    }

    @Test
    void crossEntropyKeywordsReadAsWithMethods() {
        Tensor w = Tensor.tensor(WEIGHT).toFloat();
        CrossEntropyLoss loss =
                new CrossEntropyLoss().withWeight(w).withLabelSmoothing(0.1).withIgnoreIndex(0);
        assertEquals(0.1, loss.labelSmoothing);
        assertEquals(0, loss.ignoreIndex);
        assertEquals(
                crossEntropyReference(WEIGHT, 0, 0.1, Reduction.MEAN)[0],
                loss.call(logits(), Tensor.tensor(CLASSES)).item(),
                1e-6);
        assertEquals("CrossEntropyLoss()", loss.toString());
        assertEquals(List.of("weight"), List.copyOf(loss.stateDict().keySet()));
        assertTrue(new CrossEntropyLoss().stateDict().isEmpty());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().withLabelSmoothing(1.5));
        assertEquals("label_smoothing must be between 0.0 and 1.0. Got: 1.5", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new CrossEntropyLoss().withWeight(Tensor.ones(2)).call(logits(), Tensor.tensor(CLASSES)));
        assertTrue(
                e.getMessage().startsWith("weight tensor should be defined either for all 3 classes"), e.getMessage());
    }

    @Test
    void crossEntropyWithSmoothingOnProbabilitiesAndSpatialInputs() {
        // Probability targets: q = (1 - ε)·p + ε/C, weight per class, mean over the batch.
        Tensor p = Tensor.tensor(new double[][] {{0.2, 0.3, 0.5}, {1, 0, 0}, {0, 0.5, 0.5}, {0.1, 0.1, 0.8}});
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double lse = Math.log(Math.exp(LOGITS[i][0]) + Math.exp(LOGITS[i][1]) + Math.exp(LOGITS[i][2]));
            for (int k = 0; k < 3; k++) {
                double q = 0.8 * p.getDouble(i, k) + 0.2 / 3;
                expected -= WEIGHT[k] * q * (LOGITS[i][k] - lse) / 4;
            }
        }
        Tensor w = Tensor.tensor(WEIGHT);
        assertEquals(
                expected,
                F.crossEntropy(logits().toDouble(), p, w, Reduction.MEAN, -100, 0.2)
                        .item(),
                1e-12);
        // (N, C, L): the same as flattening the positions into the batch
        Tensor x3 = Tensor.randn(new Generator(1), 2, 3, 5).toDouble();
        Tensor y3 = Tensor.randint(new Generator(2), 0, 3, 2, 5);
        Tensor flat = F.crossEntropy(x3.permute(0, 2, 1).reshape(10, 3), y3.reshape(10), w, Reduction.MEAN, -100, 0.3);
        assertEquals(
                flat.item(),
                F.crossEntropy(x3, y3, w, Reduction.MEAN, -100, 0.3).item(),
                1e-12);
    }

    @Test
    void crossEntropyGradientsMatchFiniteDifferences() {
        Tensor y = Tensor.tensor(CLASSES);
        Tensor w = Tensor.tensor(WEIGHT);
        NDArray x = NDArray.wrap(new double[] {1, 2, 3, 1, 0, -1, 0.5, -2, 0.25, -1, 1, 0}, 3, 4)
                .t(); // (4, 3) view
        GradCheck.check(t -> F.crossEntropy(t, y, w, Reduction.MEAN, 2, 0.15), x);
        GradCheck.check(t -> F.crossEntropy(t, y, null, Reduction.NONE, -100, 0.15), x);
        GradCheck.check(t -> F.nllLoss(t.logSoftmax(1), y, w, Reduction.MEAN, 0), x);
    }

    @Test
    void nllLossWeighsEachTargetAndDividesByTheWeightsThatCount() {
        Tensor logp = logits().logSoftmax(1);
        NLLLoss loss = new NLLLoss(Tensor.tensor(WEIGHT).toFloat(), 1, Reduction.MEAN);
        // targets 1, 0, 2, 1 with class 1 ignored: rows 1 (class 0, w 1) and 2 (class 2, w 0.5)
        double expected = -(1 * logp.getDouble(1, 0) + 0.5 * logp.getDouble(2, 2)) / 1.5;
        assertEquals(expected, loss.call(logp, Tensor.tensor(CLASSES)).item(), 1e-6);
        assertEquals("NLLLoss()", loss.toString());
        assertEquals(
                F.nllLoss(logp, Tensor.tensor(CLASSES)).item(),
                new NLLLoss().call(logp, Tensor.tensor(CLASSES)).item(),
                0);
    }

    /** ℓ = -w·[p·y·log σ(x) + (1 - y)·log(1 - σ(x))], the docs' formula. */
    private static double bceWithLogits(double x, double y, double w, double p) {
        double s = 1 / (1 + Math.exp(-x));
        return -w * (p * y * Math.log(s) + (1 - y) * Math.log(1 - s));
    }

    @Test
    void bceWithLogitsPosWeightAndWeight() {
        double[][] x = {{0.5, -1, 2}, {-3, 0.1, 0}};
        double[][] y = {{1, 0, 1}, {0.3, 1, 0}};
        double[] pos = {2, 0.5, 3};
        double[] w = {1, 0.25, 2};
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                sum += bceWithLogits(x[i][j], y[i][j], w[j], pos[j]);
            }
        }
        BCEWithLogitsLoss loss =
                new BCEWithLogitsLoss().withPosWeight(Tensor.tensor(pos)).withWeight(Tensor.tensor(w));
        assertEquals(sum / 6, loss.call(Tensor.tensor(x), Tensor.tensor(y)).item(), 1e-12);
        assertEquals(
                sum,
                new BCEWithLogitsLoss(Tensor.tensor(w), Reduction.SUM, Tensor.tensor(pos))
                        .call(Tensor.tensor(x), Tensor.tensor(y))
                        .item(),
                1e-12);
        assertEquals(
                List.of("weight", "pos_weight"), List.copyOf(loss.stateDict().keySet()));
        assertEquals(
                List.of("pos_weight"),
                List.copyOf(new BCEWithLogitsLoss()
                        .withPosWeight(Tensor.ones(3))
                        .stateDict()
                        .keySet()));
        assertEquals("BCEWithLogitsLoss()", loss.toString());
        // pos_weight 1 is the plain loss
        assertEquals(
                F.binaryCrossEntropyWithLogits(Tensor.tensor(x), Tensor.tensor(y))
                        .item(),
                new BCEWithLogitsLoss()
                        .withPosWeight(Tensor.ones(3).toDouble())
                        .call(Tensor.tensor(x), Tensor.tensor(y))
                        .item(),
                1e-15);
        // both inputs' gradients
        Tensor pw = Tensor.tensor(pos);
        Tensor ww = Tensor.tensor(w);
        NDArray xs = Tensor.tensor(x).data().t().contiguous().t();
        GradCheck.check(t -> F.binaryCrossEntropyWithLogits(t, Tensor.tensor(y), ww, pw, Reduction.MEAN), xs);
        GradCheck.check(
                t -> F.binaryCrossEntropyWithLogits(Tensor.tensor(x), t, ww, pw, Reduction.NONE),
                Tensor.tensor(y).data());
    }

    @Test
    void bceWeightMultipliesEachElement() {
        Tensor p = Tensor.tensor(new double[] {0.2, 0.9, 0.5});
        Tensor y = Tensor.tensor(new double[] {0, 1, 1});
        Tensor w = Tensor.tensor(new double[] {2, 1, 0.5});
        double expected = -(2 * Math.log(0.8) + Math.log(0.9) + 0.5 * Math.log(0.5)) / 3;
        assertEquals(expected, new BCELoss(w, Reduction.MEAN).call(p, y).item(), 1e-15);
        assertEquals(
                List.of("weight"),
                List.copyOf(new BCELoss(w, Reduction.MEAN).stateDict().keySet()));
        GradCheck.check(t -> F.binaryCrossEntropy(t, y, w, Reduction.SUM), p.data());
        assertEquals("BCELoss()", new BCELoss().toString());
    }

    @Test
    void smoothL1AndHuberByHand() {
        Tensor pred = Tensor.tensor(new float[] {0.5f, 2, -1});
        Tensor target = Tensor.tensor(new float[] {1, 1, 1}); // z = 0.5, 1, 2
        assertLosses(new float[] {0.125f, 0.5f, 1.5f}, new SmoothL1Loss(Reduction.NONE, 1), pred, target);
        assertLosses(new float[] {0.0625f, 0.25f, 1}, new SmoothL1Loss(Reduction.NONE, 2), pred, target);
        assertEquals(2.125 / 3, new SmoothL1Loss().call(pred, target).item(), 1e-7);
        assertEquals(
                3.5 / 3, new SmoothL1Loss(Reduction.MEAN, 0).call(pred, target).item(), 1e-7, "beta 0 is L1");
        assertLosses(new float[] {0.125f, 0.5f, 2}, new HuberLoss(Reduction.NONE, 2), pred, target);
        assertLosses(new float[] {0.125f, 0.375f, 0.875f}, new HuberLoss(Reduction.NONE, 0.5), pred, target);
        assertEquals(2.125, new HuberLoss(Reduction.SUM, 1).call(pred, target).item(), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> new HuberLoss(Reduction.MEAN, 0));
        assertThrows(IllegalArgumentException.class, () -> new SmoothL1Loss(Reduction.MEAN, -1));
        NDArray x = NDArray.wrap(new double[] {0.3, -2.2, 1.4, 0.9, -0.45, 3.1}, 3, 2)
                .t();
        Tensor t0 = Tensor.zeros(2, 3).toDouble();
        GradCheck.check(t -> F.smoothL1Loss(t, t0, Reduction.MEAN, 1.0), x);
        GradCheck.check(t -> F.huberLoss(t, t0, Reduction.SUM, 0.7), x);
        assertEquals("SmoothL1Loss()", new SmoothL1Loss().toString());
        assertEquals("HuberLoss()", new HuberLoss().toString());
    }

    @Test
    void klDivergenceWithEachReduction() {
        double[][] p = {{0.25, 0.75, 0}, {0.5, 0.2, 0.3}};
        double[][] q = {{0.5, 0.25, 0.25}, {0.1, 0.6, 0.3}};
        Tensor logq = Tensor.tensor(q).log();
        double total = 0;
        double[] pointwise = new double[6];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                pointwise[3 * i + j] = p[i][j] == 0 ? 0 : p[i][j] * (Math.log(p[i][j]) - Math.log(q[i][j]));
                total += pointwise[3 * i + j];
            }
        }
        Tensor target = Tensor.tensor(p);
        assertArrayEquals(
                pointwise,
                new KLDivLoss(Reduction.NONE, false).call(logq, target).toDoubleArray(),
                1e-15);
        assertEquals(
                total / 2,
                new KLDivLoss(Reduction.BATCHMEAN, false).call(logq, target).item(),
                1e-15);
        assertEquals(total / 6, new KLDivLoss().call(logq, target).item(), 1e-15);
        assertEquals(
                total, new KLDivLoss(Reduction.SUM, false).call(logq, target).item(), 1e-15);
        // log_target: the same divergence with the target as log-probabilities (p > 0 only)
        Tensor rowTwo = Tensor.tensor(new double[][] {p[1]});
        Tensor logqTwo = Tensor.tensor(new double[][] {q[1]}).log();
        assertEquals(
                F.klDiv(logqTwo, rowTwo, Reduction.SUM, false).item(),
                new KLDivLoss(Reduction.SUM, true).call(logqTwo, rowTwo.log()).item(),
                1e-15);
        GradCheck.check(t -> F.klDiv(t, target, Reduction.BATCHMEAN, false), logq.data());
        GradCheck.check(
                t -> F.klDiv(logq, t, Reduction.SUM, true), rowTwo.log().data().expand(2, 3));
        // the target's gradient stays finite where it is 0
        Tensor t = target.clone().requiresGrad_();
        F.klDiv(logq, t, Reduction.SUM, false).backward();
        for (double g : t.grad().toDoubleArray()) {
            assertTrue(Double.isFinite(g));
        }
        assertEquals("KLDivLoss()", new KLDivLoss().toString());
    }

    @Test
    void mseAndL1ModulesAndTheBatchmeanRule() {
        Tensor pred = Tensor.tensor(new float[] {0.5f, 2, -1});
        Tensor target = Tensor.tensor(new float[] {1, 1, 1});
        assertEquals(
                F.mseLoss(pred, target).item(), new MSELoss().call(pred, target).item(), 0);
        assertEquals(
                F.l1Loss(pred, target, Reduction.SUM).item(),
                new L1Loss(Reduction.SUM).call(pred, target).item(),
                0);
        assertEquals("MSELoss()", new MSELoss().toString());
        assertEquals(Reduction.BATCHMEAN, Reduction.of("batchmean"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new MSELoss(Reduction.BATCHMEAN).call(pred, target));
        assertEquals("batchmean is not a valid value for reduction", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> F.crossEntropy(logits(), Tensor.tensor(CLASSES), Reduction.BATCHMEAN));
        // a loss is a two-input module: its one-tensor call names the fix
        assertThrows(UnsupportedOperationException.class, () -> new MSELoss().call(pred));
    }

    /** The per-element losses of a {@code Reduction.NONE} loss, to float32 precision. */
    private static void assertLosses(float[] expected, Loss loss, Tensor input, Tensor target) {
        assertArrayEquals(expected, loss.call(input, target).toFloatArray(), 1e-7f);
    }
}
