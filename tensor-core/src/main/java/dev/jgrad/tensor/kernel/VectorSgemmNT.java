package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 C = A Bᵀ-style products with few columns, where both operands are contiguous along k:
 * the rows of A and the columns of B (the rows of W in {@code x @ W.t()}, the forward pass of a
 * layer with few outputs, such as a classifier's last). Each C element is a dot product, so a
 * 4 x 4 tile of C keeps 16 vector accumulators, loads 4 + 4 vectors per step along k and sums
 * the lanes once at the end. Nothing is packed: with 10 outputs the packed GEMM would spend its
 * time transposing B and multiplying zero padding.
 *
 * <p>Every C element is its own chain (the lanes of one accumulator, summed in {@link Lanes}'
 * fixed order, then the k tail in order), so the result does not depend on the tiling, the
 * number of threads or whether the JIT has compiled the kernel yet.
 */
final class VectorSgemmNT {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int T = 4;
    /**
     * The least depth for these tiles ({@link GemmRoute#dotTiles}): below it the final lane
     * reductions cost more than the products they finish. The 16 accumulators and 5 operands
     * need the 32 vector registers of AVX-512 or AArch64; with 16 (AVX2) they would spill, and
     * the packed GEMM is used instead.
     */
    static final int MIN_K = VectorSgemm.NV == 4 ? 4 * L : GemmRoute.NO_DOT_TILES;

    /** Per thread: the 16 accumulators stored for {@link Lanes#sumRows}, and their sums. */
    private static final ThreadLocal<float[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new float[][] {new float[T * T * L], new float[T * T]});

    private VectorSgemmNT() {}

    static void gemm(
            int batch,
            int m,
            int n,
            int k,
            FloatOperand aOp,
            FloatOperand bOp,
            FloatOperand cOp,
            boolean accumulate,
            long parallelFlops) {
        // Contiguous along k: A's columns and B's rows are 1 apart (GemmRoute.dotTiles).
        float[] a = aOp.data(), b = bOp.data(), c = cOp.data();
        int ars = aOp.rowStride(), bcs = bOp.colStride(), crs = cOp.rowStride(), ccs = cOp.colStride();
        GemmSplit.run(batch, m, n, k, T, T, parallelFlops, (b0, b1, m0, m1, n0, n1) -> {
            float[][] scratch = SCRATCH.get();
            for (int bi = b0; bi < b1; bi++) {
                int ab = aOp.start(bi), bb = bOp.start(bi), cb = cOp.start(bi);
                for (int i = m0; i < m1; i += T) {
                    int mr = Math.min(T, m1 - i);
                    for (int j = n0; j < n1; j += T) {
                        int nr = Math.min(T, n1 - j);
                        tile(
                                k,
                                a,
                                ab + i * ars,
                                ars,
                                mr,
                                b,
                                bb + j * bcs,
                                bcs,
                                nr,
                                c,
                                cb + i * crs + j * ccs,
                                crs,
                                ccs,
                                accumulate,
                                scratch[0],
                                scratch[1]);
                    }
                }
            }
        });
    }

    /**
     * One tile of mr x nr (at most 4 x 4) dot products. Rows and columns past the tile repeat its
     * last one, so the loop has no branches; only the real elements are stored.
     */
    private static void tile(
            int k,
            float[] a,
            int ai,
            int lda,
            int mr,
            float[] b,
            int bi,
            int ldb,
            int nr,
            float[] c,
            int ci,
            int crs,
            int ccs,
            boolean accumulate,
            float[] rows,
            float[] sums) {
        int a1 = ai + Math.min(1, mr - 1) * lda,
                a2 = ai + Math.min(2, mr - 1) * lda,
                a3 = ai + Math.min(3, mr - 1) * lda;
        int b1 = bi + Math.min(1, nr - 1) * ldb,
                b2 = bi + Math.min(2, nr - 1) * ldb,
                b3 = bi + Math.min(3, nr - 1) * ldb;
        FloatVector c00 = FloatVector.zero(S),
                c01 = c00,
                c02 = c00,
                c03 = c00,
                c10 = c00,
                c11 = c00,
                c12 = c00,
                c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int kv = S.loopBound(k);
        for (int p = 0; p < kv; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, ai + p), x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector x2 = FloatVector.fromArray(S, a, a2 + p), x3 = FloatVector.fromArray(S, a, a3 + p);
            FloatVector y = FloatVector.fromArray(S, b, bi + p);
            c00 = Fma.FAST ? x0.fma(y, c00) : x0.mul(y).add(c00);
            c10 = Fma.FAST ? x1.fma(y, c10) : x1.mul(y).add(c10);
            c20 = Fma.FAST ? x2.fma(y, c20) : x2.mul(y).add(c20);
            c30 = Fma.FAST ? x3.fma(y, c30) : x3.mul(y).add(c30);
            y = FloatVector.fromArray(S, b, b1 + p);
            c01 = Fma.FAST ? x0.fma(y, c01) : x0.mul(y).add(c01);
            c11 = Fma.FAST ? x1.fma(y, c11) : x1.mul(y).add(c11);
            c21 = Fma.FAST ? x2.fma(y, c21) : x2.mul(y).add(c21);
            c31 = Fma.FAST ? x3.fma(y, c31) : x3.mul(y).add(c31);
            y = FloatVector.fromArray(S, b, b2 + p);
            c02 = Fma.FAST ? x0.fma(y, c02) : x0.mul(y).add(c02);
            c12 = Fma.FAST ? x1.fma(y, c12) : x1.mul(y).add(c12);
            c22 = Fma.FAST ? x2.fma(y, c22) : x2.mul(y).add(c22);
            c32 = Fma.FAST ? x3.fma(y, c32) : x3.mul(y).add(c32);
            y = FloatVector.fromArray(S, b, b3 + p);
            c03 = Fma.FAST ? x0.fma(y, c03) : x0.mul(y).add(c03);
            c13 = Fma.FAST ? x1.fma(y, c13) : x1.mul(y).add(c13);
            c23 = Fma.FAST ? x2.fma(y, c23) : x2.mul(y).add(c23);
            c33 = Fma.FAST ? x3.fma(y, c33) : x3.mul(y).add(c33);
        }
        c00.intoArray(rows, 0);
        c01.intoArray(rows, L);
        c02.intoArray(rows, 2 * L);
        c03.intoArray(rows, 3 * L);
        c10.intoArray(rows, 4 * L);
        c11.intoArray(rows, 5 * L);
        c12.intoArray(rows, 6 * L);
        c13.intoArray(rows, 7 * L);
        c20.intoArray(rows, 8 * L);
        c21.intoArray(rows, 9 * L);
        c22.intoArray(rows, 10 * L);
        c23.intoArray(rows, 11 * L);
        c30.intoArray(rows, 12 * L);
        c31.intoArray(rows, 13 * L);
        c32.intoArray(rows, 14 * L);
        c33.intoArray(rows, 15 * L);
        Lanes.sumRows(rows, T * T, sums);
        float s00 = sums[0],
                s01 = sums[1],
                s02 = sums[2],
                s03 = sums[3],
                s10 = sums[4],
                s11 = sums[5],
                s12 = sums[6],
                s13 = sums[7];
        float s20 = sums[8],
                s21 = sums[9],
                s22 = sums[10],
                s23 = sums[11],
                s30 = sums[12],
                s31 = sums[13],
                s32 = sums[14],
                s33 = sums[15];
        for (int p = kv; p < k; p++) {
            float x0 = a[ai + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
            float y0 = b[bi + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
            s00 += x0 * y0;
            s01 += x0 * y1;
            s02 += x0 * y2;
            s03 += x0 * y3;
            s10 += x1 * y0;
            s11 += x1 * y1;
            s12 += x1 * y2;
            s13 += x1 * y3;
            s20 += x2 * y0;
            s21 += x2 * y1;
            s22 += x2 * y2;
            s23 += x2 * y3;
            s30 += x3 * y0;
            s31 += x3 * y1;
            s32 += x3 * y2;
            s33 += x3 * y3;
        }
        storeRow(c, ci, ccs, nr, accumulate, s00, s01, s02, s03);
        if (mr > 1) {
            storeRow(c, ci + crs, ccs, nr, accumulate, s10, s11, s12, s13);
        }
        if (mr > 2) {
            storeRow(c, ci + 2 * crs, ccs, nr, accumulate, s20, s21, s22, s23);
        }
        if (mr > 3) {
            storeRow(c, ci + 3 * crs, ccs, nr, accumulate, s30, s31, s32, s33);
        }
    }

    /** The first nr of a tile row's four values, written or added to C. */
    private static void storeRow(
            float[] c, int ci, int ccs, int nr, boolean accumulate, float v0, float v1, float v2, float v3) {
        put(c, ci, accumulate, v0);
        if (nr > 1) {
            put(c, ci + ccs, accumulate, v1);
        }
        if (nr > 2) {
            put(c, ci + 2 * ccs, accumulate, v2);
        }
        if (nr > 3) {
            put(c, ci + 3 * ccs, accumulate, v3);
        }
    }

    private static void put(float[] c, int at, boolean accumulate, float v) {
        c[at] = accumulate ? c[at] + v : v;
    }
}
