package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Im2col}'s planned runs (merged across output rows where the geometry allows, with their
 * padding gaps zeroed) against the definition, element by element, on random geometries: every
 * stride, asymmetric padding and dilation up to 3, and a column buffer reused across images.
 */
class Im2colTest {
    private static final int CASES = 400;

    @Test
    void gatherAndScatterAddMatchTheDefinitionOnRandomGeometries() {
        SplittableRandom rnd = new SplittableRandom(11);
        int tried = 0;
        while (tried < CASES) {
            int c = 1 + rnd.nextInt(3);
            int h = 1 + rnd.nextInt(9);
            int w = 1 + rnd.nextInt(9);
            int kH = 1 + rnd.nextInt(4);
            int kW = 1 + rnd.nextInt(4);
            Conv2dSpec s = new Conv2dSpec(
                    1 + rnd.nextInt(3),
                    1 + rnd.nextInt(3),
                    rnd.nextInt(4),
                    rnd.nextInt(4),
                    rnd.nextInt(4),
                    rnd.nextInt(4),
                    1 + rnd.nextInt(3),
                    1 + rnd.nextInt(3),
                    1);
            if (s.outH(h, kH) <= 0 || s.outW(w, kW) <= 0) {
                continue;
            }
            tried++;
            check(c, h, w, kH, kW, s, rnd);
        }
    }

    @Test
    void sameConvolutionOfTheCnn() {
        Conv2dSpec s = Conv2dSpec.of(new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        check(32, 14, 14, 3, 3, s, new SplittableRandom(3));
        check(1, 28, 28, 3, 3, s, new SplittableRandom(4));
    }

    private static void check(int c, int h, int w, int kH, int kW, Conv2dSpec s, SplittableRandom rnd) {
        Im2col plan = new Im2col(c, h, w, kH, kW, s);
        String where = "c=" + c + " h=" + h + " w=" + w + " k=" + kH + "x" + kW + " " + s;
        int stride = plan.cols + 3; // a row stride wider than the row, as for a group's rows
        float[] col = new float[plan.rows * stride];
        for (int image = 0; image < 2; image++) { // the second image reuses the buffer
            float[] x = random(rnd, c * h * w);
            plan.gather(x, 0, col, 0, stride);
            assertArrayEquals(expectedColumns(x, c, h, w, kH, kW, s, stride), col, "gather " + where);

            double[] xd = new double[x.length];
            double[] cold = new double[col.length];
            for (int i = 0; i < x.length; i++) {
                xd[i] = x[i];
            }
            plan.gather(xd, 0, cold, 0, stride);
            for (int i = 0; i < col.length; i++) {
                assertArrayEquals(new double[] {col[i]}, new double[] {cold[i]}, "float64 gather " + where);
            }
        }
        float[] dcol = random(rnd, col.length); // values in the padding positions too: they must be ignored
        float[] expected = random(rnd, c * h * w);
        float[] dx = expected.clone();
        addAdjoint(dcol, c, h, w, kH, kW, s, stride, expected);
        plan.scatterAdd(dcol.clone(), 0, stride, dx, 0);
        assertArrayEquals(expected, dx, "scatterAdd " + where);
    }

    private static float[] expectedColumns(float[] x, int c, int h, int w, int kH, int kW, Conv2dSpec s, int stride) {
        float[] col = new float[(c * kH * kW) * stride];
        forEachElement(c, h, w, kH, kW, s, stride, (at, from) -> col[at] = from >= 0 ? x[from] : 0f);
        return col;
    }

    /** dx[input element] += dcol[row][column] for every column-matrix element read from an input element, in row order. */
    private static void addAdjoint(
            float[] dcol, int c, int h, int w, int kH, int kW, Conv2dSpec s, int stride, float[] dx) {
        forEachElement(c, h, w, kH, kW, s, stride, (at, from) -> {
            if (from >= 0) {
                dx[from] += dcol[at];
            }
        });
    }

    /** Where a column-matrix element is ({@code at}) and the input element it reads ({@code from}, -1 in the padding). */
    private interface Element {
        void visit(int at, int from);
    }

    /** Visits every element of the column matrix (row stride {@code stride}) by the definition of im2col, in row order. */
    private static void forEachElement(int c, int h, int w, int kH, int kW, Conv2dSpec s, int stride, Element element) {
        int outH = s.outH(h, kH);
        int outW = s.outW(w, kW);
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kH; i++) {
                for (int j = 0; j < kW; j++) {
                    for (int oh = 0; oh < outH; oh++) {
                        for (int ow = 0; ow < outW; ow++) {
                            int ih = oh * s.strideH() - s.padTop() + i * s.dilationH();
                            int iw = ow * s.strideW() - s.padLeft() + j * s.dilationW();
                            boolean inside = ih >= 0 && ih < h && iw >= 0 && iw < w;
                            element.visit(
                                    ((ch * kH + i) * kW + j) * stride + oh * outW + ow,
                                    inside ? (ch * h + ih) * w + iw : -1);
                        }
                    }
                }
            }
        }
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return a;
    }
}
