package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import org.junit.jupiter.api.Test;

class LayersTest {
    private static final Tensor X = Tensor.tensor(new float[][] {{-2, -0.5f, 0}, {0.5f, 1, 3}});

    @Test
    void activations() {
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, 1, 3}, new ReLU().call(X).toFloatArray());
        float[] x = X.toFloatArray();
        float[] s = new Sigmoid().call(X).toFloatArray();
        float[] t = new Tanh().call(X).toFloatArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(1 / (1 + Math.exp(-x[i])), s[i], 1e-6);
            assertEquals(Math.tanh(x[i]), t[i], 1e-6);
        }
        assertSame(X, new Identity().call(X));
    }

    @Test
    void softmaxLayersNormaliseAlongTheirDim() {
        // The tutorial's Lab-06: softmax([1, 2, 3]) = [0.0900, 0.2447, 0.6652]
        Tensor z = Tensor.tensor(new float[] {1, 2, 3});
        Tensor p = new Softmax(0).call(z);
        assertEquals("tensor([0.0900, 0.2447, 0.6652])", p.toString());
        assertEquals(1.0, p.sum().item(), 1e-6);
        Tensor rows = new Softmax(1).call(X);
        for (float v : rows.sum(1).toFloatArray()) {
            assertEquals(1.0, v, 1e-6);
        }
        Tensor logp = new LogSoftmax(1).call(X);
        assertTrue(logp.allclose(rows.log(), 1e-5, 1e-6));
    }

    @Test
    void flattenKeepsTheBatchDimByDefault() {
        Tensor images = Tensor.zeros(4, 1, 28, 28);
        assertArrayEquals(new int[] {4, 784}, new Flatten().call(images).shape().toArray());
        assertArrayEquals(
                new int[] {4 * 28, 28}, new Flatten(0, 2).call(images).shape().toArray());
    }

    @Test
    void dropoutIsTheIdentityInEval() {
        Dropout d = new Dropout(0.5);
        d.eval();
        Tensor x = Tensor.ones(100);
        assertSame(x, d.call(x));
    }

    @Test
    void dropoutInTrainingDropsAboutPAndRescalesTheRest() {
        Generator.manualSeed(11);
        Dropout d = new Dropout(0.3);
        Tensor x = Tensor.full(2.0, 200, 100);
        float[] y = d.call(x).toFloatArray();
        int dropped = 0;
        for (float v : y) {
            if (v == 0) {
                dropped++;
            } else {
                assertEquals(2.0 / 0.7, v, 1e-6);
            }
        }
        assertEquals(0.3, dropped / (double) y.length, 0.01);
    }

    @Test
    void dropoutGradientFollowsTheMask() {
        Tensor x = Tensor.ones(50).requiresGrad_();
        Tensor y = F.dropout(x, 0.5, true, new Generator(3));
        y.sum().backward();
        assertArrayEquals(y.toFloatArray(), x.grad().toFloatArray());
    }

    @Test
    void dropoutEdgeProbabilities() {
        Tensor x = Tensor.full(3.0, 10);
        assertTrue(F.dropout(x, 0.0).equal(x));
        assertTrue(F.dropout(x, 1.0).equal(Tensor.zeros(10)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5", e.getMessage());
    }

    @Test
    void batchNormTrainingNormalisesWithBatchStatistics() {
        BatchNorm1d bn = new BatchNorm1d(3);
        Tensor x = Tensor.tensor(new float[][] {{1, 10, -3}, {2, 20, -3}, {3, 30, 3}, {6, 0, 3}});
        Tensor y = bn.call(x);
        float[] mean = y.mean(0).toFloatArray();
        float[] var = y.var(0, false, false).toFloatArray();
        for (int c = 0; c < 3; c++) {
            assertEquals(0, mean[c], 1e-6);
            assertEquals(1, var[c], 1e-4); // var/(var+eps)
        }
    }

    @Test
    void batchNormRunningStatisticsFollowPyTorchsUpdate() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Tensor.tensor(new float[][] {{1, 4}, {3, 8}});
        bn.call(x);
        // mean (2, 6); unbiased var (2, 8); running = 0.9·old + 0.1·batch
        assertArrayEquals(new float[] {0.2f, 0.6f}, bn.runningMean().toFloatArray(), 1e-7f);
        assertArrayEquals(
                new float[] {0.9f + 0.2f, 0.9f + 0.8f}, bn.runningVar().toFloatArray(), 1e-6f);
        assertEquals(1, bn.numBatchesTracked().itemLong());
        bn.call(x);
        assertArrayEquals(new float[] {0.38f, 1.14f}, bn.runningMean().toFloatArray(), 1e-6f);
        assertEquals(2, bn.numBatchesTracked().itemLong());
    }

    @Test
    void batchNormEvalUsesRunningStatisticsAndLeavesThemAlone() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.runningMean().data().copy_(NDArray.tensor(new float[] {1, 2}));
        bn.runningVar().data().copy_(NDArray.tensor(new float[] {4, 9}));
        bn.weight.data().copy_(NDArray.tensor(new float[] {2, 1}));
        bn.bias.data().copy_(NDArray.tensor(new float[] {0.5f, 0}));
        bn.eval();
        Tensor y = bn.call(Tensor.tensor(new float[][] {{3, 5}}));
        // (3 - 1)/√(4 + 1e-5)·2 + 0.5, (5 - 2)/√(9 + 1e-5)
        assertEquals(2 / Math.sqrt(4 + 1e-5) * 2 + 0.5, y.getDouble(0, 0), 1e-6);
        assertEquals(3 / Math.sqrt(9 + 1e-5), y.getDouble(0, 1), 1e-6);
        assertArrayEquals(new float[] {1, 2}, bn.runningMean().toFloatArray());
        assertEquals(0, bn.numBatchesTracked().itemLong());
    }

    @Test
    void batchNormOnThreeDimensionalInputAndCumulativeAverage() {
        BatchNorm1d bn = new BatchNorm1d(2, 1e-5, null, false, true);
        Tensor x = Tensor.of(NDArray.rand(new Generator(4), 3, 2, 5));
        Tensor y = bn.call(x);
        assertArrayEquals(new int[] {3, 2, 5}, y.shape().toArray());
        float[] m = y.mean(new int[] {0, 2}, false).toFloatArray();
        assertEquals(0, m[0], 1e-5);
        assertEquals(0, m[1], 1e-5);
        // momentum None: the first batch's statistics become the running ones
        float[] batchMean = x.mean(new int[] {0, 2}, false).toFloatArray();
        assertArrayEquals(batchMean, bn.runningMean().toFloatArray(), 1e-6f);
        assertEquals("BatchNorm1d(2, eps=1e-05, momentum=None, affine=False, track_running_stats=True)", bn.toString());
    }

    @Test
    void batchNormGradientsReachGammaAndBeta() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Tensor.tensor(new float[][] {{1, 4}, {3, 8}, {2, 1}}).requiresGrad_();
        bn.call(x).mul(Tensor.tensor(new float[] {1, 2})).sum().backward();
        assertArrayEquals(new float[] {3, 6}, bn.bias.grad().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, bn.weight.grad().toFloatArray(), 1e-5f);
        // Σ of normalised values is 0, so a constant upstream gradient gives x no gradient
        for (float g : x.grad().toFloatArray()) {
            assertEquals(0, g, 1e-5);
        }
    }

    @Test
    void batchNormChecksItsInput() {
        BatchNorm1d bn = new BatchNorm1d(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.call(Tensor.zeros(3)));
        assertEquals("expected 2D or 3D input (got 1D input)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bn.call(Tensor.zeros(1, 3)));
        assertEquals(
                "Expected more than 1 value per channel when training, got input size torch.Size([1, 3])",
                e.getMessage());
        bn.eval();
        assertArrayEquals(new int[] {1, 3}, bn.call(Tensor.zeros(1, 3)).shape().toArray());
    }
}
