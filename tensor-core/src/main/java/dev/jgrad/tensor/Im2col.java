package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.DoubleIm2col;
import dev.jgrad.tensor.kernel.FloatIm2col;

/**
 * The im2col lowering of one image: row {@code (c*kH + i)*kW + j} of the column matrix holds, for
 * every output position {@code (oh, ow)} (column {@code oh*OW + ow}), the input element that
 * kernel tap {@code (i, j)} of channel c reads there, or 0 in the padding. The copy is planned
 * once per geometry as runs of output positions that read one input row at a fixed step, so an
 * image costs a few loops per kernel tap, not an index computation per element.
 *
 * <p>Where the output keeps the input's width (stride 1 and "same" padding, the common case),
 * tap (i, j)'s runs of consecutive output rows are one step apart in both the input and the
 * column matrix: they merge into one long run that also copies the few elements between them
 * (a row's padding columns), and those <em>gaps</em> are zeroed afterwards. A 3x3 convolution
 * then copies each tap's row with one {@code arraycopy} instead of one short loop per output row.
 *
 * <p>Positions in the padding end up zero after every {@link #gather}, and positions never
 * written stay as they were: a column buffer that starts zeroed and is only ever filled through
 * one plan keeps its zeros, so a thread reuses its buffer across images.
 */
final class Im2col {
    /** Runs of 4 ints: column-matrix row, first column, input offset within the image, length. */
    private final int[] runs;
    /** Runs of 3 ints inside merged runs that lie in the padding: column-matrix row, first column, length. */
    private final int[] gaps;

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
        int[] z = new int[3 * rows * outH];
        int n = 0;
        int nz = 0;
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
                    boolean open = false;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * s.strideH() - s.padTop() + i * s.dilationH();
                        if (ih < 0 || ih >= inH) {
                            continue;
                        }
                        int col = oh * outW + lo;
                        int src = (c * inH + ih) * inW + lo * step + shift;
                        if (open && src - r[n - 2] == (col - r[n - 3]) * step) {
                            int end = r[n - 3] + r[n - 1]; // the open run's end column
                            if (col > end) {
                                z[nz++] = row;
                                z[nz++] = end;
                                z[nz++] = col - end;
                            }
                            r[n - 1] = col + hi - lo - r[n - 3];
                        } else {
                            r[n++] = row;
                            r[n++] = col;
                            r[n++] = src;
                            r[n++] = hi - lo;
                            open = true;
                        }
                    }
                }
            }
        }
        this.runs = java.util.Arrays.copyOf(r, n);
        this.gaps = java.util.Arrays.copyOf(z, nz);
    }

    /** Writes the image at {@code x[xOff..]} into column matrix {@code col} (row stride {@code rowStride}). */
    void gather(float[] x, int xOff, float[] col, int colOff, int rowStride) {
        FloatIm2col.gather(runs, gaps, step, x, xOff, col, colOff, rowStride);
    }

    /** float64 {@link #gather(float[], int, float[], int, int)}. */
    void gather(double[] x, int xOff, double[] col, int colOff, int rowStride) {
        DoubleIm2col.gather(runs, gaps, step, x, xOff, col, colOff, rowStride);
    }

    /**
     * The adjoint of gather (col2im): adds each column-matrix element to the input element it was
     * read from. It zeroes the padding positions of {@code col} inside merged runs first (they have
     * no input element), so {@code col} is scratch to it.
     */
    void scatterAdd(float[] col, int colOff, int rowStride, float[] x, int xOff) {
        FloatIm2col.scatterAdd(runs, gaps, step, col, colOff, rowStride, x, xOff);
    }

    /** float64 {@link #scatterAdd(float[], int, int, float[], int)}. */
    void scatterAdd(double[] col, int colOff, int rowStride, double[] x, int xOff) {
        DoubleIm2col.scatterAdd(runs, gaps, step, col, colOff, rowStride, x, xOff);
    }
}
