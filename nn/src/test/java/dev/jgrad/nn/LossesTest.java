package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LossesTest {
    private static final Tensor PRED = Tensor.tensor(new float[][] {{0.5f}, {2}, {-1}});
    private static final Tensor TARGET = Tensor.tensor(new float[][] {{1}, {1}, {1}});

    @Test
    void mseAndL1WithEachReduction() {
        // differences -0.5, 1, -2
        assertEquals((0.25 + 1 + 4) / 3, F.mseLoss(PRED, TARGET).item(), 1e-6);
        assertEquals(5.25, F.mseLoss(PRED, TARGET, Reduction.SUM).item(), 1e-6);
        assertArrayEquals(
                new float[] {0.25f, 1, 4},
                F.mseLoss(PRED, TARGET, Reduction.NONE).toFloatArray());
        assertEquals(3.5 / 3, F.l1Loss(PRED, TARGET).item(), 1e-6);
        assertEquals(3.5, F.l1Loss(PRED, TARGET, Reduction.SUM).item(), 1e-6);
        assertArrayEquals(
                new int[] {3, 1}, F.l1Loss(PRED, TARGET, Reduction.NONE).shape().toArray());
        assertEquals(Reduction.SUM, Reduction.of("sum"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reduction.of("avg"));
        assertEquals("avg is not a valid value for reduction", e.getMessage());
    }

    @Test
    void mseNamesItsNodeAsPyTorch() {
        Tensor p = PRED.clone().requiresGrad_();
        Tensor cost = F.mseLoss(p, TARGET);
        assertEquals("MseLossBackward0", cost.gradFn().name());
        cost.backward();
        // 2/3 · (p - y)
        assertArrayEquals(new float[] {-1 / 3f, 2 / 3f, -4 / 3f}, p.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void mseBroadcastsDifferentShapesAsPyTorchDoes() {
        // (3, 1) against (3): PyTorch warns and broadcasts to (3, 3).
        Tensor flat = Tensor.tensor(new float[] {1, 1, 1});
        assertEquals(F.mseLoss(PRED, TARGET).item(), F.mseLoss(PRED, flat).item(), 1e-6);
        Tensor p = PRED.clone().requiresGrad_();
        F.mseLoss(p, flat).backward();
        assertArrayEquals(new int[] {3, 1}, p.grad().shape().toArray());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> F.mseLoss(Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("must match"), e.getMessage());
    }

    @Test
    void binaryCrossEntropyMatchesTheTutorial() {
        // Lab-05: sigmoid(0) = 0.5 everywhere gives ln 2
        Tensor h = Tensor.full(0.5, 6, 1).requiresGrad_();
        Tensor y = Tensor.tensor(new float[][] {{0}, {0}, {0}, {1}, {1}, {1}});
        Tensor cost = F.binaryCrossEntropy(h, y);
        assertEquals("tensor(0.6931, grad_fn=<BinaryCrossEntropyBackward0>)", cost.toString());
        assertEquals(0.6931471824645996, cost.item(), 0);
        Tensor manual = y.mul(h.log())
                .add(y.neg().add(1).mul(h.neg().add(1).log()))
                .neg()
                .mean();
        assertEquals(manual.item(), cost.item(), 1e-7);
    }

    @Test
    void binaryCrossEntropyClampsItsLogsAtMinus100() {
        Tensor x = Tensor.tensor(new float[] {0, 1, 0, 1});
        Tensor y = Tensor.tensor(new float[] {1, 0, 0, 1});
        assertArrayEquals(
                new float[] {100, 100, 0, 0},
                F.binaryCrossEntropy(x, y, Reduction.NONE).toFloatArray(),
                0f);
        Tensor xg = x.clone().requiresGrad_();
        F.binaryCrossEntropy(xg, y, Reduction.SUM).backward();
        for (float g : xg.grad().toFloatArray()) {
            assertTrue(Float.isFinite(g), "EPSILON keeps the gradient finite");
        }
    }

    @Test
    void binaryCrossEntropyRejectsBadInputs() {
        Tensor y = Tensor.tensor(new float[] {0, 1});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> F.binaryCrossEntropy(Tensor.tensor(new float[] {0.5f, 1.5f}), y));
        assertEquals("all elements of input should be between 0 and 1", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> F.binaryCrossEntropy(Tensor.tensor(new float[] {0.5f, Float.NaN}), y));
        e = assertThrows(
                IllegalArgumentException.class,
                () -> F.binaryCrossEntropy(Tensor.tensor(new float[] {0.5f, 0.5f}), Tensor.tensor(new float[] {0, 2})));
        assertEquals("all elements of target should be between 0 and 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.binaryCrossEntropy(Tensor.full(0.5, 2, 1), y));
        assertEquals(
                "Using a target size (torch.Size([2])) that is different to the input size (torch.Size([2, 1]))"
                        + " is deprecated. Please ensure they have the same size.",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.binaryCrossEntropyWithLogits(Tensor.zeros(2, 1), y));
        assertEquals(
                "Target size (torch.Size([2])) must be the same as input size (torch.Size([2, 1]))", e.getMessage());
    }

    @Test
    void withLogitsEqualsSigmoidThenBceAndStaysStable() {
        Tensor z = Tensor.tensor(new float[] {-3, -0.5f, 0, 2, 4});
        Tensor y = Tensor.tensor(new float[] {0, 1, 0.5f, 1, 0});
        assertEquals(
                F.binaryCrossEntropy(z.sigmoid(), y).item(),
                F.binaryCrossEntropyWithLogits(z, y).item(),
                1e-6);
        Tensor big = Tensor.tensor(new float[] {-200, 200});
        Tensor t = Tensor.tensor(new float[] {1, 0});
        assertArrayEquals(
                new float[] {200, 200},
                F.binaryCrossEntropyWithLogits(big, t, Reduction.NONE).toFloatArray());
    }

    @ParameterizedTest
    @EnumSource(
            value = Reduction.class,
            names = {"NONE", "MEAN", "SUM"}) // BATCHMEAN is kl_div's only
    void lossGradientsMatchFiniteDifferences(Reduction r) {
        Generator g = new Generator(17);
        NDArray x = NDArray.rand(g, 3, 5).toDouble();
        NDArray probs = x.mul(0.9).add(0.05);
        Tensor yReal = Tensor.of(NDArray.randn(g, 3, 5).toDouble());
        Tensor yBinary = Tensor.of(NDArray.rand(g, 3, 5).toDouble());
        Tensor classes = Tensor.tensor(new long[] {4, 0, 2});
        GradCheck.check(t -> F.mseLoss(t, yReal, r), x);
        GradCheck.check(t -> F.l1Loss(t, yReal, r), x);
        GradCheck.check(t -> F.binaryCrossEntropy(t, yBinary, r), probs);
        GradCheck.check(
                t -> F.binaryCrossEntropyWithLogits(t, yBinary, r),
                NDArray.randn(g, 3, 5).toDouble());
        GradCheck.check(t -> F.nllLoss(t, classes, r), NDArray.randn(g, 3, 5).toDouble());
        GradCheck.check(
                t -> F.crossEntropy(t, classes, r),
                NDArray.randn(g, 3, 5).toDouble().mul(3));
        // the target's gradient, where PyTorch has one
        GradCheck.check(t -> F.mseLoss(Tensor.of(x), t, r), yReal.data());
        GradCheck.check(t -> F.binaryCrossEntropy(Tensor.of(probs), t, r), yBinary.data());
        GradCheck.check(t -> F.binaryCrossEntropyWithLogits(Tensor.of(x), t, r), yBinary.data());
    }

    @Test
    void theThreeCrossEntropyFormsAgree() {
        // Lab-06: one-hot low-level cost, nll_loss(log_softmax(z)) and cross_entropy(z)
        Generator g = new Generator(1);
        Tensor z = Tensor.rand(g, 3, 5).requiresGrad_();
        Tensor y = Tensor.randint(g, 0, 5, 3);
        Tensor hypothesis = F.softmax(z, 1);
        Tensor yOneHot = Tensor.zerosLike(hypothesis);
        yOneHot.scatter_(1, y.unsqueeze(1), 1);
        Tensor low = yOneHot.mul(hypothesis.log().neg()).sum(1).mean();
        Tensor nll = F.nllLoss(F.logSoftmax(z, 1), y);
        Tensor ce = F.crossEntropy(z, y);
        assertEquals(low.item(), nll.item(), 1e-6);
        assertEquals(low.item(), ce.item(), 1e-6);
        assertEquals("NllLossBackward0", ce.gradFn().name());
        assertTrue(F.oneHot(y, 5).toFloat().equal(yOneHot));
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Tensor z = Tensor.tensor(new float[][] {{1000, 0, -1000}, {0, 0, 0}});
        Tensor y = Tensor.tensor(new long[] {0, 2});
        Tensor loss = F.crossEntropy(z, y, Reduction.NONE);
        assertArrayEquals(new float[] {0, (float) Math.log(3)}, loss.toFloatArray(), 1e-6f);
    }

    @Test
    void crossEntropyPropertiesOnRandomShapes() {
        Generator g = new Generator(99);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + (int) g.nextLong(9);
            int c = 1 + (int) g.nextLong(7);
            boolean transposed = trial % 2 == 1;
            Tensor z = transposed ? Tensor.randn(g, c, n).t() : Tensor.randn(g, n, c);
            Tensor y = Tensor.randint(g, 0, c, n);
            Tensor perSample = F.crossEntropy(z, y, Reduction.NONE);
            float[] zs = z.contiguous().toFloatArray();
            long[] ys = y.toLongArray();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    max = Math.max(max, zs[i * c + k]);
                }
                double s = 0;
                for (int k = 0; k < c; k++) {
                    s += Math.exp(zs[i * c + k] - max);
                }
                double expect = max + Math.log(s) - zs[i * c + (int) ys[i]];
                assertEquals(expect, perSample.getDouble(i), 1e-5 * Math.max(1, expect));
                sum += expect;
            }
            assertEquals(sum / n, F.crossEntropy(z, y).item(), 1e-5 * Math.max(1, sum / n));
            assertEquals(sum, F.crossEntropy(z, y, Reduction.SUM).item(), 1e-4 * Math.max(1, sum));
        }
    }

    @Test
    void nllLossHandlesUnbatchedHigherRankAndIgnoredTargets() {
        Tensor logp = Tensor.tensor(new float[] {-1, -2, -3});
        assertEquals(2, F.nllLoss(logp, Tensor.scalar(1, DType.INT64)).item(), 0);
        Tensor x = Tensor.tensor(new float[][] {{-1, -2}, {-3, -4}, {-5, -6}});
        Tensor t = Tensor.tensor(new long[] {1, -100, 0});
        assertEquals((2 + 5) / 2.0, F.nllLoss(x, t).item(), 1e-6);
        assertArrayEquals(new float[] {2, 0, 5}, F.nllLoss(x, t, Reduction.NONE).toFloatArray());
        // (N, C, d): class scores on dim 1
        Tensor images = Tensor.randn(new Generator(2), 2, 3, 4);
        Tensor labels = Tensor.randint(new Generator(3), 0, 3, 2, 4);
        Tensor perPixel = F.crossEntropy(images, labels, Reduction.NONE);
        assertArrayEquals(new int[] {2, 4}, perPixel.shape().toArray());
        Tensor rows = images.permute(0, 2, 1).reshape(8, 3);
        assertTrue(perPixel.reshape(8).allclose(F.crossEntropy(rows, labels.reshape(8), Reduction.NONE), 1e-6, 1e-6));
    }

    @Test
    void classificationLossesRejectBadTargets() {
        Tensor x = Tensor.zeros(3, 5);
        IndexOutOfBoundsException oob = assertThrows(
                IndexOutOfBoundsException.class, () -> F.crossEntropy(x, Tensor.tensor(new long[] {0, 5, 1})));
        assertEquals("Target 5 is out of bounds.", oob.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> F.nllLoss(x, Tensor.tensor(new long[] {0, -1, 1})));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> F.crossEntropy(x, Tensor.tensor(new long[] {0, 1})));
        assertEquals("Expected input batch_size (3) to match target batch_size (2).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.nllLoss(x, Tensor.tensor(new int[] {0, 1, 2})));
        assertEquals("expected scalar type Long but found Int", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.nllLoss(x, Tensor.zeros(DType.INT64, 3, 2)));
        assertEquals("0D or 1D target tensor expected, multi-target not supported", e.getMessage());
    }

    @Test
    void crossEntropyWithClassProbabilities() {
        Tensor z = Tensor.tensor(new float[][] {{1, 2, 3}, {0, 0, 1}});
        Tensor hard = Tensor.tensor(new long[] {2, 0});
        Tensor soft = F.oneHot(hard, 3).toFloat();
        assertEquals(F.crossEntropy(z, hard).item(), F.crossEntropy(z, soft).item(), 1e-6);
    }

    @Test
    void oneHot() {
        Tensor t = Tensor.tensor(new long[] {0, 2, 1});
        assertEquals(
                "tensor([[1, 0, 0],\n        [0, 0, 1],\n        [0, 1, 0]])",
                F.oneHot(t).toString());
        assertArrayEquals(new int[] {3, 5}, F.oneHot(t, 5).shape().toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.oneHot(t, 2));
        assertEquals("Class values must be smaller than num_classes.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.oneHot(Tensor.tensor(new long[] {-1})));
        assertEquals("Class values must be non-negative.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.oneHot(Tensor.tensor(new float[] {1})));
        assertEquals("one_hot is only applicable to index tensor.", e.getMessage());
    }

    @Test
    void theBroadcastWarningComesOncePerShapePair() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.jgrad.nn");
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                seen.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(h);
        try {
            for (int i = 0; i < 3; i++) {
                F.mseLoss(Tensor.zeros(7, 1), Tensor.zeros(7));
            }
        } finally {
            log.removeHandler(h);
        }
        assertEquals(
                java.util.List.of("Using a target size (torch.Size([7])) that is different to the input size"
                        + " (torch.Size([7, 1])). This will likely lead to incorrect results due to broadcasting."
                        + " Please ensure they have the same size."),
                seen);
    }
}
