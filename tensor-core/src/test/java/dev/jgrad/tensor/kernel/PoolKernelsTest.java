package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The 2x2 max pool: the vector kernel equals the scalar one bit for bit (values and indices), and
 * the scalar one picks PyTorch's winner (the first maximum in window order, or the last NaN), on
 * odd widths, offsets, many ties and NaNs.
 */
class PoolKernelsTest {
    private static final Kernels SCALAR = Kernels.scalar();
    private static final Kernels VECTOR = new VectorKernels();

    @Test
    void vectorMatchesScalarAndWindowOrderScan() {
        Random r = new Random(3);
        for (int t = 0; t < 300; t++) {
            int outH = 1 + r.nextInt(5);
            int outW = r.nextBoolean() ? 1 + r.nextInt(16) : 1 + r.nextInt(70);
            int w = 2 * outW + r.nextInt(2);
            int off = r.nextInt(4);
            float[] x = new float[off + 2 * outH * w + r.nextInt(40)]; // sometimes more planes after this one
            for (int i = 0; i < x.length; i++) {
                int kind = r.nextInt(20);
                // Few distinct values, so windows tie often; some NaNs and infinities.
                x[i] = kind == 0 ? Float.NaN : kind == 1 ? Float.NEGATIVE_INFINITY : r.nextInt(3) - 1;
            }
            float[] expected = new float[outH * outW + 2];
            int[] expectedIdx = new int[outH * outW + 2];
            float[] actual = expected.clone();
            int[] actualIdx = expectedIdx.clone();
            SCALAR.maxPool2x2(outH, outW, x, off, w, expected, 1, expectedIdx, 2);
            VECTOR.maxPool2x2(outH, outW, x, off, w, actual, 1, actualIdx, 2);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "value " + i);
            }
            assertArrayEquals(expectedIdx, actualIdx, "outW=" + outW + " w=" + w);
            float[] valuesOnly = new float[expected.length];
            VECTOR.maxPool2x2(outH, outW, x, off, w, valuesOnly, 1, null, 0);
            assertArrayEquals(actual, valuesOnly);
            for (int i = 0; i < outH; i++) {
                for (int j = 0; j < outW; j++) {
                    int at = -1;
                    float best = Float.NEGATIVE_INFINITY;
                    for (int q = 0; q < 4; q++) {
                        int pos = (2 * i + q / 2) * w + 2 * j + q % 2;
                        float v = x[off + pos];
                        if (at < 0 || v > best || Float.isNaN(v)) {
                            best = v;
                            at = pos;
                        }
                    }
                    assertEquals(at, expectedIdx[2 + i * outW + j], "window " + i + "," + j);
                }
            }
        }
    }
}
