package dev.jgrad.tensor.kernel;

import java.util.Optional;

/**
 * The numeric kernels of jgrad: matrix products, reductions and elementwise functions over plain
 * Java arrays, each operand given by an offset and strides in elements.
 *
 * <p>Two implementations exist: a scalar reference ({@link #scalar()}), which is this
 * interface's default methods (plain Java loops), and one on the JDK Vector API
 * ({@link #vector()}), which overrides them all. {@link #get()} returns the one chosen for this JVM: the vector one when
 * the {@code jdk.incubator.vector} module is present and usable, the scalar one otherwise (with
 * one warning). The system property {@code jgrad.kernels=scalar|vector} forces the choice.
 *
 * <p>Both give the same results for elementwise functions, bit for bit. Sums and products may
 * differ in the last bits, because the vector kernels add in a different order. Every kernel
 * gives the same result whatever the number of threads ({@code NDArray.setNumThreads}), and
 * whether or not the JIT has compiled it yet: no floating-point sum uses the Vector API's
 * {@code reduceLanes}, whose order differs between the interpreter and C2 (see {@code Lanes}).
 */
public interface Kernels {

    /** The kernels chosen for this JVM. */
    static Kernels get() {
        return KernelSelection.selected();
    }

    /** The scalar reference kernels, always available. */
    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** The Vector API kernels, when this JVM can run them. */
    static Optional<Kernels> vector() {
        return KernelSelection.vector();
    }

    /**
     * The Gauss error function in double (the JDK has none): what float64 {@code erf} computes,
     * to within a few double ulp.
     *
     * @param x the argument
     * @return erf(x)
     */
    static double erf(double x) {
        return DoubleMath.erf(x);
    }

    /** {@code "scalar"} or {@code "vector"}. */
    String name();

    // ---- matrix products -------------------------------------------------------------------

    /**
     * Batched matrix product: for every matrix {@code t} in [0, batch), C_t = A_t B_t, or
     * C_t += A_t B_t when {@code accumulate}. A is m x k, B is k x n, C is m x n, each operand an
     * array with an offset and batch, row and column strides ({@link FloatOperand}). C must not
     * overlap A or B, and its elements must be distinct.
     *
     * @param batch the number of products
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param a the left operands
     * @param b the right operands
     * @param c the results
     * @param accumulate whether to add to C rather than overwrite it
     */
    default void gemm(
            int batch, int m, int n, int k, FloatOperand a, FloatOperand b, FloatOperand c, boolean accumulate) {
        ScalarSgemm.gemm(batch, m, n, k, a, b, c, accumulate);
    }

    /**
     * float64 {@link #gemm(int, int, int, int, FloatOperand, FloatOperand, FloatOperand, boolean)}.
     *
     * @param batch the number of products
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param a the left operands
     * @param b the right operands
     * @param c the results
     * @param accumulate whether to add to C rather than overwrite it
     */
    default void gemm(
            int batch, int m, int n, int k, DoubleOperand a, DoubleOperand b, DoubleOperand c, boolean accumulate) {
        ScalarDgemm.gemm(batch, m, n, k, a, b, c, accumulate);
    }

    /** Dot product of n elements of x and y, returned in double (the float32 products are summed in blocks). */
    default double dot(int n, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        return ScalarFloatReduce.dot(n, x, xOff, xStride, y, yOff, yStride);
    }

    default double dot(int n, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        return ScalarDoubleReduce.dot(n, x, xOff, xStride, y, yOff, yStride);
    }

    // ---- elementwise -----------------------------------------------------------------------

    /** out[i] = op(x[i]) for n elements; out may be x itself (same offset and stride). */
    default void unary(UnaryOp op, int n, float[] x, int xOff, int xStride, float[] out, int outOff, int outStride) {
        op.apply(n, x, xOff, xStride, out, outOff, outStride);
    }

    default void unary(UnaryOp op, int n, double[] x, int xOff, int xStride, double[] out, int outOff, int outStride) {
        op.apply(n, x, xOff, xStride, out, outOff, outStride);
    }

    /**
     * out[i][j] = op(a[i][j], b[i][j]) over rows x cols, each operand with a row and a column
     * stride. A stride of 0 repeats an element, so a scalar operand has strides (0, 0) and a
     * row-vector bias has (0, 1). out may be a or b itself (same offset and strides).
     */
    default void binary(
            BinaryOp op,
            int rows,
            int cols,
            float[] a,
            int aOff,
            int aRowStride,
            int aColStride,
            float[] b,
            int bOff,
            int bRowStride,
            int bColStride,
            float[] out,
            int outOff,
            int outRowStride,
            int outColStride) {
        for (int r = 0; r < rows; r++) {
            op.apply(
                    cols,
                    a,
                    aOff + r * aRowStride,
                    aColStride,
                    b,
                    bOff + r * bRowStride,
                    bColStride,
                    out,
                    outOff + r * outRowStride,
                    outColStride);
        }
    }

    default void binary(
            BinaryOp op,
            int rows,
            int cols,
            double[] a,
            int aOff,
            int aRowStride,
            int aColStride,
            double[] b,
            int bOff,
            int bRowStride,
            int bColStride,
            double[] out,
            int outOff,
            int outRowStride,
            int outColStride) {
        for (int r = 0; r < rows; r++) {
            op.apply(
                    cols,
                    a,
                    aOff + r * aRowStride,
                    aColStride,
                    b,
                    bOff + r * bRowStride,
                    bColStride,
                    out,
                    outOff + r * outRowStride,
                    outColStride);
        }
    }

    /** One-dimensional {@link #binary(BinaryOp, int, int, float[], int, int, int, float[], int, int, int, float[], int, int, int)}. */
    default void binary(
            BinaryOp op,
            int n,
            float[] a,
            int aOff,
            int aStride,
            float[] b,
            int bOff,
            int bStride,
            float[] out,
            int outOff,
            int outStride) {
        binary(op, 1, n, a, aOff, 0, aStride, b, bOff, 0, bStride, out, outOff, 0, outStride);
    }

    default void binary(
            BinaryOp op,
            int n,
            double[] a,
            int aOff,
            int aStride,
            double[] b,
            int bOff,
            int bStride,
            double[] out,
            int outOff,
            int outStride) {
        binary(op, 1, n, a, aOff, 0, aStride, b, bOff, 0, bStride, out, outOff, 0, outStride);
    }

    /** out[i] = min(max(x[i], min), max), NaN kept (torch.clamp). */
    default void clamp(
            int n, float[] x, int xOff, int xStride, float min, float max, float[] out, int outOff, int outStride) {
        ScalarFloatOps.clamp(n, x, xOff, xStride, min, max, out, outOff, outStride);
    }

    default void clamp(
            int n, double[] x, int xOff, int xStride, double min, double max, double[] out, int outOff, int outStride) {
        ScalarDoubleOps.clamp(n, x, xOff, xStride, min, max, out, outOff, outStride);
    }

    /** out[i] = a[i] op b[i] (float32) for the six comparisons (EQ to GE), into a bool array; a stride of 0 repeats an element. */
    default void compare(
            BinaryOp op,
            int n,
            float[] a,
            int aOff,
            int aStride,
            float[] b,
            int bOff,
            int bStride,
            boolean[] out,
            int outOff,
            int outStride) {
        op.compare(n, a, aOff, aStride, b, bOff, bStride, out, outOff, outStride);
    }

    /** out[i] = c[i] ? a[i] : b[i] (float32, torch.where); a stride of 0 repeats an element. */
    default void where(
            int n,
            boolean[] c,
            int cOff,
            int cStride,
            float[] a,
            int aOff,
            int aStride,
            float[] b,
            int bOff,
            int bStride,
            float[] out,
            int outOff,
            int outStride) {
        ScalarFloatOps.where(n, c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, out, outOff, outStride);
    }

    /**
     * out[i] = a[i] + alpha * b[i] (float32, torch.add with alpha): the product is rounded before
     * the sum, as in a plain Java loop, so both implementations agree bit for bit.
     */
    default void addScaled(
            int n,
            float[] a,
            int aOff,
            int aStride,
            float alpha,
            float[] b,
            int bOff,
            int bStride,
            float[] out,
            int outOff,
            int outStride) {
        ScalarFloatOps.addScaled(n, a, aOff, aStride, alpha, b, bOff, bStride, out, outOff, outStride);
    }

    /**
     * out[i] = x[i] &lt;= threshold ? 0 : g[i] (float32): the gradient of ReLU and threshold. A NaN
     * in x passes g[i] through, as in PyTorch.
     */
    default void thresholdBackward(
            int n,
            float[] g,
            int gOff,
            int gStride,
            float[] x,
            int xOff,
            int xStride,
            float threshold,
            float[] out,
            int outOff,
            int outStride) {
        ScalarFloatOps.thresholdBackward(n, g, gOff, gStride, x, xOff, xStride, threshold, out, outOff, outStride);
    }

    /** out[i] = x[i] &amp; 0xFF as float32: uint8 pixels to float. */
    default void fromUint8(int n, byte[] x, int xOff, int xStride, float[] out, int outOff, int outStride) {
        ScalarFloatOps.fromUint8(n, x, xOff, xStride, out, outOff, outStride);
    }

    // ---- pooling ---------------------------------------------------------------------------

    /**
     * 2x2 max pooling with stride 2 over one plane of {@code 2*outH} rows of width {@code w}
     * ({@code w >= 2*outW}) at {@code x[xOff..]}: out[outOff + i*outW + j] is the largest of the
     * window at rows 2i, 2i+1 and columns 2j, 2j+1, and idx[idxOff + i*outW + j] (when idx is not
     * null) its position {@code row*w + col} in the plane. Ties go to the first element in window
     * order and a NaN wins (the last one if several), as in PyTorch's max_pool2d_with_indices.
     *
     * @param outH output rows
     * @param outW output columns
     * @param x the input
     * @param xOff where the plane starts in x
     * @param w the input's row length
     * @param out the maxima
     * @param outOff where they go in out
     * @param idx the positions of the maxima, or null when not wanted
     * @param idxOff where they go in idx
     */
    default void maxPool2x2(
            int outH, int outW, float[] x, int xOff, int w, float[] out, int outOff, int[] idx, int idxOff) {
        ScalarPool.maxPool2x2(outH, outW, x, xOff, w, out, outOff, idx, idxOff);
    }

    /**
     * The gradient of one plane of a max pool whose windows do not overlap, so that no two of the
     * plane's indices are equal: {@code dx[dxOff + idx[idxOff + k]] = 0 + g[gOff + k]} for
     * {@code k < n}. That is what adding the gradients into a zeroed plane gives (a {@code -0}
     * gradient becomes {@code +0}); elements no index names are not written, so pass a zeroed plane.
     *
     * @param n the plane's output elements
     * @param g the output gradient
     * @param gOff where the plane's gradient starts in g
     * @param idx the plane's indices, each a position in the plane, no two equal
     * @param idxOff where they start in idx
     * @param dx the input gradient
     * @param dxOff where the plane starts in dx
     */
    default void maxPoolBackward(int n, float[] g, int gOff, int[] idx, int idxOff, float[] dx, int dxOff) {
        ScalarPool.maxPoolBackward(n, g, gOff, idx, idxOff, dx, dxOff);
    }

    // ---- reductions ------------------------------------------------------------------------

    /**
     * Sum of n elements, returned in double: float32 elements are added in float32 within short
     * blocks (a few dozen per vector lane, exact for integers up to about 2^18) and the block sums
     * in double, so the error does not grow with n.
     */
    default double sum(int n, float[] x, int off, int stride) {
        return ScalarFloatReduce.sum(n, x, off, stride);
    }

    default double sum(int n, double[] x, int off, int stride) {
        return ScalarDoubleReduce.sum(n, x, off, stride);
    }

    /** Largest of n &gt;= 1 elements; NaN if any is NaN (torch.max). */
    default float max(int n, float[] x, int off, int stride) {
        return ScalarFloatReduce.max(n, x, off, stride);
    }

    default double max(int n, double[] x, int off, int stride) {
        return ScalarDoubleReduce.max(n, x, off, stride);
    }

    /** Smallest of n &gt;= 1 elements; NaN if any is NaN (torch.min). */
    default float min(int n, float[] x, int off, int stride) {
        return ScalarFloatReduce.min(n, x, off, stride);
    }

    default double min(int n, double[] x, int off, int stride) {
        return ScalarDoubleReduce.min(n, x, off, stride);
    }

    /** Index (0 to n-1) of the first largest element, or of the first NaN (torch.argmax). */
    default int argmax(int n, float[] x, int off, int stride) {
        return ScalarFloatReduce.argmax(n, x, off, stride);
    }

    default int argmax(int n, double[] x, int off, int stride) {
        return ScalarDoubleReduce.argmax(n, x, off, stride);
    }

    /** Index of the first smallest element, or of the first NaN (torch.argmin). */
    default int argmin(int n, float[] x, int off, int stride) {
        return ScalarFloatReduce.argmin(n, x, off, stride);
    }

    default int argmin(int n, double[] x, int off, int stride) {
        return ScalarDoubleReduce.argmin(n, x, off, stride);
    }

    /**
     * Column sums of a rows x cols matrix whose columns are contiguous (element (i, j) at
     * {@code x[off + i*rowStride + j]}): out[outOff + j] = sum over i, added to what out holds
     * when {@code accumulate}. Each column is added in row order.
     */
    default void columnSums(
            int rows, int cols, float[] x, int off, int rowStride, float[] out, int outOff, boolean accumulate) {
        ScalarFloatReduce.columnSums(rows, cols, x, off, rowStride, out, outOff, accumulate);
    }

    default void columnSums(
            int rows, int cols, double[] x, int off, int rowStride, double[] out, int outOff, boolean accumulate) {
        ScalarDoubleReduce.columnSums(rows, cols, x, off, rowStride, out, outOff, accumulate);
    }
}
