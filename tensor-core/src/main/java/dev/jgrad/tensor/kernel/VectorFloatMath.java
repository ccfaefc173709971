package dev.jgrad.tensor.kernel;

import static dev.jgrad.tensor.kernel.FloatMath.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} on vector lanes: the same operations in the same order, so each lane equals
 * the scalar result bit for bit. Kept small so that C2 inlines them into the loops (a vector
 * that crosses a call that is not inlined is boxed).
 */
final class VectorFloatMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /**
     * Whether the log kernel runs here; otherwise the scalar one, which gives the same bits. On
     * JDK 17, C2 fails to intrinsify its body ("missing constant" in the JDK's shared
     * reinterpret/convert helper, whose type profile both directions feed), so every vector op
     * falls back to Java code that allocates 16 KB per 1,000 elements (KernelAllocationTest) and
     * runs at 0.3 Gelem/s, no faster than the scalar kernel. exp, tanh and sigmoid compile fine
     * there. JDK 25 compiles log fully (2.3 Gelem/s); versions in between are not tested here, so
     * they take the scalar path.
     */
    static final boolean LOG_ENABLED = Runtime.version().feature() >= 25;

    private VectorFloatMath() {}

    /**
     * One lane out of range sends the whole vector down the general path, where the scalar twin
     * decides per element; both paths give the same bits for |x| &lt;= EXP_FAST, so every lane
     * still equals {@link FloatMath#exp}.
     */
    static FloatVector exp(FloatVector x) {
        return x.abs().compare(VectorOperators.LE, EXP_FAST).allTrue() ? expInRange(x) : expAnyRange(x);
    }

    /** The usual case, every |x| &lt;= EXP_FAST: no clamps, and 2^n added to the exponent bits. */
    private static FloatVector expInRange(FloatVector x) {
        FloatVector t = x.fma(LOG2E, ROUND_MAGIC);
        IntVector scale = t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23);
        return expReduced(x, t).reinterpretAsInts().add(scale).reinterpretAsFloats();
    }

    private static FloatVector expAnyRange(FloatVector x) {
        x = x.blend(EXP_HI, x.compare(VectorOperators.GT, EXP_HI));
        x = x.blend(EXP_LO, x.compare(VectorOperators.LT, EXP_LO));
        FloatVector t = x.fma(LOG2E, ROUND_MAGIC);
        IntVector n = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
        FloatVector y = expReduced(x, t);
        IntVector n1 = n.lanewise(VectorOperators.ASHR, 1);
        IntVector n2 = n.sub(n1);
        FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return y.mul(s1).mul(s2);
    }

    private static FloatVector expReduced(FloatVector x, FloatVector t) {
        FloatVector nf = t.sub(ROUND_MAGIC);
        FloatVector r = nf.fma(FloatVector.broadcast(S, -LN2_HI), x);
        r = nf.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, E0).fma(r, FloatVector.broadcast(S, E1));
        p = p.fma(r, FloatVector.broadcast(S, E2));
        p = p.fma(r, FloatVector.broadcast(S, E3));
        p = p.fma(r, FloatVector.broadcast(S, E4));
        p = p.fma(r, FloatVector.broadcast(S, E5));
        return p.fma(r.mul(r), r).add(1f);
    }

    /**
     * out[oo + i] = log(x[xo + i]) for the whole vectors of [0, n); returns where the scalar tail
     * starts. The loop holds the whole computation: as a method of its own on one vector, log is
     * too large for C2 to inline (over 325 bytes of bytecode), and every vector crossing that
     * call was boxed (12 KB of garbage per 1,000 elements; KernelAllocationTest).
     */
    static int log(int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            VectorMask<Float> subnormal = v.compare(VectorOperators.LT, Float.MIN_NORMAL);
            FloatVector xs = v.blend(v.mul(TWO_25), subnormal);
            IntVector bits = xs.reinterpretAsInts();
            FloatVector ef = ((FloatVector) bits.lanewise(VectorOperators.LSHR, 23).convert(VectorOperators.I2F, 0))
                    .sub(126f).sub(25f, subnormal);
            FloatVector m = bits.and(0x007FFFFF).or(0x3F000000).reinterpretAsFloats();
            VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
            ef = ef.sub(1f, low);
            m = m.sub(1f).blend(m.add(m).sub(1f), low);
            FloatVector z = m.mul(m);
            FloatVector p = FloatVector.broadcast(S, L0).fma(m, FloatVector.broadcast(S, L1));
            p = p.fma(m, FloatVector.broadcast(S, L2));
            p = p.fma(m, FloatVector.broadcast(S, L3));
            p = p.fma(m, FloatVector.broadcast(S, L4));
            p = p.fma(m, FloatVector.broadcast(S, L5));
            p = p.fma(m, FloatVector.broadcast(S, L6));
            p = p.fma(m, FloatVector.broadcast(S, L7));
            p = p.fma(m, FloatVector.broadcast(S, L8));
            FloatVector y = p.mul(m).mul(z);
            y = ef.fma(FloatVector.broadcast(S, LN2_LO), y);
            y = z.fma(FloatVector.broadcast(S, -0.5f), y);
            FloatVector r = ef.fma(FloatVector.broadcast(S, LN2_HI), m.add(y));
            r = r.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            r = r.blend(Float.NEGATIVE_INFINITY, v.compare(VectorOperators.EQ, 0f));
            r.blend(Float.NaN, v.compare(VectorOperators.LT, 0f).or(v.compare(VectorOperators.NE, v))).intoArray(out, oo + i);
        }
        return bound;
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector e = exp(a.add(a));
        FloatVector big = FloatVector.broadcast(S, 2f).div(e.add(1f)).neg().add(1f);
        big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
        FloatVector z = x.mul(x);
        FloatVector p = FloatVector.broadcast(S, T0).fma(z, FloatVector.broadcast(S, T1));
        p = p.fma(z, FloatVector.broadcast(S, T2));
        p = p.fma(z, FloatVector.broadcast(S, T3));
        p = p.fma(z, FloatVector.broadcast(S, T4));
        FloatVector small = p.mul(z).fma(x, x).blend(x, x.compare(VectorOperators.EQ, 0f));
        return small.blend(big, a.compare(VectorOperators.GT, TANH_SMALL));
    }

    static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        FloatVector num = FloatVector.broadcast(S, 1f).blend(e, x.compare(VectorOperators.LT, 0f));
        return num.div(e.add(1f));
    }
}
