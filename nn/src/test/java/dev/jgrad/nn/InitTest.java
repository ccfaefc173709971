package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.init.Init;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

class InitTest {
    @Test
    void gains() {
        assertEquals(1, Init.calculateGain("linear"));
        assertEquals(1, Init.calculateGain("sigmoid"));
        assertEquals(5.0 / 3, Init.calculateGain("tanh"));
        assertEquals(Math.sqrt(2), Init.calculateGain("relu"));
        assertEquals(Math.sqrt(2 / 1.0001), Init.calculateGain("leaky_relu"), 1e-15);
        assertEquals(Math.sqrt(1 / 3.0), Init.calculateGain("leaky_relu", Math.sqrt(5)), 1e-15);
        assertEquals(0.75, Init.calculateGain("selu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("swish"));
        assertEquals("Unsupported nonlinearity swish", e.getMessage());
    }

    @Test
    void fansCountTheReceptiveField() {
        assertArrayEquals(new int[] {3, 5}, Init.calculateFanInAndFanOut(Tensor.zeros(5, 3)));
        assertArrayEquals(new int[] {3 * 4 * 2, 5 * 4 * 2}, Init.calculateFanInAndFanOut(Tensor.zeros(5, 3, 4, 2)));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform_(Tensor.zeros(4)));
        assertEquals("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions", e.getMessage());
    }

    @Test
    void constantFillsWorkInPlaceWithoutRecordingHistory() {
        Tensor w = Tensor.ones(2, 3).requiresGrad_();
        assertSame(w, Init.zeros_(w));
        assertTrue(w.equal(Tensor.zeros(2, 3)));
        assertTrue(w.isLeaf());
        Init.constant_(w, 0.5);
        assertTrue(w.equal(Tensor.full(0.5, 2, 3)));
        Init.ones_(w);
        assertTrue(w.equal(Tensor.ones(2, 3)));
    }

    @Test
    void uniformAndXavierUniformStayInTheirBounds() {
        Tensor w = Tensor.zeros(30, 17);
        Init.uniform_(w, -0.25, 0.75, new Generator(1));
        for (float v : w.toFloatArray()) {
            assertTrue(v >= -0.25 && v <= 0.75);
        }
        Init.xavierUniform_(w, 2.0, new Generator(2));
        double a = 2.0 * Math.sqrt(6.0 / (30 + 17));
        double maxSeen = 0;
        for (float v : w.toFloatArray()) {
            assertTrue(Math.abs(v) <= a);
            maxSeen = Math.max(maxSeen, Math.abs(v));
        }
        assertTrue(maxSeen > 0.9 * a, "the draws cover the range");
    }

    @Test
    void normalFamiliesHaveTheirStandardDeviations() {
        Tensor w = Tensor.zeros(200, 300);
        Init.normal_(w, 1.5, 0.5, new Generator(3));
        assertStats(w, 1.5, 0.5);
        Init.xavierNormal_(w, 1.0, new Generator(4));
        assertStats(w, 0, Math.sqrt(2.0 / 500));
        Init.kaimingNormal_(w, 0, "fan_out", "relu", new Generator(5));
        assertStats(w, 0, Math.sqrt(2) / Math.sqrt(200));
        Init.kaimingUniform_(w, 0, "fan_in", "relu", new Generator(6));
        assertStats(w, 0, Math.sqrt(2) / Math.sqrt(300));
    }

    private static void assertStats(Tensor t, double mean, double std) {
        float[] v = t.toFloatArray();
        double m = 0;
        for (float x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        s = Math.sqrt(s / v.length);
        assertEquals(mean, m, 0.02 * Math.max(std, 0.1));
        assertEquals(std, s, 0.02 * std);
    }

    @Test
    void badModeAndStdFail() {
        Tensor w = Tensor.zeros(3, 3);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Init.kaimingUniform_(w, 0, "fan_avg", "relu", new Generator(0)));
        assertEquals("Mode fan_avg not supported, please use one of fan_in, fan_out", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Init.normal_(w, 0, -1));
    }

    @Test
    void zeroElementTensorsAreLeftAlone() {
        Tensor empty = Tensor.zeros(0, 3);
        assertSame(empty, Init.kaimingUniform_(empty));
        assertEquals(0, empty.numel());
    }
}
