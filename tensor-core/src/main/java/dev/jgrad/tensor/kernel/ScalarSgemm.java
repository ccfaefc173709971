package dev.jgrad.tensor.kernel;

// @float-only:begin
// The float64 kernel, ScalarDgemm, is generated from this file in the build's generate-sources
// phase by tensor-core/src/build/GenerateDouble.java: lines between float-only markers are left
// out, a double-only comment line becomes code, and the rest goes through its substitutions.
// @float-only:end

/**
 * float GEMM of the scalar kernels: the i-k-j order, so that the innermost loop runs along a row of
 * B and a row of C (C2 vectorises it), blocked so that a block of B stays in cache. B blocks are
 * copied into one array per row, and each C row into a row buffer, so that every stride layout
 * runs the same loop, over arrays indexed from 0.
 *
 * <p>Each C element is one chain of {@code Fma.fma} over k in order, starting from C (zero
 * unless accumulating): what {@link VectorSgemm}'s packed path computes, so the two agree bit
 * for bit there. C2's SuperWord turns the fma loops into vector fma's.
 */
final class ScalarSgemm {
    // @float-only:begin
    // The dot-product tiles that GemmRoute.dotTiles picks for few float32 outputs add in lanes,
    // and may differ from this kernel in the last bits.
    // @float-only:end
    private static final int KC = 256;
    /**
     * Whether to update two rows of C per pass ({@link #rowUpdate4x2}): JDK 25's SuperWord
     * vectorises that loop (32 against 22 GFLOPS at N = 256), JDK 17's leaves it scalar (10
     * GFLOPS), so there each row goes alone. The bits are the same either way.
     */
    private static final boolean TWO_ROWS = Runtime.version().feature() >= 25;

    private static final int NC = 512;
    /** Below this many flops the product runs on the calling thread. */
    private static final long PARALLEL_FLOPS = 1L << 22;
    /** Per thread: KC packed rows of B (NC each), then two rows of C. */
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[KC + 2][NC]);

    private ScalarSgemm() {}

    static void gemm(
            int batch, int m, int n, int k, FloatOperand a, FloatOperand b, FloatOperand c, boolean accumulate) {
        GemmSplit.run(batch, m, n, k, 1, 1, PARALLEL_FLOPS, (b0, b1, m0, m1, n0, n1) -> {
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
            float[][] bp) {
        float[] a = aOp.data(), b = bOp.data(), c = cOp.data();
        int aOff = aOp.start(t), ars = aOp.rowStride(), acs = aOp.colStride();
        int bOff = bOp.start(t), brs = bOp.rowStride(), bcs = bOp.colStride();
        int cOff = cOp.start(t), crs = cOp.rowStride(), ccs = cOp.colStride();
        if (!accumulate) {
            for (int i = m0; i < m1; i++) {
                for (int j = n0; j < n1; j++) {
                    c[cOff + i * crs + j * ccs] = 0f;
                }
            }
        }
        float[] row = bp[KC];
        float[] row2 = bp[KC + 1];
        for (int jc = n0; jc < n1; jc += NC) {
            int nc = Math.min(NC, n1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * brs + jc * bcs;
                    float[] dst = bp[p];
                    for (int j = 0; j < nc; j++) {
                        dst[j] = b[src + j * bcs];
                    }
                }
                int i = m0;
                // Two rows of C per pass over the B rows: each B load serves two fma's.
                for (; TWO_ROWS && i + 1 < m1; i += 2) {
                    int ci = cOff + i * crs + jc * ccs;
                    load(c, ci, crs, ccs, nc, row, row2);
                    int ai = aOff + i * ars + pc * acs;
                    int p = 0;
                    for (; p + 3 < kc; p += 4) {
                        int a0 = ai + p * acs, a1 = a0 + ars;
                        rowUpdate4x2(
                                row,
                                row2,
                                nc,
                                a[a0],
                                a[a0 + acs],
                                a[a0 + 2 * acs],
                                a[a0 + 3 * acs],
                                a[a1],
                                a[a1 + acs],
                                a[a1 + 2 * acs],
                                a[a1 + 3 * acs],
                                bp[p],
                                bp[p + 1],
                                bp[p + 2],
                                bp[p + 3]);
                    }
                    for (; p < kc; p++) {
                        rowUpdate1(row, nc, a[ai + p * acs], bp[p]);
                        rowUpdate1(row2, nc, a[ai + ars + p * acs], bp[p]);
                    }
                    store(row, row2, nc, c, ci, crs, ccs);
                }
                for (; i < m1; i++) {
                    int ci = cOff + i * crs + jc * ccs;
                    for (int j = 0; j < nc; j++) {
                        row[j] = c[ci + j * ccs];
                    }
                    int ai = aOff + i * ars + pc * acs;
                    int p = 0;
                    // Four rows of B per pass over the C row: a quarter of the loads and stores of C.
                    for (; p + 3 < kc; p += 4) {
                        float x0 = a[ai + p * acs];
                        float x1 = a[ai + (p + 1) * acs];
                        float x2 = a[ai + (p + 2) * acs];
                        float x3 = a[ai + (p + 3) * acs];
                        rowUpdate4(row, nc, x0, x1, x2, x3, bp[p], bp[p + 1], bp[p + 2], bp[p + 3]);
                    }
                    for (; p < kc; p++) {
                        rowUpdate1(row, nc, a[ai + p * acs], bp[p]);
                    }
                    for (int j = 0; j < nc; j++) {
                        c[ci + j * ccs] = row[j];
                    }
                }
            }
        }
    }

    /**
     * c[j] = fma(x3, b3[j], fma(x2, b2[j], fma(x1, b1[j], fma(x0, b0[j], c[j])))) for j in [0, nc).
     * Every array is indexed by j alone: C2's SuperWord vectorises this loop (vfmadd231ps on zmm
     * with AVX-512, JDK 17 and 25), but not the same loop over offsets into one array (c[o + j],
     * b[b0 + j]), which it compiled to scalar vfmadd231ss: that was the 5 to 8 GFLOPS GEMM.
     */
    private static void rowUpdate4(
            float[] c, int nc, float x0, float x1, float x2, float x3, float[] b0, float[] b1, float[] b2, float[] b3) {
        for (int j = 0; j < nc; j++) {
            float t = Fma.fma(x1, b1[j], Fma.fma(x0, b0[j], c[j]));
            c[j] = Fma.fma(x3, b3[j], Fma.fma(x2, b2[j], t));
        }
    }

    /**
     * {@link #rowUpdate4} for two rows of C at once (x for the first, y for the second), so that
     * each load of B serves two fma's; each element still gets its own fma chain in k order.
     */
    private static void rowUpdate4x2(
            float[] c,
            float[] d,
            int nc,
            float x0,
            float x1,
            float x2,
            float x3,
            float y0,
            float y1,
            float y2,
            float y3,
            float[] b0,
            float[] b1,
            float[] b2,
            float[] b3) {
        for (int j = 0; j < nc; j++) {
            float p0 = b0[j], p1 = b1[j], p2 = b2[j], p3 = b3[j];
            c[j] = Fma.fma(x3, p3, Fma.fma(x2, p2, Fma.fma(x1, p1, Fma.fma(x0, p0, c[j]))));
            d[j] = Fma.fma(y3, p3, Fma.fma(y2, p2, Fma.fma(y1, p1, Fma.fma(y0, p0, d[j]))));
        }
    }

    /** Copies two rows of C (i and i + 1, from {@code ci}) into row buffers. */
    private static void load(float[] c, int ci, int crs, int ccs, int nc, float[] row, float[] row2) {
        for (int j = 0; j < nc; j++) {
            row[j] = c[ci + j * ccs];
            row2[j] = c[ci + crs + j * ccs];
        }
    }

    /** Writes two row buffers back to rows i and i + 1 of C (from {@code ci}). */
    private static void store(float[] row, float[] row2, int nc, float[] c, int ci, int crs, int ccs) {
        for (int j = 0; j < nc; j++) {
            c[ci + j * ccs] = row[j];
            c[ci + crs + j * ccs] = row2[j];
        }
    }

    private static void rowUpdate1(float[] c, int nc, float x, float[] b) {
        for (int j = 0; j < nc; j++) {
            c[j] = Fma.fma(x, b[j], c[j]);
        }
    }
}
