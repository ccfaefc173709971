package dev.jgrad.tensor.kernel;

/**
 * The float32 copy loops of an im2col plan ({@code dev.jgrad.tensor.Im2col}), which describes one
 * image's lowering as runs and gaps: {@code runs} holds 4 ints a run (column-matrix row, first
 * column, input offset within the image, length), read at input step {@code step}; {@code gaps}
 * holds 3 ints a gap (column-matrix row, first column, length), the padding positions inside merged
 * runs. The build writes the float64 loops, class DoubleIm2col, from this file
 * (tensor-core/src/build/GenerateDouble.java).
 */
public final class FloatIm2col {
    private FloatIm2col() {}

    /**
     * Writes the image at {@code x[xOff..]} into the column matrix at {@code col[colOff..]} (row
     * stride {@code rowStride}) and zeroes the gaps; positions no run or gap names are left as they
     * were.
     *
     * @param runs the plan's runs, 4 ints each
     * @param gaps the plan's gaps, 3 ints each
     * @param step the input step of every run
     * @param x the input images
     * @param xOff where the image starts in {@code x}
     * @param col the column matrix
     * @param colOff where the column matrix starts in {@code col}
     * @param rowStride the column matrix's row stride
     */
    public static void gather(
            int[] runs, int[] gaps, int step, float[] x, int xOff, float[] col, int colOff, int rowStride) {
        for (int q = 0; q < runs.length; q += 4) {
            int d = colOff + runs[q] * rowStride + runs[q + 1];
            int src = xOff + runs[q + 2];
            int len = runs[q + 3];
            if (step == 1) {
                System.arraycopy(x, src, col, d, len);
            } else {
                for (int t = 0; t < len; t++) {
                    col[d + t] = x[src + t * step];
                }
            }
        }
        zeroGaps(gaps, col, colOff, rowStride);
    }

    /**
     * The adjoint of {@link #gather} (col2im): adds each column-matrix element to the input element
     * it was read from. It zeroes the gaps of {@code col} first (they have no input element), so
     * {@code col} is scratch to it.
     *
     * @param runs the plan's runs, 4 ints each
     * @param gaps the plan's gaps, 3 ints each
     * @param step the input step of every run
     * @param col the column matrix
     * @param colOff where the column matrix starts in {@code col}
     * @param rowStride the column matrix's row stride
     * @param x the input images' gradient, added to
     * @param xOff where the image starts in {@code x}
     */
    public static void scatterAdd(
            int[] runs, int[] gaps, int step, float[] col, int colOff, int rowStride, float[] x, int xOff) {
        zeroGaps(gaps, col, colOff, rowStride);
        Kernels k = Kernels.get();
        for (int q = 0; q < runs.length; q += 4) {
            int d = colOff + runs[q] * rowStride + runs[q + 1];
            int dst = xOff + runs[q + 2];
            k.binary(BinaryOp.ADD, runs[q + 3], x, dst, step, col, d, 1, x, dst, step);
        }
    }

    private static void zeroGaps(int[] gaps, float[] col, int colOff, int rowStride) {
        for (int q = 0; q < gaps.length; q += 3) {
            int d = colOff + gaps[q] * rowStride + gaps[q + 1];
            for (int t = 0; t < gaps[q + 2]; t++) { // mostly one or two elements: no call
                col[d + t] = 0f;
            }
        }
    }
}
