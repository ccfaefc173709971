package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling on the Vector API: the 2x2, stride-2 forward pass, and the gradient of any max pool
 * whose windows do not overlap ({@link #maxPoolBackward}).
 *
 * <p>The forward pass runs along the contiguous axis: two vectors of a row
 * split into their even and odd lanes give the left and right elements of L windows, and the
 * same tree as {@link ScalarPool#row} picks each window's winner with lane masks instead of
 * branches (the winner is data-dependent, so the scalar code mispredicts about every other
 * comparison).
 *
 * <p>Rows are narrower than a vector in a CNN (14 or 7 windows against 16 lanes), so a step may
 * run past the end of its row: its extra lanes compute windows that straddle two rows and store
 * them over the first outputs of the rows below, which those rows then overwrite, as rows go in
 * order. The plane's last steps store only the lanes inside its output, under a mask (the scalar
 * code took 15 ns a window there, half of the pass's time on the CNN's 7x7 outputs). A step is
 * taken only when its loads stay inside x; the rest goes through the scalar code.
 */
final class VectorPool {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    private static final int L = S.length();
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);
    private static final IntVector TWICE_IOTA = IntVector.zero(I).addIndex(2);
    private static final FloatVector ZERO = FloatVector.zero(S);

    private VectorPool() {}

    static void maxPool2x2(
            int outH, int outW, float[] x, int xOff, int w, float[] out, int outOff, int[] idx, int idxOff) {
        int planeEnd = outH * outW;
        for (int oh = 0; oh < outH; oh++) {
            int r0 = 2 * oh * w;
            int r1 = r0 + w;
            int o = outOff + oh * outW;
            int io = idxOff + oh * outW;
            int ow = 0;
            while (ow < outW && xOff + r1 + 2 * ow + 2 * L <= x.length) {
                int c = 2 * ow;
                // The plane's last steps store under a mask, so as not to run into the next plane.
                boolean whole = oh * outW + ow + L <= planeEnd;
                VectorMask<Float> inPlane = whole ? null : S.indexInRange(oh * outW + ow, planeEnd);
                FloatVector top0 = FloatVector.fromArray(S, x, xOff + r0 + c);
                FloatVector top1 = FloatVector.fromArray(S, x, xOff + r0 + c + L);
                FloatVector bot0 = FloatVector.fromArray(S, x, xOff + r1 + c);
                FloatVector bot1 = FloatVector.fromArray(S, x, xOff + r1 + c + L);
                FloatVector a = top0.rearrange(EVEN, top1);
                FloatVector b = top0.rearrange(ODD, top1);
                FloatVector cc = bot0.rearrange(EVEN, bot1);
                FloatVector d = bot0.rearrange(ODD, bot1);
                VectorMask<Float> tb = b.compare(VectorOperators.GT, a).or(b.test(VectorOperators.IS_NAN));
                FloatVector t = a.blend(b, tb);
                VectorMask<Float> td = d.compare(VectorOperators.GT, cc).or(d.test(VectorOperators.IS_NAN));
                FloatVector u = cc.blend(d, td);
                VectorMask<Float> tu = u.compare(VectorOperators.GT, t).or(u.test(VectorOperators.IS_NAN));
                FloatVector max = t.blend(u, tu);
                if (whole) {
                    max.intoArray(out, o + ow);
                } else {
                    max.intoArray(out, o + ow, inPlane);
                }
                if (idx != null) {
                    IntVector left = TWICE_IOTA.add(r0 + c);
                    IntVector top = left.blend(left.add(1), tb.cast(I));
                    IntVector bottom = left.add(w).blend(left.add(w + 1), td.cast(I));
                    IntVector at = top.blend(bottom, tu.cast(I));
                    if (whole) {
                        at.intoArray(idx, io + ow);
                    } else {
                        at.intoArray(idx, io + ow, inPlane.cast(I));
                    }
                }
                ow += L;
            }
            if (ow < outW) {
                ScalarPool.row(outW, ow, x, xOff, r0, r1, out, o, idx, io);
            }
        }
    }

    /**
     * L gradients at a time, each stored where its index points (a scatter store), after adding +0
     * as the scalar loop does. Only where vectors are 512 bits wide: x86 has a scatter instruction
     * only in AVX-512 (and Arm's SVE, whose 512-bit machines have one too); elsewhere the Vector API
     * emulates it, measured about 20% slower than the scalar loop under {@code -XX:UseAVX=2}.
     */
    static void maxPoolBackward(int n, float[] g, int gOff, int[] idx, int idxOff, float[] dx, int dxOff) {
        int k = 0;
        if (S.vectorBitSize() >= 512) {
            for (; k + L <= n; k += L) {
                FloatVector.fromArray(S, g, gOff + k).add(ZERO).intoArray(dx, dxOff, idx, idxOff + k);
            }
        }
        ScalarPool.maxPoolBackward(n - k, g, gOff + k, idx, idxOff + k, dx, dxOff);
    }
}
