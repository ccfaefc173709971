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
import org.junit.jupiter.api.Test;

class LinearTest {
    @Test
    void initialWeightsLieWithinPyTorchsBounds() {
        for (int in : new int[] {1, 3, 7, 784}) {
            Linear lin = new Linear(in, 5, true, new Generator(in));
            double bound = 1 / Math.sqrt(in);
            for (float w : lin.weight.toFloatArray()) {
                assertTrue(Math.abs(w) <= bound, w + " outside ±" + bound);
            }
            for (float b : lin.bias.toFloatArray()) {
                assertTrue(Math.abs(b) <= bound, b + " outside ±" + bound);
            }
        }
    }

    @Test
    void weightsFillTheirRangeUniformly() {
        // Kaiming-uniform with a = √5 is U(-1/√in, 1/√in): mean 0, variance bound²/3.
        int in = 100;
        Linear lin = new Linear(in, 400, true, new Generator(3));
        float[] w = lin.weight.toFloatArray();
        double mean = 0;
        double sq = 0;
        for (float v : w) {
            mean += v;
            sq += v * v;
        }
        mean /= w.length;
        double var = sq / w.length - mean * mean;
        double bound = 1 / Math.sqrt(in);
        assertEquals(0, mean, 0.01 * bound);
        assertEquals(bound * bound / 3, var, 0.03 * bound * bound / 3);
    }

    @Test
    void theSeedFixesTheWeights() {
        Linear a = new Linear(4, 3, true, new Generator(42));
        Linear b = new Linear(4, 3, true, new Generator(42));
        Linear c = new Linear(4, 3, true, new Generator(43));
        assertTrue(a.weight.equal(b.weight));
        assertTrue(a.bias.equal(b.bias));
        assertFalse(a.weight.equal(c.weight));

        Generator.manualSeed(5);
        Linear d = new Linear(4, 3);
        Generator.manualSeed(5);
        Linear e = new Linear(4, 3);
        assertTrue(d.weight.equal(e.weight), "manualSeed makes the default generator repeat");
        assertTrue(d.bias.equal(e.bias));
    }

    @Test
    void forwardIsXWTransposedPlusB() {
        Linear lin = new Linear(3, 2, true, new Generator(1));
        Tensor x = Tensor.tensor(new float[][] {{1, 2, 3}, {-1, 0.5f, 4}});
        float[] w = lin.weight.toFloatArray();
        float[] b = lin.bias.toFloatArray();
        float[] y = lin.call(x).toFloatArray();
        float[] xs = x.toFloatArray();
        for (int r = 0; r < 2; r++) {
            for (int o = 0; o < 2; o++) {
                double expect = b[o];
                for (int i = 0; i < 3; i++) {
                    expect += xs[r * 3 + i] * w[o * 3 + i];
                }
                assertEquals(expect, y[r * 2 + o], 1e-5);
            }
        }
        assertArrayEquals(new int[] {2, 2}, lin.call(x).shape().toArray());
    }

    @Test
    void batchesOfAnyRankAndNoBias() {
        Linear lin = new Linear(3, 4, false, new Generator(2));
        assertNull(lin.bias);
        assertEquals(1, lin.parameters().size());
        Tensor x = Tensor.of(NDArray.rand(new Generator(0), 2, 5, 3));
        assertArrayEquals(new int[] {2, 5, 4}, lin.call(x).shape().toArray());
        assertArrayEquals(new int[] {4}, lin.call(Tensor.ones(3)).shape().toArray());
    }

    @Test
    void wrongInputWidthFailsWithTheMatmulMessage() {
        Linear lin = new Linear(3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lin.call(Tensor.ones(5, 2)));
        assertEquals("mat1 and mat2 shapes cannot be multiplied (5x2 and 3x1)", e.getMessage());
    }

    @Test
    void gradientsReachWeightAndBias() {
        Linear lin = new Linear(2, 1, true, new Generator(9));
        Tensor x = Tensor.tensor(new float[][] {{1, 2}, {3, 4}});
        lin.call(x).sum().backward();
        assertArrayEquals(new float[] {4, 6}, lin.weight.grad().toFloatArray());
        assertArrayEquals(new float[] {2}, lin.bias.grad().toFloatArray());
    }
}
