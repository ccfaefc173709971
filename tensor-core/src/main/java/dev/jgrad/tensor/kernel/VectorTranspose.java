package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs a transposed B (k contiguous, columns ldb apart) into GEMM slivers by transposing L x L
 * blocks in registers: log2(L) stages of two-vector shuffles that swap ever smaller blocks.
 * Only JDK 25 and newer compile two-vector {@code rearrange} to a couple of permutes (JDK 17
 * falls back to code ten times slower than a scalar copy), so older JDKs copy element by element.
 */
final class VectorTranspose {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final boolean ENABLED = (L == 16 || L == 8) && Runtime.version().feature() >= 25;
    // A generic array can't be created, only cast to: the arrays hold nothing but float shuffles.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final VectorShuffle<Float>[] LO = new VectorShuffle[Integer.numberOfTrailingZeros(L)];

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final VectorShuffle<Float>[] HI = new VectorShuffle[Integer.numberOfTrailingZeros(L)];

    static {
        // Stage s pairs row i with row i + d (d = L / 2^(s+1)) and swaps their off-diagonal d-blocks;
        // an index below 0 takes lane index + L of the second vector.
        for (int s = 0; s < LO.length; s++) {
            int d = L >> (s + 1);
            int[] lo = new int[L];
            int[] hi = new int[L];
            for (int c = 0; c < L; c++) {
                int blk = c / d;
                int lane = blk / 2 * 2 * d + c % d;
                boolean second = blk % 2 == 1;
                lo[c] = second ? lane - L : lane;
                hi[c] = second ? lane + d - L : lane + d;
            }
            LO[s] = VectorShuffle.fromArray(S, lo, 0);
            HI[s] = VectorShuffle.fromArray(S, hi, 0);
        }
    }

    private VectorTranspose() {}

    /**
     * bp[dst + p*nr + j] = b[base + j*ldb + p] for p in [0, kc) and j in [0, cols): the whole
     * L x L blocks here, the rest by the caller's scalar loop. Returns how many k rows were done.
     */
    static int pack(float[] b, int base, int ldb, int kc, int cols, float[] bp, int dst, int nr) {
        int kFull = kc - kc % L;
        for (int j0 = 0; j0 + L <= cols; j0 += L) {
            for (int p0 = 0; p0 < kFull; p0 += L) {
                if (L == 16) {
                    block16(b, base + j0 * ldb + p0, ldb, bp, dst + p0 * nr + j0, nr);
                } else {
                    block8(b, base + j0 * ldb + p0, ldb, bp, dst + p0 * nr + j0, nr);
                }
            }
        }
        return kFull;
    }

    /** Transposes one 16 x 16 block: rows j0..j0+15 of the source (each contiguous in k) into 16 packed k-rows. */
    private static void block16(float[] b, int src, int ldb, float[] bp, int dst, int nr) {
        FloatVector r0 = FloatVector.fromArray(S, b, src + 0 * ldb);
        FloatVector r1 = FloatVector.fromArray(S, b, src + 1 * ldb);
        FloatVector r2 = FloatVector.fromArray(S, b, src + 2 * ldb);
        FloatVector r3 = FloatVector.fromArray(S, b, src + 3 * ldb);
        FloatVector r4 = FloatVector.fromArray(S, b, src + 4 * ldb);
        FloatVector r5 = FloatVector.fromArray(S, b, src + 5 * ldb);
        FloatVector r6 = FloatVector.fromArray(S, b, src + 6 * ldb);
        FloatVector r7 = FloatVector.fromArray(S, b, src + 7 * ldb);
        FloatVector r8 = FloatVector.fromArray(S, b, src + 8 * ldb);
        FloatVector r9 = FloatVector.fromArray(S, b, src + 9 * ldb);
        FloatVector r10 = FloatVector.fromArray(S, b, src + 10 * ldb);
        FloatVector r11 = FloatVector.fromArray(S, b, src + 11 * ldb);
        FloatVector r12 = FloatVector.fromArray(S, b, src + 12 * ldb);
        FloatVector r13 = FloatVector.fromArray(S, b, src + 13 * ldb);
        FloatVector r14 = FloatVector.fromArray(S, b, src + 14 * ldb);
        FloatVector r15 = FloatVector.fromArray(S, b, src + 15 * ldb);
        FloatVector s0x0 = r0.rearrange(LO[0], r8);
        FloatVector s0x8 = r0.rearrange(HI[0], r8);
        FloatVector s0x1 = r1.rearrange(LO[0], r9);
        FloatVector s0x9 = r1.rearrange(HI[0], r9);
        FloatVector s0x2 = r2.rearrange(LO[0], r10);
        FloatVector s0x10 = r2.rearrange(HI[0], r10);
        FloatVector s0x3 = r3.rearrange(LO[0], r11);
        FloatVector s0x11 = r3.rearrange(HI[0], r11);
        FloatVector s0x4 = r4.rearrange(LO[0], r12);
        FloatVector s0x12 = r4.rearrange(HI[0], r12);
        FloatVector s0x5 = r5.rearrange(LO[0], r13);
        FloatVector s0x13 = r5.rearrange(HI[0], r13);
        FloatVector s0x6 = r6.rearrange(LO[0], r14);
        FloatVector s0x14 = r6.rearrange(HI[0], r14);
        FloatVector s0x7 = r7.rearrange(LO[0], r15);
        FloatVector s0x15 = r7.rearrange(HI[0], r15);
        FloatVector s1x0 = s0x0.rearrange(LO[1], s0x4);
        FloatVector s1x4 = s0x0.rearrange(HI[1], s0x4);
        FloatVector s1x1 = s0x1.rearrange(LO[1], s0x5);
        FloatVector s1x5 = s0x1.rearrange(HI[1], s0x5);
        FloatVector s1x2 = s0x2.rearrange(LO[1], s0x6);
        FloatVector s1x6 = s0x2.rearrange(HI[1], s0x6);
        FloatVector s1x3 = s0x3.rearrange(LO[1], s0x7);
        FloatVector s1x7 = s0x3.rearrange(HI[1], s0x7);
        FloatVector s1x8 = s0x8.rearrange(LO[1], s0x12);
        FloatVector s1x12 = s0x8.rearrange(HI[1], s0x12);
        FloatVector s1x9 = s0x9.rearrange(LO[1], s0x13);
        FloatVector s1x13 = s0x9.rearrange(HI[1], s0x13);
        FloatVector s1x10 = s0x10.rearrange(LO[1], s0x14);
        FloatVector s1x14 = s0x10.rearrange(HI[1], s0x14);
        FloatVector s1x11 = s0x11.rearrange(LO[1], s0x15);
        FloatVector s1x15 = s0x11.rearrange(HI[1], s0x15);
        FloatVector s2x0 = s1x0.rearrange(LO[2], s1x2);
        FloatVector s2x2 = s1x0.rearrange(HI[2], s1x2);
        FloatVector s2x1 = s1x1.rearrange(LO[2], s1x3);
        FloatVector s2x3 = s1x1.rearrange(HI[2], s1x3);
        FloatVector s2x4 = s1x4.rearrange(LO[2], s1x6);
        FloatVector s2x6 = s1x4.rearrange(HI[2], s1x6);
        FloatVector s2x5 = s1x5.rearrange(LO[2], s1x7);
        FloatVector s2x7 = s1x5.rearrange(HI[2], s1x7);
        FloatVector s2x8 = s1x8.rearrange(LO[2], s1x10);
        FloatVector s2x10 = s1x8.rearrange(HI[2], s1x10);
        FloatVector s2x9 = s1x9.rearrange(LO[2], s1x11);
        FloatVector s2x11 = s1x9.rearrange(HI[2], s1x11);
        FloatVector s2x12 = s1x12.rearrange(LO[2], s1x14);
        FloatVector s2x14 = s1x12.rearrange(HI[2], s1x14);
        FloatVector s2x13 = s1x13.rearrange(LO[2], s1x15);
        FloatVector s2x15 = s1x13.rearrange(HI[2], s1x15);
        FloatVector s3x0 = s2x0.rearrange(LO[3], s2x1);
        FloatVector s3x1 = s2x0.rearrange(HI[3], s2x1);
        FloatVector s3x2 = s2x2.rearrange(LO[3], s2x3);
        FloatVector s3x3 = s2x2.rearrange(HI[3], s2x3);
        FloatVector s3x4 = s2x4.rearrange(LO[3], s2x5);
        FloatVector s3x5 = s2x4.rearrange(HI[3], s2x5);
        FloatVector s3x6 = s2x6.rearrange(LO[3], s2x7);
        FloatVector s3x7 = s2x6.rearrange(HI[3], s2x7);
        FloatVector s3x8 = s2x8.rearrange(LO[3], s2x9);
        FloatVector s3x9 = s2x8.rearrange(HI[3], s2x9);
        FloatVector s3x10 = s2x10.rearrange(LO[3], s2x11);
        FloatVector s3x11 = s2x10.rearrange(HI[3], s2x11);
        FloatVector s3x12 = s2x12.rearrange(LO[3], s2x13);
        FloatVector s3x13 = s2x12.rearrange(HI[3], s2x13);
        FloatVector s3x14 = s2x14.rearrange(LO[3], s2x15);
        FloatVector s3x15 = s2x14.rearrange(HI[3], s2x15);
        s3x0.intoArray(bp, dst + 0 * nr);
        s3x1.intoArray(bp, dst + 1 * nr);
        s3x2.intoArray(bp, dst + 2 * nr);
        s3x3.intoArray(bp, dst + 3 * nr);
        s3x4.intoArray(bp, dst + 4 * nr);
        s3x5.intoArray(bp, dst + 5 * nr);
        s3x6.intoArray(bp, dst + 6 * nr);
        s3x7.intoArray(bp, dst + 7 * nr);
        s3x8.intoArray(bp, dst + 8 * nr);
        s3x9.intoArray(bp, dst + 9 * nr);
        s3x10.intoArray(bp, dst + 10 * nr);
        s3x11.intoArray(bp, dst + 11 * nr);
        s3x12.intoArray(bp, dst + 12 * nr);
        s3x13.intoArray(bp, dst + 13 * nr);
        s3x14.intoArray(bp, dst + 14 * nr);
        s3x15.intoArray(bp, dst + 15 * nr);
    }

    /** Transposes one 8 x 8 block: rows j0..j0+7 of the source (each contiguous in k) into 8 packed k-rows. */
    private static void block8(float[] b, int src, int ldb, float[] bp, int dst, int nr) {
        FloatVector r0 = FloatVector.fromArray(S, b, src + 0 * ldb);
        FloatVector r1 = FloatVector.fromArray(S, b, src + 1 * ldb);
        FloatVector r2 = FloatVector.fromArray(S, b, src + 2 * ldb);
        FloatVector r3 = FloatVector.fromArray(S, b, src + 3 * ldb);
        FloatVector r4 = FloatVector.fromArray(S, b, src + 4 * ldb);
        FloatVector r5 = FloatVector.fromArray(S, b, src + 5 * ldb);
        FloatVector r6 = FloatVector.fromArray(S, b, src + 6 * ldb);
        FloatVector r7 = FloatVector.fromArray(S, b, src + 7 * ldb);
        FloatVector s0x0 = r0.rearrange(LO[0], r4);
        FloatVector s0x4 = r0.rearrange(HI[0], r4);
        FloatVector s0x1 = r1.rearrange(LO[0], r5);
        FloatVector s0x5 = r1.rearrange(HI[0], r5);
        FloatVector s0x2 = r2.rearrange(LO[0], r6);
        FloatVector s0x6 = r2.rearrange(HI[0], r6);
        FloatVector s0x3 = r3.rearrange(LO[0], r7);
        FloatVector s0x7 = r3.rearrange(HI[0], r7);
        FloatVector s1x0 = s0x0.rearrange(LO[1], s0x2);
        FloatVector s1x2 = s0x0.rearrange(HI[1], s0x2);
        FloatVector s1x1 = s0x1.rearrange(LO[1], s0x3);
        FloatVector s1x3 = s0x1.rearrange(HI[1], s0x3);
        FloatVector s1x4 = s0x4.rearrange(LO[1], s0x6);
        FloatVector s1x6 = s0x4.rearrange(HI[1], s0x6);
        FloatVector s1x5 = s0x5.rearrange(LO[1], s0x7);
        FloatVector s1x7 = s0x5.rearrange(HI[1], s0x7);
        FloatVector s2x0 = s1x0.rearrange(LO[2], s1x1);
        FloatVector s2x1 = s1x0.rearrange(HI[2], s1x1);
        FloatVector s2x2 = s1x2.rearrange(LO[2], s1x3);
        FloatVector s2x3 = s1x2.rearrange(HI[2], s1x3);
        FloatVector s2x4 = s1x4.rearrange(LO[2], s1x5);
        FloatVector s2x5 = s1x4.rearrange(HI[2], s1x5);
        FloatVector s2x6 = s1x6.rearrange(LO[2], s1x7);
        FloatVector s2x7 = s1x6.rearrange(HI[2], s1x7);
        s2x0.intoArray(bp, dst + 0 * nr);
        s2x1.intoArray(bp, dst + 1 * nr);
        s2x2.intoArray(bp, dst + 2 * nr);
        s2x3.intoArray(bp, dst + 3 * nr);
        s2x4.intoArray(bp, dst + 4 * nr);
        s2x5.intoArray(bp, dst + 5 * nr);
        s2x6.intoArray(bp, dst + 6 * nr);
        s2x7.intoArray(bp, dst + 7 * nr);
    }
}
