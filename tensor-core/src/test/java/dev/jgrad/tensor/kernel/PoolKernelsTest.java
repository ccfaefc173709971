package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    /**
     * The gradient for disjoint windows: vector equals scalar bit for bit, and both equal adding
     * each gradient into a zeroed plane at its index (the generic scatter), for planes shorter and
     * longer than a vector, offsets, -0, NaN and infinite gradients, indices from the 2x2 forward
     * pass and from random permutations; elements no index names stay as they were.
     */
    @Test
    void backwardMatchesScalarAndScatter() {
        Random r = new Random(5);
        for (int t = 0; t < 400; t++) {
            int inPlane = 1 + r.nextInt(r.nextBoolean() ? 40 : 400);
            int n = 1 + r.nextInt(inPlane);
            int gOff = r.nextInt(3);
            int idxOff = r.nextInt(3);
            int dxOff = r.nextInt(3);
            int tail = r.nextInt(40); // more planes after this one
            float[] g = new float[gOff + n + tail];
            int[] idx = new int[idxOff + n + tail];
            int[] positions = permutation(r, inPlane);
            System.arraycopy(positions, 0, idx, idxOff, n);
            for (int i = 0; i < g.length; i++) {
                int kind = r.nextInt(12);
                g[i] = kind == 0
                        ? -0f
                        : kind == 1 ? Float.NaN : kind == 2 ? Float.NEGATIVE_INFINITY : r.nextFloat() - 0.5f;
            }
            float[] scatter = new float[dxOff + inPlane + tail];
            for (int k = 0; k < n; k++) {
                scatter[dxOff + idx[idxOff + k]] += g[gOff + k];
            }
            float[] expected = new float[scatter.length];
            float[] actual = new float[scatter.length];
            SCALAR.maxPoolBackward(n, g, gOff, idx, idxOff, expected, dxOff);
            VECTOR.maxPoolBackward(n, g, gOff, idx, idxOff, actual, dxOff);
            for (int i = 0; i < scatter.length; i++) {
                String at = "element " + i + " of n=" + n + " inPlane=" + inPlane;
                assertEquals(Float.floatToRawIntBits(scatter[i]), Float.floatToRawIntBits(expected[i]), "scalar " + at);
                assertEquals(Float.floatToRawIntBits(scatter[i]), Float.floatToRawIntBits(actual[i]), "vector " + at);
            }
        }
    }

    /** The CNN's case: indices from the 2x2 forward pass of a 28x28 plane, a vector's multiple and more. */
    @Test
    void backwardOfThe2x2Pool() {
        int outH = 14;
        int outW = 14;
        int w = 2 * outW;
        Random r = new Random(7);
        float[] x = new float[2 * outH * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(3);
        }
        int[] idx = new int[outH * outW];
        SCALAR.maxPool2x2(outH, outW, x, 0, w, new float[idx.length], 0, idx, 0);
        float[] g = new float[idx.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = 1 + i;
        }
        float[] dx = new float[x.length];
        VECTOR.maxPoolBackward(idx.length, g, 0, idx, 0, dx, 0);
        for (int i = 0; i < idx.length; i++) {
            assertEquals(1 + i, dx[idx[i]], "window " + i);
        }
        double total = 0;
        for (float v : dx) {
            total += v;
        }
        assertEquals(idx.length * (idx.length + 1) / 2.0, total);
    }

    private static int[] permutation(Random r, int n) {
        List<Integer> p = IntStream.range(0, n).boxed().collect(Collectors.toList());
        Collections.shuffle(p, r);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }
}
