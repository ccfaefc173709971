package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 2x2, stride-2 max pool on the Vector API, along the contiguous axis: two vectors of a row
 * split into their even and odd lanes give the left and right elements of L windows, and the
 * same tree as {@link ScalarPool#row} picks each window's winner with lane masks instead of
 * branches (the winner is data-dependent, so the scalar code mispredicts about every other
 * comparison).
 *
 * <p>Rows are narrower than a vector in a CNN (14 or 7 windows against 16 lanes), so a step may
 * run past the end of its row: its extra lanes compute windows that straddle two rows and store
 * them over the first outputs of the rows below, which those rows then overwrite, as rows go in
 * order. A step is taken only when its stores stay inside this plane's output and its loads
 * inside x; the rest of the plane goes through the scalar code.
 */
final class VectorPool {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    private static final int L = S.length();
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);
    private static final IntVector TWICE_IOTA = IntVector.zero(I).addIndex(2);

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
            while (ow < outW && oh * outW + ow + L <= planeEnd && xOff + r1 + 2 * ow + 2 * L <= x.length) {
                int c = 2 * ow;
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
                t.blend(u, tu).intoArray(out, o + ow);
                if (idx != null) {
                    IntVector left = TWICE_IOTA.add(r0 + c);
                    IntVector top = left.blend(left.add(1), tb.cast(I));
                    IntVector bottom = left.add(w).blend(left.add(w + 1), td.cast(I));
                    top.blend(bottom, tu.cast(I)).intoArray(idx, io + ow);
                }
                ow += L;
            }
            if (ow < outW) {
                ScalarPool.row(outW, ow, x, xOff, r0, r1, out, o, idx, io);
            }
        }
    }
}
