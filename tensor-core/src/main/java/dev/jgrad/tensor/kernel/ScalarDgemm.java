package dev.jgrad.tensor.kernel;

/**
 * double GEMM of the scalar kernels: the i-k-j order, so that the innermost loop runs along a row of
 * B and a row of C (C2 vectorises it), blocked so that a block of B stays in cache. B blocks are
 * copied to a contiguous buffer, so every stride layout runs the same loop.
 */
final class ScalarDgemm {
    private static final int KC = 256;
    private static final int NC = 512;
    /** Below this many flops the product runs on the calling thread. */
    private static final long PARALLEL_FLOPS = 1L << 22;

    private static final ThreadLocal<double[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new double[][] {new double[KC * NC], new double[NC]});

    private ScalarDgemm() {}

    static void gemm(
            int batch,
            int m,
            int n,
            int k,
            double[] a,
            int aOff,
            int aBatch,
            int ars,
            int acs,
            double[] b,
            int bOff,
            int bBatch,
            int brs,
            int bcs,
            double[] c,
            int cOff,
            int cBatch,
            int crs,
            int ccs,
            boolean accumulate) {
        GemmSplit.run(batch, m, n, k, 1, 1, PARALLEL_FLOPS, (b0, b1, m0, m1, n0, n1) -> {
            double[][] buf = BUFFERS.get();
            for (int t = b0; t < b1; t++) {
                region(
                        m0,
                        m1,
                        n0,
                        n1,
                        k,
                        a,
                        aOff + t * aBatch,
                        ars,
                        acs,
                        b,
                        bOff + t * bBatch,
                        brs,
                        bcs,
                        c,
                        cOff + t * cBatch,
                        crs,
                        ccs,
                        accumulate,
                        buf[0],
                        buf[1]);
            }
        });
    }

    private static void region(
            int m0,
            int m1,
            int n0,
            int n1,
            int k,
            double[] a,
            int aOff,
            int ars,
            int acs,
            double[] b,
            int bOff,
            int brs,
            int bcs,
            double[] c,
            int cOff,
            int crs,
            int ccs,
            boolean accumulate,
            double[] bp,
            double[] row) {
        if (!accumulate) {
            for (int i = m0; i < m1; i++) {
                for (int j = n0; j < n1; j++) {
                    c[cOff + i * crs + j * ccs] = 0.0;
                }
            }
        }
        for (int jc = n0; jc < n1; jc += NC) {
            int nc = Math.min(NC, n1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * brs + jc * bcs;
                    for (int j = 0; j < nc; j++) {
                        bp[p * nc + j] = b[src + j * bcs];
                    }
                }
                for (int i = m0; i < m1; i++) {
                    int ci = cOff + i * crs + jc * ccs;
                    double[] out = c;
                    int o = ci;
                    if (ccs != 1) {
                        for (int j = 0; j < nc; j++) {
                            row[j] = c[ci + j * ccs];
                        }
                        out = row;
                        o = 0;
                    }
                    int ai = aOff + i * ars + pc * acs;
                    int p = 0;
                    // Four rows of B per pass over the C row: a quarter of the loads and stores of C.
                    for (; p + 3 < kc; p += 4) {
                        double x0 = a[ai + p * acs];
                        double x1 = a[ai + (p + 1) * acs];
                        double x2 = a[ai + (p + 2) * acs];
                        double x3 = a[ai + (p + 3) * acs];
                        rowUpdate4(out, o, nc, x0, x1, x2, x3, bp, p * nc);
                    }
                    for (; p < kc; p++) {
                        rowUpdate1(out, o, nc, a[ai + p * acs], bp, p * nc);
                    }
                    if (ccs != 1) {
                        for (int j = 0; j < nc; j++) {
                            c[ci + j * ccs] = row[j];
                        }
                    }
                }
            }
        }
    }

    /** c[o + j] += x0*b[j] + x1*b[nc + j] + x2*b[2nc + j] + x3*b[3nc + j]; a loop C2 vectorises. */
    private static void rowUpdate4(
            double[] c, int o, int nc, double x0, double x1, double x2, double x3, double[] b, int b0) {
        int b1 = b0 + nc;
        int b2 = b1 + nc;
        int b3 = b2 + nc;
        for (int j = 0; j < nc; j++) {
            c[o + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
        }
    }

    private static void rowUpdate1(double[] c, int o, int nc, double x, double[] b, int b0) {
        for (int j = 0; j < nc; j++) {
            c[o + j] += x * b[b0 + j];
        }
    }
}
