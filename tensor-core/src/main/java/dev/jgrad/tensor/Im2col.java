package dev.jgrad.tensor;

/**
 * The im2col lowering of one image: row {@code (c*kH + i)*kW + j} of the column matrix holds, for
 * every output position {@code (oh, ow)} (column {@code oh*OW + ow}), the input element that
 * kernel tap {@code (i, j)} of channel c reads there, or 0 in the padding. The copy is planned
 * once per geometry as runs of output positions that read one input row at a fixed step, so an
 * image costs a few short loops per (tap, output row), not an index computation per element.
 *
 * <p>Positions in the padding are never written: a column buffer that starts zeroed and is only
 * ever filled through one plan keeps its zeros, so a thread reuses its buffer across images.
 */
final class Im2col {
    /** Runs of 4 ints: column-matrix row, first column, input offset within the image, length. */
    private final int[] runs;

    private final int step;
    /** Rows (C*kH*kW) and columns (OH*OW) of the column matrix. */
    final int rows;

    final int cols;

    Im2col(int channels, int inH, int inW, int kH, int kW, Conv2dSpec s) {
        int outH = s.outH(inH, kH);
        int outW = s.outW(inW, kW);
        this.rows = channels * kH * kW;
        this.cols = outH * outW;
        this.step = s.strideW();
        int[] r = new int[4 * rows * outH];
        int n = 0;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < kH; i++) {
                for (int j = 0; j < kW; j++) {
                    int row = (c * kH + i) * kW + j;
                    int shift = j * s.dilationW() - s.padLeft();
                    // Output columns whose input column ow*step + shift lies in [0, inW).
                    int lo = Math.max(0, Math.floorDiv(-shift + step - 1, step));
                    int hi = Math.min(outW, Math.floorDiv(inW - 1 - shift, step) + 1);
                    if (hi <= lo) {
                        continue;
                    }
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * s.strideH() - s.padTop() + i * s.dilationH();
                        if (ih < 0 || ih >= inH) {
                            continue;
                        }
                        r[n++] = row;
                        r[n++] = oh * outW + lo;
                        r[n++] = (c * inH + ih) * inW + lo * step + shift;
                        r[n++] = hi - lo;
                    }
                }
            }
        }
        this.runs = java.util.Arrays.copyOf(r, n);
    }

    /** Writes the image at {@code x[xOff..]} into column matrix {@code col} (row stride {@code rowStride}). */
    void gather(float[] x, int xOff, float[] col, int colOff, int rowStride) {
        int[] r = runs;
        int st = step;
        for (int q = 0; q < r.length; q += 4) {
            int d = colOff + r[q] * rowStride + r[q + 1];
            int src = xOff + r[q + 2];
            int len = r[q + 3];
            if (st == 1) {
                for (int t = 0; t < len; t++) {
                    col[d + t] = x[src + t];
                }
            } else {
                for (int t = 0; t < len; t++) {
                    col[d + t] = x[src + t * st];
                }
            }
        }
    }

    /** float64 {@link #gather(float[], int, float[], int, int)}. */
    void gather(double[] x, int xOff, double[] col, int colOff, int rowStride) {
        int[] r = runs;
        int st = step;
        for (int q = 0; q < r.length; q += 4) {
            int d = colOff + r[q] * rowStride + r[q + 1];
            int src = xOff + r[q + 2];
            int len = r[q + 3];
            for (int t = 0; t < len; t++) {
                col[d + t] = x[src + t * st];
            }
        }
    }

    /** The adjoint of gather (col2im): adds each column-matrix element to the input element it was read from. */
    void scatterAdd(float[] col, int colOff, int rowStride, float[] x, int xOff) {
        int[] r = runs;
        int st = step;
        for (int q = 0; q < r.length; q += 4) {
            int d = colOff + r[q] * rowStride + r[q + 1];
            int dst = xOff + r[q + 2];
            int len = r[q + 3];
            if (st == 1) {
                for (int t = 0; t < len; t++) {
                    x[dst + t] += col[d + t];
                }
            } else {
                for (int t = 0; t < len; t++) {
                    x[dst + t * st] += col[d + t];
                }
            }
        }
    }

    /** float64 {@link #scatterAdd(float[], int, int, float[], int)}. */
    void scatterAdd(double[] col, int colOff, int rowStride, double[] x, int xOff) {
        int[] r = runs;
        int st = step;
        for (int q = 0; q < r.length; q += 4) {
            int d = colOff + r[q] * rowStride + r[q + 1];
            int dst = xOff + r[q + 2];
            int len = r[q + 3];
            for (int t = 0; t < len; t++) {
                x[dst + t * st] += col[d + t];
            }
        }
    }
}
