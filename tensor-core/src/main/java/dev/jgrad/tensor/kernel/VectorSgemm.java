package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

// @float-only:begin
// The float64 kernel, VectorDgemm, is generated from this file in the build's generate-sources
// phase by tensor-core/src/build/GenerateDouble.java: lines between float-only markers are left
// out, a double-only comment line becomes code, and the rest goes through its substitutions.
// @float-only:end

/**
 * float32 GEMM on the preferred vector species: B is packed into column slivers of NR = NV
 * vectors, cache-blocked (KC deep, MC rows, NC columns), unless it is small or A has few rows
 * and its rows are contiguous, when it is read in place; the micro-kernel keeps an MR x NR tile
 * of C in registers, broadcasts one A value per row per step and fma's it with NV vectors of B.
 * Each C element is C + one fma chain per K block, the K blocks depending on k alone, so results
 * do not depend on the tiling of M and N or on the number of threads.
 */
final class VectorSgemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = 6;
    static final int NV = GemmTiles.vectorsPerTileRow(S.vectorBitSize());
    static final int NR = NV * L;
    /** Depth of a block: one packed B sliver is KC x NR. */
    static final int KC = 384;
    /** Rows of A per block: the MR-row slivers that reuse one B sliver. */
    static final int MC = 48;
    /** Columns of B per packed panel (KC x NC, sized for L2). */
    static final int NC = Math.max(NR, 512 / NR * NR);
    /**
     * Up to this many rows of A, B is read in place when its rows are contiguous: each B element
     * then serves at most two row tiles, so packing it would cost about as much as using it (the
     * weight gradient gᵀ @ x of a layer with 10 outputs).
     */
    static final int DIRECT_B_MAX_M = 2 * MR;
    /**
     * Up to this many elements of B (k x the part's columns), B is read in place when its rows
     * are contiguous, whatever the rows of A: 128 KB stay in L2 between row tiles, so packing
     * them buys nothing and costs a copy (6% of a 64 x 64 x 64 product).
     */
    static final int DIRECT_B_MAX_ELEMENTS = 128 * 1024 / Float.BYTES;
    /** Below this many flops the product runs on the calling thread. */
    static final long PARALLEL_FLOPS = 1L << 25;

    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[][] {new float[KC * NC], new float[MR * NR]});

    private VectorSgemm() {}

    static void gemm(
            int batch, int m, int n, int k, FloatOperand a, FloatOperand b, FloatOperand c, boolean accumulate) {
        // @float-only:begin
        // Few outputs: dot-product tiles, which float64 does not have.
        if (GemmRoute.dotTiles(n, k, a.colStride(), b.rowStride(), VectorSgemmNT.MIN_K)) {
            VectorSgemmNT.gemm(batch, m, n, k, a, b, c, accumulate, PARALLEL_FLOPS);
            return;
        }
        // @float-only:end
        GemmSplit.run(batch, m, n, k, MR, NR, PARALLEL_FLOPS, (b0, b1, m0, m1, n0, n1) -> {
            float[][] buf = BUFFERS.get();
            for (int t = b0; t < b1; t++) {
                region(m0, m1, n0, n1, k, a, b, c, t, accumulate, buf);
            }
        });
    }

    /** Rows [m0, m1) and columns [n0, n1) of product {@code t}. */
    private static void region(
            int m0,
            int m1,
            int n0,
            int n1,
            int k,
            FloatOperand aOp,
            FloatOperand bOp,
            FloatOperand cOp,
            int t,
            boolean accumulate,
            float[][] buf) {
        float[] a = aOp.data(), b = bOp.data(), c = cOp.data();
        int aOff = aOp.start(t), ars = aOp.rowStride(), acs = aOp.colStride();
        int bOff = bOp.start(t), brs = bOp.rowStride(), bcs = bOp.colStride();
        int cOff = cOp.start(t), crs = cOp.rowStride(), ccs = cOp.colStride();
        if (!accumulate) {
            zero(m0, m1, n0, n1, c, cOff, crs, ccs);
        }
        if (k == 0) {
            return;
        }
        float[] bp = buf[0];
        float[] tile = buf[1];
        int kBlocks = (k + KC - 1) / KC;
        boolean direct = bcs == 1 && (m1 - m0 <= DIRECT_B_MAX_M || (long) k * (n1 - n0) <= DIRECT_B_MAX_ELEMENTS);
        for (int jc = n0; jc < n1; jc += NC) {
            int nc = Math.min(NC, n1 - jc);
            for (int kb = 0; kb < kBlocks; kb++) {
                // Equal K blocks, so that no block is a thin remainder; they depend on k alone.
                int pc = (int) ((long) k * kb / kBlocks);
                int kc = (int) ((long) k * (kb + 1) / kBlocks) - pc;
                int bBase = bOff + pc * brs + jc * bcs;
                if (!direct) {
                    packB(kc, nc, b, bBase, brs, bcs, bp);
                }
                for (int ic = m0; ic < m1; ic += MC) {
                    int mc = Math.min(MC, m1 - ic);
                    macro(
                            mc,
                            nc,
                            kc,
                            a,
                            aOff + ic * ars + pc * acs,
                            ars,
                            acs,
                            direct ? b : null,
                            bBase,
                            brs,
                            bp,
                            c,
                            cOff + ic * crs + jc * ccs,
                            crs,
                            ccs,
                            tile);
                }
            }
        }
    }

    /**
     * Runs the tiles of one mc x nc block. A is read in place with its strides: the micro-kernel
     * only broadcasts single A values, so packing A would buy nothing but a copy. B comes packed
     * in bp, or, when {@code direct} is not null, in place from its contiguous rows (brs apart),
     * except for a last sliver of part of a vector, which is packed alone so that no load runs
     * past B's rows.
     */
    private static void macro(
            int mc,
            int nc,
            int kc,
            float[] a,
            int aBase,
            int ars,
            int acs,
            float[] direct,
            int bBase,
            int brs,
            float[] bp,
            float[] c,
            int cBase,
            int crs,
            int ccs,
            float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean wholeVectors = nr == NR || nr == L || nr == 2 * L;
            float[] bs = bp;
            int bi = jr * kc;
            int ldb = NR;
            if (direct != null && wholeVectors) {
                bs = direct;
                bi = bBase + jr;
                ldb = brs;
            } else if (direct != null) {
                packB(kc, nr, direct, bBase + jr, brs, 1, bp);
                bi = 0;
            }
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int ai = aBase + ir * ars;
                int ci = cBase + ir * crs + jr * ccs;
                if (ccs == 1 && wholeVectors) {
                    micro(kc, a, ai, ars, acs, mr, bs, bi, ldb, c, ci, crs, nr / L);
                } else {
                    edgeTile(kc, a, ai, ars, acs, mr, bs, bi, ldb, c, ci, crs, ccs, mr, nr, tile);
                }
            }
        }
    }

    /** A tile with fewer than NR columns, or whose C rows are not contiguous, goes through a small buffer. */
    private static void edgeTile(
            int kc,
            float[] a,
            int ai,
            int ars,
            int acs,
            int aRows,
            float[] bp,
            int bi,
            int ldb,
            float[] c,
            int ci,
            int crs,
            int ccs,
            int mr,
            int nr,
            float[] tile) {
        for (int r = 0; r < MR; r++) {
            for (int j = 0; j < NR; j++) {
                tile[r * NR + j] = r < mr && j < nr ? c[ci + r * crs + j * ccs] : 0f;
            }
        }
        micro(kc, a, ai, ars, acs, aRows, bp, bi, ldb, tile, 0, NR, (nr + L - 1) / L);
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                c[ci + r * crs + j * ccs] = tile[r * NR + j];
            }
        }
    }

    private static void zero(int m0, int m1, int n0, int n1, float[] c, int cOff, int crs, int ccs) {
        for (int i = m0; i < m1; i++) {
            int row = cOff + i * crs;
            if (ccs == 1) {
                java.util.Arrays.fill(c, row + n0, row + n1, 0f);
            } else {
                for (int j = n0; j < n1; j++) {
                    c[row + j * ccs] = 0f;
                }
            }
        }
    }

    /** Packs k [0, kc) x columns [0, nc) of B into slivers of NR columns: bp[t*kc + p*NR + j], zero past nc. */
    private static void packB(int kc, int nc, float[] b, int base, int brs, int bcs, float[] bp) {
        for (int t = 0; t < nc; t += NR) {
            int cols = Math.min(NR, nc - t);
            int dst = t * kc;
            if (bcs == 1 && cols == NR) {
                for (int p = 0; p < kc; p++) {
                    int src = base + p * brs + t;
                    int d = dst + p * NR;
                    for (int v = 0; v < NR; v += L) {
                        FloatVector.fromArray(S, b, src + v).intoArray(bp, d + v);
                    }
                }
            } else if (bcs == 1) {
                for (int p = 0; p < kc; p++) {
                    int src = base + p * brs + t;
                    int d = dst + p * NR;
                    for (int j = 0; j < cols; j++) {
                        bp[d + j] = b[src + j];
                    }
                    for (int j = cols; j < NR; j++) {
                        bp[d + j] = 0f;
                    }
                }
            } else {
                // A transposed B: whole blocks in registers where that is fast, the rest one by one.
                // @float-only:begin
                int done = brs == 1 && VectorTranspose.ENABLED
                        ? VectorTranspose.pack(b, base + t * bcs, bcs, kc, cols / L * L, bp, dst, NR)
                        : 0;
                // @float-only:end
                // @double-only: int done = 0; // VectorTranspose moves float blocks only
                int fullCols = done > 0 ? cols / L * L : 0;
                for (int j = 0; j < cols; j++) {
                    int src = base + (t + j) * bcs;
                    int d = dst + j;
                    for (int p = j < fullCols ? done : 0; p < kc; p++) {
                        bp[d + p * NR] = b[src + p * brs];
                    }
                }
                if (cols < NR) {
                    for (int p = 0; p < kc; p++) {
                        int d = dst + p * NR;
                        for (int j = cols; j < NR; j++) {
                            bp[d + j] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * One MR x NR tile: C[ci + r*ldc + j] += sum_p A(r, p) * bp[bi + p*ldb + j], where A(r, p) is
     * a[ai + r*ars + p*acs]. Rows past mr repeat the last row for A and for C alike, so they
     * compute and store the last row's values again: no buffer is needed for a partial row tile.
     */
    private static void micro(
            int kc,
            float[] a,
            int ai,
            int ars,
            int acs,
            int mr,
            float[] bp,
            int bi,
            int ldb,
            float[] c,
            int ci,
            int ldc,
            int vectors) {
        int last = mr - 1;
        int r1 = Math.min(1, last),
                r2 = Math.min(2, last),
                r3 = Math.min(3, last),
                r4 = Math.min(4, last),
                r5 = Math.min(5, last);
        // A tile narrower than NR (the last columns of B) uses the narrowest kernel that covers
        // it, instead of computing the full width on zero padding.
        if (vectors > 2 && Fma.FAST) {
            micro6x4(kc, a, ai, acs, r1 * ars, r2 * ars, r3 * ars, r4 * ars, r5 * ars, bp, bi, ldb, c, ci, ldc, last);
        } else if (vectors > 2) {
            // Without FMA each step is a multiply and an add, twice the vector nodes of micro6x4's
            // body, and a CI run on JDK 25 found C2 boxing part of that doubled body (about 14
            // vectors per step, 0.9 MB per 64^3 product). Two 6 x 2 halves keep each body as small as
            // the FMA one; every element still sums the same products in the same order.
            micro6x2(kc, a, ai, acs, r1 * ars, r2 * ars, r3 * ars, r4 * ars, r5 * ars, bp, bi, ldb, c, ci, ldc, last);
            micro6x2(
                    kc,
                    a,
                    ai,
                    acs,
                    r1 * ars,
                    r2 * ars,
                    r3 * ars,
                    r4 * ars,
                    r5 * ars,
                    bp,
                    bi + 2 * L,
                    ldb,
                    c,
                    ci + 2 * L,
                    ldc,
                    last);
        } else if (vectors == 2) {
            micro6x2(kc, a, ai, acs, r1 * ars, r2 * ars, r3 * ars, r4 * ars, r5 * ars, bp, bi, ldb, c, ci, ldc, last);
        } else {
            micro6x1(kc, a, ai, acs, r1 * ars, r2 * ars, r3 * ars, r4 * ars, r5 * ars, bp, bi, ldb, c, ci, ldc, last);
        }
    }

    // The tile is loaded from C and stored back, with no helper calls: the body is large enough
    // that C2 stops inlining, and a vector passed to a call that is not inlined gets boxed.
    private static void micro6x4(
            int kc,
            float[] a,
            int ai,
            int acs,
            int o1,
            int o2,
            int o3,
            int o4,
            int o5,
            float[] bp,
            int bi,
            int ldb,
            float[] c,
            int ci,
            int ldc,
            int last) {
        int r1 = ci + Math.min(1, last) * ldc, r2 = ci + Math.min(2, last) * ldc, r3 = ci + Math.min(3, last) * ldc;
        int r4 = ci + Math.min(4, last) * ldc, r5 = ci + Math.min(5, last) * ldc;
        FloatVector c00 = FloatVector.fromArray(S, c, ci), c01 = FloatVector.fromArray(S, c, ci + L);
        FloatVector c02 = FloatVector.fromArray(S, c, ci + 2 * L), c03 = FloatVector.fromArray(S, c, ci + 3 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, r1), c11 = FloatVector.fromArray(S, c, r1 + L);
        FloatVector c12 = FloatVector.fromArray(S, c, r1 + 2 * L), c13 = FloatVector.fromArray(S, c, r1 + 3 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, r2), c21 = FloatVector.fromArray(S, c, r2 + L);
        FloatVector c22 = FloatVector.fromArray(S, c, r2 + 2 * L), c23 = FloatVector.fromArray(S, c, r2 + 3 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, r3), c31 = FloatVector.fromArray(S, c, r3 + L);
        FloatVector c32 = FloatVector.fromArray(S, c, r3 + 2 * L), c33 = FloatVector.fromArray(S, c, r3 + 3 * L);
        FloatVector c40 = FloatVector.fromArray(S, c, r4), c41 = FloatVector.fromArray(S, c, r4 + L);
        FloatVector c42 = FloatVector.fromArray(S, c, r4 + 2 * L), c43 = FloatVector.fromArray(S, c, r4 + 3 * L);
        FloatVector c50 = FloatVector.fromArray(S, c, r5), c51 = FloatVector.fromArray(S, c, r5 + L);
        FloatVector c52 = FloatVector.fromArray(S, c, r5 + 2 * L), c53 = FloatVector.fromArray(S, c, r5 + 3 * L);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c00 = Fma.FAST ? x.fma(b0, c00) : x.mul(b0).add(c00);
            c01 = Fma.FAST ? x.fma(b1, c01) : x.mul(b1).add(c01);
            c02 = Fma.FAST ? x.fma(b2, c02) : x.mul(b2).add(c02);
            c03 = Fma.FAST ? x.fma(b3, c03) : x.mul(b3).add(c03);
            x = FloatVector.broadcast(S, a[ai + o1]);
            c10 = Fma.FAST ? x.fma(b0, c10) : x.mul(b0).add(c10);
            c11 = Fma.FAST ? x.fma(b1, c11) : x.mul(b1).add(c11);
            c12 = Fma.FAST ? x.fma(b2, c12) : x.mul(b2).add(c12);
            c13 = Fma.FAST ? x.fma(b3, c13) : x.mul(b3).add(c13);
            x = FloatVector.broadcast(S, a[ai + o2]);
            c20 = Fma.FAST ? x.fma(b0, c20) : x.mul(b0).add(c20);
            c21 = Fma.FAST ? x.fma(b1, c21) : x.mul(b1).add(c21);
            c22 = Fma.FAST ? x.fma(b2, c22) : x.mul(b2).add(c22);
            c23 = Fma.FAST ? x.fma(b3, c23) : x.mul(b3).add(c23);
            x = FloatVector.broadcast(S, a[ai + o3]);
            c30 = Fma.FAST ? x.fma(b0, c30) : x.mul(b0).add(c30);
            c31 = Fma.FAST ? x.fma(b1, c31) : x.mul(b1).add(c31);
            c32 = Fma.FAST ? x.fma(b2, c32) : x.mul(b2).add(c32);
            c33 = Fma.FAST ? x.fma(b3, c33) : x.mul(b3).add(c33);
            x = FloatVector.broadcast(S, a[ai + o4]);
            c40 = Fma.FAST ? x.fma(b0, c40) : x.mul(b0).add(c40);
            c41 = Fma.FAST ? x.fma(b1, c41) : x.mul(b1).add(c41);
            c42 = Fma.FAST ? x.fma(b2, c42) : x.mul(b2).add(c42);
            c43 = Fma.FAST ? x.fma(b3, c43) : x.mul(b3).add(c43);
            x = FloatVector.broadcast(S, a[ai + o5]);
            c50 = Fma.FAST ? x.fma(b0, c50) : x.mul(b0).add(c50);
            c51 = Fma.FAST ? x.fma(b1, c51) : x.mul(b1).add(c51);
            c52 = Fma.FAST ? x.fma(b2, c52) : x.mul(b2).add(c52);
            c53 = Fma.FAST ? x.fma(b3, c53) : x.mul(b3).add(c53);
            ai += acs;
            bi += ldb;
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L);
        c03.intoArray(c, ci + 3 * L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c12.intoArray(c, r1 + 2 * L);
        c13.intoArray(c, r1 + 3 * L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c22.intoArray(c, r2 + 2 * L);
        c23.intoArray(c, r2 + 3 * L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c32.intoArray(c, r3 + 2 * L);
        c33.intoArray(c, r3 + 3 * L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c42.intoArray(c, r4 + 2 * L);
        c43.intoArray(c, r4 + 3 * L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
        c52.intoArray(c, r5 + 2 * L);
        c53.intoArray(c, r5 + 3 * L);
    }

    private static void micro6x2(
            int kc,
            float[] a,
            int ai,
            int acs,
            int o1,
            int o2,
            int o3,
            int o4,
            int o5,
            float[] bp,
            int bi,
            int ldb,
            float[] c,
            int ci,
            int ldc,
            int last) {
        int r1 = ci + Math.min(1, last) * ldc, r2 = ci + Math.min(2, last) * ldc, r3 = ci + Math.min(3, last) * ldc;
        int r4 = ci + Math.min(4, last) * ldc, r5 = ci + Math.min(5, last) * ldc;
        FloatVector c00 = FloatVector.fromArray(S, c, ci), c01 = FloatVector.fromArray(S, c, ci + L);
        FloatVector c10 = FloatVector.fromArray(S, c, r1), c11 = FloatVector.fromArray(S, c, r1 + L);
        FloatVector c20 = FloatVector.fromArray(S, c, r2), c21 = FloatVector.fromArray(S, c, r2 + L);
        FloatVector c30 = FloatVector.fromArray(S, c, r3), c31 = FloatVector.fromArray(S, c, r3 + L);
        FloatVector c40 = FloatVector.fromArray(S, c, r4), c41 = FloatVector.fromArray(S, c, r4 + L);
        FloatVector c50 = FloatVector.fromArray(S, c, r5), c51 = FloatVector.fromArray(S, c, r5 + L);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c00 = Fma.FAST ? x.fma(b0, c00) : x.mul(b0).add(c00);
            c01 = Fma.FAST ? x.fma(b1, c01) : x.mul(b1).add(c01);
            x = FloatVector.broadcast(S, a[ai + o1]);
            c10 = Fma.FAST ? x.fma(b0, c10) : x.mul(b0).add(c10);
            c11 = Fma.FAST ? x.fma(b1, c11) : x.mul(b1).add(c11);
            x = FloatVector.broadcast(S, a[ai + o2]);
            c20 = Fma.FAST ? x.fma(b0, c20) : x.mul(b0).add(c20);
            c21 = Fma.FAST ? x.fma(b1, c21) : x.mul(b1).add(c21);
            x = FloatVector.broadcast(S, a[ai + o3]);
            c30 = Fma.FAST ? x.fma(b0, c30) : x.mul(b0).add(c30);
            c31 = Fma.FAST ? x.fma(b1, c31) : x.mul(b1).add(c31);
            x = FloatVector.broadcast(S, a[ai + o4]);
            c40 = Fma.FAST ? x.fma(b0, c40) : x.mul(b0).add(c40);
            c41 = Fma.FAST ? x.fma(b1, c41) : x.mul(b1).add(c41);
            x = FloatVector.broadcast(S, a[ai + o5]);
            c50 = Fma.FAST ? x.fma(b0, c50) : x.mul(b0).add(c50);
            c51 = Fma.FAST ? x.fma(b1, c51) : x.mul(b1).add(c51);
            ai += acs;
            bi += ldb;
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
    }

    private static void micro6x1(
            int kc,
            float[] a,
            int ai,
            int acs,
            int o1,
            int o2,
            int o3,
            int o4,
            int o5,
            float[] bp,
            int bi,
            int ldb,
            float[] c,
            int ci,
            int ldc,
            int last) {
        int r1 = ci + Math.min(1, last) * ldc, r2 = ci + Math.min(2, last) * ldc, r3 = ci + Math.min(3, last) * ldc;
        int r4 = ci + Math.min(4, last) * ldc, r5 = ci + Math.min(5, last) * ldc;
        FloatVector c0 = FloatVector.fromArray(S, c, ci),
                c1 = FloatVector.fromArray(S, c, r1),
                c2 = FloatVector.fromArray(S, c, r2);
        FloatVector c3 = FloatVector.fromArray(S, c, r3),
                c4 = FloatVector.fromArray(S, c, r4),
                c5 = FloatVector.fromArray(S, c, r5);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c0 = Fma.FAST ? x.fma(b0, c0) : x.mul(b0).add(c0);
            x = FloatVector.broadcast(S, a[ai + o1]);
            c1 = Fma.FAST ? x.fma(b0, c1) : x.mul(b0).add(c1);
            x = FloatVector.broadcast(S, a[ai + o2]);
            c2 = Fma.FAST ? x.fma(b0, c2) : x.mul(b0).add(c2);
            x = FloatVector.broadcast(S, a[ai + o3]);
            c3 = Fma.FAST ? x.fma(b0, c3) : x.mul(b0).add(c3);
            x = FloatVector.broadcast(S, a[ai + o4]);
            c4 = Fma.FAST ? x.fma(b0, c4) : x.mul(b0).add(c4);
            x = FloatVector.broadcast(S, a[ai + o5]);
            c5 = Fma.FAST ? x.fma(b0, c5) : x.mul(b0).add(c5);
            ai += acs;
            bi += ldb;
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, r1);
        c2.intoArray(c, r2);
        c3.intoArray(c, r3);
        c4.intoArray(c, r4);
        c5.intoArray(c, r5);
    }
}
