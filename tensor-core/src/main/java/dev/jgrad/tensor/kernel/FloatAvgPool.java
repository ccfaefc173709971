package dev.jgrad.tensor.kernel;

/**
 * avg_pool2d (and adaptive_avg_pool2d) over one plane, each window given by its row and column
 * ranges and its own divisor: the float32 loops. The build writes the float64 loops, class
 * DoubleAvgPool, from this file (tensor-core/src/build/GenerateDouble.java). Output element
 * {@code (i, j)} averages input rows {@code [rows[0][i], rows[1][i])} and columns
 * {@code [cols[0][j], cols[1][j])}, divided by {@code divisor[i * outW + j]}.
 */
public final class FloatAvgPool {
    private FloatAvgPool() {}

    /**
     * Writes the average of each window of the plane at {@code x[xb..]} (row-major, width
     * {@code w}) to {@code out[ob..]}: the window's elements are added in row order, then divided in
     * double.
     *
     * @param rows the windows' first rows ({@code rows[0]}) and ends ({@code rows[1]}), one per output row
     * @param cols the windows' first columns and ends, one per output column
     * @param divisor each output element's divisor, row-major
     * @param w the input plane's width
     * @param x the input planes
     * @param xb where the plane starts in {@code x}
     * @param out the output planes
     * @param ob where the output plane starts in {@code out}
     */
    public static void plane(
            int[][] rows, int[][] cols, double[] divisor, int w, float[] x, int xb, float[] out, int ob) {
        int outH = rows[0].length;
        int outW = cols[0].length;
        for (int i = 0; i < outH; i++) {
            for (int j = 0; j < outW; j++) {
                float s = 0;
                for (int r = rows[0][i]; r < rows[1][i]; r++) {
                    for (int c = cols[0][j]; c < cols[1][j]; c++) {
                        s += x[xb + r * w + c];
                    }
                }
                // @float-only:begin
                out[ob + i * outW + j] = (float) (s / divisor[i * outW + j]);
                // @float-only:end
                // @double-only: out[ob + i * outW + j] = s / divisor[i * outW + j];
            }
        }
    }

    /**
     * The gradient of {@link #plane}: adds each output gradient at {@code g[gb..]}, divided by its
     * window's divisor, to every input element of its window in {@code dx[db..]}.
     *
     * @param rows the windows' first rows ({@code rows[0]}) and ends ({@code rows[1]}), one per output row
     * @param cols the windows' first columns and ends, one per output column
     * @param divisor each output element's divisor, row-major
     * @param w the input plane's width
     * @param g the output gradient planes
     * @param gb where the plane starts in {@code g}
     * @param dx the input gradient planes, added to
     * @param db where the plane starts in {@code dx}
     */
    public static void planeBackward(
            int[][] rows, int[][] cols, double[] divisor, int w, float[] g, int gb, float[] dx, int db) {
        int outH = rows[0].length;
        int outW = cols[0].length;
        for (int i = 0; i < outH; i++) {
            for (int j = 0; j < outW; j++) {
                int o = gb + i * outW + j;
                double d = divisor[i * outW + j];
                for (int r = rows[0][i]; r < rows[1][i]; r++) {
                    for (int c = cols[0][j]; c < cols[1][j]; c++) {
                        // @float-only:begin
                        dx[db + r * w + c] += (float) (g[o] / d);
                        // @float-only:end
                        // @double-only: dx[db + r * w + c] += g[o] / d;
                    }
                }
            }
        }
    }
}
