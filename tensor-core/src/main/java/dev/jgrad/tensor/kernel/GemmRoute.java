package dev.jgrad.tensor.kernel;

/**
 * Which kernel computes a batched product C = A @ B ([B, M, K] x [B, K, N]), chosen from its
 * shape and strides: the one place of that rule. {@code LinAlg} asks {@link #choose} before it
 * calls the kernels; the float32 vector GEMM asks {@link #dotTiles} whether a product it was given
 * runs as dot-product tiles ({@link VectorSgemmNT}) or packed ({@link VectorSgemm}).
 *
 * <p>A layer with few outputs computes {@code x @ W.t()}: the rows of A and the columns of B are
 * both contiguous along k, and with few columns the packed GEMM would spend its time packing B
 * and multiplying the zero padding of partial tiles. Such products run as dot products instead:
 * float64 one dot product per element, float32 in 4 x 4 tiles of dot products, which need the 32
 * vector registers of AVX-512 or AArch64.
 */
public final class GemmRoute {
    /** The kernels a product can take. */
    public enum Kind {
        /** One output column (matrix @ vector): one dot product per row of A ({@link Kernels#dot}). */
        MATRIX_VECTOR,
        /** float64 with few outputs, contiguous along k: one {@link Kernels#dot} per element of C. */
        ROW_DOTS,
        /**
         * {@link Kernels#gemm}, which for float32 with few outputs, contiguous along k, runs
         * dot-product tiles where the vector kernels have them ({@link #dotTiles}), else packs.
         */
        GEMM
    }

    /**
     * Widest output (n) computed as dot products rather than by the packed GEMM. The lane sums
     * that finish every float32 tile cost about a fifth of the work at k = 784, so for wide
     * outputs the packed GEMM, even with B transposed while packing, is faster (94 against 77
     * GFLOPS for 100 x 256 x 784); for a layer's few outputs it is the packing and the
     * zero-padded tiles that cost (71 against 30 GFLOPS for 100 x 10 x 784).
     */
    public static final int DOT_MAX_N = 16;
    /** Above this depth four rows of A no longer stay in L1 across a row of dot-product tiles. */
    static final int DOT_TILES_MAX_K = 4096;
    /** The least depth of {@link #dotTiles} for kernels that have no dot-product tiles. */
    static final int NO_DOT_TILES = Integer.MAX_VALUE;

    private GemmRoute() {}

    /**
     * The kernel for a product of {@code n} output columns and depth {@code k}, where A (i, p) lies
     * at {@code a[... + p * acs]} and B (p, j) at {@code b[... + p * brs]}.
     *
     * @param float32 whether the operands are float32 (else float64)
     * @param n the output columns
     * @param k the depth
     * @param acs A's stride along k
     * @param brs B's stride along k
     * @return the kernel to call
     */
    public static Kind choose(boolean float32, int n, int k, int acs, int brs) {
        if (n == 1) {
            return Kind.MATRIX_VECTOR;
        }
        if (!float32 && fewContiguousOutputs(n, acs, brs)) {
            return Kind.ROW_DOTS;
        }
        return Kind.GEMM;
    }

    /**
     * Whether a float32 product given to the GEMM runs as dot-product tiles: few outputs,
     * contiguous along k, and a depth from {@code minK} (below it the final lane sums cost more
     * than the products they finish; {@link #NO_DOT_TILES} where the kernels have no such tiles)
     * up to {@link #DOT_TILES_MAX_K}.
     */
    static boolean dotTiles(int n, int k, int acs, int brs, int minK) {
        return fewContiguousOutputs(n, acs, brs) && k >= minK && k <= DOT_TILES_MAX_K;
    }

    private static boolean fewContiguousOutputs(int n, int acs, int brs) {
        return n <= DOT_MAX_N && acs == 1 && brs == 1;
    }
}
