package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerNormEmbeddingTest {
    @Test
    void layerNormNormalisesEachRowByHand() {
        // row [1, 2, 3, 6]: mean 3, biased var (4 + 1 + 0 + 9)/4 = 3.5
        LayerNorm ln = new LayerNorm(4);
        Tensor y = ln.call(Tensor.tensor(new float[][] {{1, 2, 3, 6}, {2, 2, 2, 2}}));
        double s = Math.sqrt(3.5 + 1e-5);
        assertArrayEquals(
                new float[] {(float) (-2 / s), (float) (-1 / s), 0, (float) (3 / s), 0, 0, 0, 0},
                y.toFloatArray(),
                1e-6f);
        assertEquals(List.of("weight", "bias"), List.copyOf(ln.stateDict().keySet()));
        assertArrayEquals(new float[] {1, 1, 1, 1}, ln.weight.toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 0}, ln.bias.toFloatArray());
        assertEquals("LayerNorm((4,), eps=1e-05, elementwise_affine=True)", ln.toString());
    }

    @Test
    void layerNormOverTwoTrailingDimsWithAffine() {
        LayerNorm ln = new LayerNorm(new int[] {2, 3}, 1e-3, true, true);
        ln.weight.data().copy_(NDArray.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        ln.bias.data().fill_(0.5);
        Tensor x = Tensor.randn(new Generator(3), 4, 2, 3);
        Tensor y = ln.call(x);
        float[] xs = x.toFloatArray();
        float[] ys = y.toFloatArray();
        for (int b = 0; b < 4; b++) {
            double mean = 0;
            double var = 0;
            for (int i = 0; i < 6; i++) {
                mean += xs[6 * b + i] / 6.0;
            }
            for (int i = 0; i < 6; i++) {
                var += Math.pow(xs[6 * b + i] - mean, 2) / 6;
            }
            for (int i = 0; i < 6; i++) {
                double expected = (xs[6 * b + i] - mean) / Math.sqrt(var + 1e-3) * (i + 1) + 0.5;
                assertEquals(expected, ys[6 * b + i], 1e-5);
            }
        }
        assertEquals("LayerNorm((2, 3), eps=0.001, elementwise_affine=True)", ln.toString());
        LayerNorm plain = new LayerNorm(new int[] {3}, 1e-5, false, true);
        assertNull(plain.weight);
        assertNull(plain.bias);
        assertTrue(plain.stateDict().isEmpty());
        LayerNorm noBias = new LayerNorm(new int[] {3}, 1e-5, true, false);
        assertEquals(List.of("weight"), List.copyOf(noBias.stateDict().keySet()));
    }

    @Test
    void layerNormGradientsMatchFiniteDifferences() {
        NDArray x = NDArray.randn(new Generator(4), 3, 5).toDouble().t(); // (5, 3), non-contiguous
        Tensor w = Tensor.of(NDArray.wrap(new double[] {0.5, -1, 2}, 3));
        Tensor b = Tensor.of(NDArray.wrap(new double[] {0.1, 0.2, 0.3}, 3));
        GradCheck.check(t -> F.layerNorm(t, new int[] {3}, w, b, 1e-5), x);
        GradCheck.check(t -> F.layerNorm(t, new int[] {5, 3}, null, null, 1e-5), x);
    }

    @Test
    void layerNormRejectsAMismatchedShape() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new LayerNorm(4).call(Tensor.zeros(2, 3)));
        assertEquals(
                "Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]",
                e.getMessage());
    }

    @Test
    void embeddingLooksUpRowsAndStartsFromNormalDraws() {
        Embedding emb = new Embedding(10, 3, null, new Generator(1));
        assertEquals(List.of("weight"), List.copyOf(emb.stateDict().keySet()));
        assertEquals("Embedding(10, 3)", emb.toString());
        Tensor idx = Tensor.tensor(new long[][] {{1, 2, 4}, {4, 3, 9}});
        Tensor y = emb.call(idx);
        assertArrayEquals(new int[] {2, 3, 3}, y.shape().toArray());
        assertTrue(y.get(1, 0).equal(emb.weight.detach().get(4)));
        assertTrue(y.get(0, 2).equal(y.get(1, 0)));
        // N(0, 1) draws: mean near 0 and std near 1 over a big table
        Embedding big = new Embedding(1000, 50, null, new Generator(2));
        assertEquals(0, big.weight.mean().item(), 0.01);
        assertEquals(1, big.weight.std().item(), 0.01);
        // int32 indices work too
        assertTrue(emb.call(Tensor.tensor(new int[] {4}))
                .get(0)
                .equal(emb.weight.detach().get(4)));
    }

    @Test
    void embeddingGradientAddsUpRepeatedRowsAndSkipsPadding() {
        Embedding emb = new Embedding(5, 2, 0, new Generator(3));
        assertArrayEquals(new float[] {0, 0}, emb.weight.detach().get(0).toFloatArray());
        assertEquals("Embedding(5, 2, padding_idx=0)", emb.toString());
        Tensor idx = Tensor.tensor(new long[] {0, 2, 2, 4, 0});
        Tensor upstream = Tensor.of(NDArray.arange(1.0, 11.0, 1.0).toFloat().view(5, 2));
        emb.call(idx).mul(upstream).sum().backward();
        assertArrayEquals(
                new float[] {0, 0, 0, 0, 3 + 5, 4 + 6, 0, 0, 7, 8},
                emb.weight.grad().toFloatArray());
        assertEquals("EmbeddingBackward0", emb.call(idx).gradFn().name());

        Embedding last = new Embedding(5, 2, -1);
        assertEquals(4, last.paddingIdx);
        assertEquals("Embedding(5, 2, padding_idx=4)", last.toString());
    }

    @Test
    void embeddingChecksIndicesAndSettings() {
        Embedding emb = new Embedding(5, 2);
        IndexOutOfBoundsException e =
                assertThrows(IndexOutOfBoundsException.class, () -> emb.call(Tensor.tensor(new long[] {1, 5})));
        assertTrue(e.getMessage().startsWith("index out of range in self"), e.getMessage());
        IllegalArgumentException f =
                assertThrows(IllegalArgumentException.class, () -> emb.call(Tensor.tensor(new float[] {1})));
        assertTrue(f.getMessage().contains("Long, Int; but got Float"), f.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Embedding(5, 2, 5));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(5, 2, -6));
    }

    @Test
    void fromPretrainedSharesTheTableAndFreezesIt() {
        Tensor table = Tensor.tensor(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        Embedding frozen = Embedding.fromPretrained(table, true);
        assertFalse(frozen.weight.requiresGrad());
        assertTrue(frozen.call(Tensor.tensor(new long[] {2})).equal(Tensor.tensor(new float[][] {{5, 6}})));
        assertEquals("Embedding(3, 2)", frozen.toString());
        assertTrue(Embedding.fromPretrained(Tensor.tensor(new float[][] {{1}}), false)
                .weight
                .requiresGrad());
    }

    @Test
    void functionalEmbeddingPaddingOnlyStopsTheGradient() {
        Tensor w = Tensor.tensor(new float[][] {{1, 1}, {2, 2}}).requiresGrad_();
        Tensor y = F.embedding(Tensor.tensor(new long[] {0, 1}), w, 1);
        assertArrayEquals(new float[] {1, 1, 2, 2}, y.toFloatArray());
        y.sum().backward();
        assertArrayEquals(new float[] {1, 1, 0, 0}, w.grad().toFloatArray());
    }
}
