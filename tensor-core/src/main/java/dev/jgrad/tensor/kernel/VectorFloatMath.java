package dev.jgrad.tensor.kernel;

import static dev.jgrad.tensor.kernel.FloatMath.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} on vector lanes: the same operations in the same order, so each lane equals
 * the scalar result bit for bit. Each function is a whole loop over arrays, returning where the
 * scalar tail starts, and no vector crosses a method call: a vector passed to a call that C2 does
 * not inline is boxed. C2 does not inline a helper over 325 bytes of bytecode (log, as a
 * helper, ran boxed at a sixth of its speed), nor one it has already compiled on its own into a
 * large method, which depends on compile order.
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
     * out[oo + i] = op(x[xo + i]) for op EXP, TANH or SIGMOID, over the whole vectors of [0, n);
     * returns where the scalar tail starts. One loop for the three so that exp's body, which tanh
     * (exp(2|x|)) and sigmoid (exp(-|x|)) both need, is written once and runs inline in each:
     * the tests on op do not depend on the loop, and cost a predicted branch per vector.
     *
     * <p>exp: one lane out of range sends the whole vector down the general path (clamped input,
     * 2^n applied in two halves), where the scalar twin decides per element; both paths give the
     * same bits for |x| &lt;= EXP_FAST, so every lane still equals {@link FloatMath#exp}.
     */
    static int expFamily(UnaryOp op, int n, float[] x, int xo, float[] out, int oo) {
        boolean tanh = op == UnaryOp.TANH, sigmoid = op == UnaryOp.SIGMOID;
        if (!tanh && !sigmoid && op != UnaryOp.EXP) {
            throw new IllegalArgumentException("not an exp-based op: " + op);
        }
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector a = v.abs();
            FloatVector arg = tanh ? a.add(a) : sigmoid ? a.neg() : v;
            boolean inRange = arg.abs().compare(VectorOperators.LE, EXP_FAST).allTrue();
            if (!inRange) {
                arg = arg.blend(EXP_HI, arg.compare(VectorOperators.GT, EXP_HI));
                arg = arg.blend(EXP_LO, arg.compare(VectorOperators.LT, EXP_LO));
            }
            FloatVector t = arg.fma(LOG2E, ROUND_MAGIC);
            // exp(r) for the reduced r = arg - n ln 2, as FloatMath.expReduced
            FloatVector nf = t.sub(ROUND_MAGIC);
            FloatVector r = nf.fma(FloatVector.broadcast(S, -LN2_HI), arg);
            r = nf.fma(FloatVector.broadcast(S, -LN2_LO), r);
            FloatVector p = FloatVector.broadcast(S, E0).fma(r, FloatVector.broadcast(S, E1));
            p = p.fma(r, FloatVector.broadcast(S, E2));
            p = p.fma(r, FloatVector.broadcast(S, E3));
            p = p.fma(r, FloatVector.broadcast(S, E4));
            p = p.fma(r, FloatVector.broadcast(S, E5));
            FloatVector e = p.fma(r.mul(r), r).add(1f);
            if (inRange) {
                // 2^n added straight to the exponent bits
                IntVector scale = t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23);
                e = e.reinterpretAsInts().add(scale).reinterpretAsFloats();
            } else {
                IntVector k = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
                IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
                IntVector k2 = k.sub(k1);
                FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                e = e.mul(s1).mul(s2);
            }
            FloatVector y = e;
            if (tanh) {
                FloatVector big = FloatVector.broadcast(S, 2f).div(e.add(1f)).neg().add(1f);
                big = big.blend(big.neg(), v.compare(VectorOperators.LT, 0f));
                FloatVector z = v.mul(v);
                FloatVector q = FloatVector.broadcast(S, T0).fma(z, FloatVector.broadcast(S, T1));
                q = q.fma(z, FloatVector.broadcast(S, T2));
                q = q.fma(z, FloatVector.broadcast(S, T3));
                q = q.fma(z, FloatVector.broadcast(S, T4));
                FloatVector small = q.mul(z).fma(v, v).blend(v, v.compare(VectorOperators.EQ, 0f));
                y = small.blend(big, a.compare(VectorOperators.GT, TANH_SMALL));
            } else if (sigmoid) {
                FloatVector num = FloatVector.broadcast(S, 1f).blend(e, v.compare(VectorOperators.LT, 0f));
                y = num.div(e.add(1f));
            }
            y.intoArray(out, oo + i);
        }
        return bound;
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

    /**
     * out[oo + i] = sin or cos of x[xo + i] (op SIN or COS) over the whole vectors of [0, n);
     * returns where the scalar tail starts. A vector with a lane beyond TRIG_MAX (or NaN, or
     * infinite) is done lane by lane by {@link FloatMath}, which computes those lanes in double.
     */
    static int trig(UnaryOp op, int n, float[] x, int xo, float[] out, int oo) {
        boolean cos = op == UnaryOp.COS;
        if (!cos && op != UnaryOp.SIN) {
            throw new IllegalArgumentException("not sin or cos: " + op);
        }
        int shift = cos ? 1 : 0;
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            if (!v.abs().compare(VectorOperators.LE, TRIG_MAX).allTrue()) {
                for (int j = 0; j < S.length(); j++) {
                    out[oo + i + j] = cos ? FloatMath.cos(x[xo + i + j]) : FloatMath.sin(x[xo + i + j]);
                }
                continue;
            }
            FloatVector t = v.fma(TWO_OVER_PI, ROUND_MAGIC);
            FloatVector nf = t.sub(ROUND_MAGIC);
            FloatVector r = nf.fma(FloatVector.broadcast(S, -PIO2_1), v);
            r = nf.fma(FloatVector.broadcast(S, -PIO2_2), r);
            r = nf.fma(FloatVector.broadcast(S, -PIO2_3), r);
            FloatVector z = r.mul(r);
            FloatVector ps = FloatVector.broadcast(S, S3).fma(z, FloatVector.broadcast(S, S2));
            ps = ps.fma(z, FloatVector.broadcast(S, S1));
            FloatVector sin = ps.mul(z).fma(r, r);
            FloatVector pc = FloatVector.broadcast(S, K3).fma(z, FloatVector.broadcast(S, K2));
            pc = pc.fma(z, FloatVector.broadcast(S, K1));
            FloatVector c = pc.fma(z.mul(z), z.fma(-0.5f, 1f));
            IntVector q = t.reinterpretAsInts().add(shift);
            IntVector si = sin.reinterpretAsInts();
            IntVector y = si.blend(c.reinterpretAsInts(), q.and(1).compare(VectorOperators.NE, 0));
            y = y.lanewise(VectorOperators.XOR, q.and(2).lanewise(VectorOperators.LSHL, 30));
            FloatVector res = y.reinterpretAsFloats();
            if (!cos) {
                res = res.blend(v, v.compare(VectorOperators.EQ, 0f));
            }
            res.intoArray(out, oo + i);
        }
        return bound;
    }

    /**
     * out[oo + i] = erf(x[xo + i]) over the whole vectors of [0, n); returns where the scalar tail
     * starts. Both of {@link FloatMath#erf}'s formulas run on every lane and the lanes pick one;
     * |x| is capped at ERF_ONE in the second so that its exp stays on the exponent-add path.
     */
    static int erf(int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector a = v.abs();
            FloatVector t2 = v.mul(v);
            FloatVector p = FloatVector.broadcast(S, ERF_P[0]);
            for (int k = 1; k < ERF_P.length; k++) {
                p = p.fma(t2, FloatVector.broadcast(S, ERF_P[k]));
            }
            FloatVector small = v.fma(p, v);
            FloatVector ab = a.min(ERF_ONE);
            FloatVector u = ab.sub(ERF_MID);
            FloatVector q = FloatVector.broadcast(S, ERFC_Q[0]);
            for (int k = 1; k < ERFC_Q.length; k++) {
                q = q.fma(u, FloatVector.broadcast(S, ERFC_Q[k]));
            }
            FloatVector a2 = ab.mul(ab);
            FloatVector a2lo = ab.fma(ab, a2.neg());
            // exp(-a2) as FloatMath.exp's exponent-add path (|a2| <= 16 < EXP_FAST)
            FloatVector arg = a2.neg();
            FloatVector t = arg.fma(LOG2E, ROUND_MAGIC);
            FloatVector nf = t.sub(ROUND_MAGIC);
            FloatVector r = nf.fma(FloatVector.broadcast(S, -LN2_HI), arg);
            r = nf.fma(FloatVector.broadcast(S, -LN2_LO), r);
            FloatVector pe = FloatVector.broadcast(S, E0).fma(r, FloatVector.broadcast(S, E1));
            pe = pe.fma(r, FloatVector.broadcast(S, E2));
            pe = pe.fma(r, FloatVector.broadcast(S, E3));
            pe = pe.fma(r, FloatVector.broadcast(S, E4));
            pe = pe.fma(r, FloatVector.broadcast(S, E5));
            FloatVector e = pe.fma(r.mul(r), r).add(1f);
            IntVector scale = t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23);
            e = e.reinterpretAsInts().add(scale).reinterpretAsFloats();
            e = e.neg().fma(a2lo, e);
            FloatVector big = e.neg().fma(q, FloatVector.broadcast(S, 1f))
                    .blend(1f, a.compare(VectorOperators.GE, ERF_ONE));
            IntVector sign = v.reinterpretAsInts().and(0x80000000);
            big = big.reinterpretAsInts().or(sign).reinterpretAsFloats();
            FloatVector y = big.blend(small, a.compare(VectorOperators.LT, ERF_SPLIT));
            y.blend(v, v.compare(VectorOperators.NE, v)).intoArray(out, oo + i);
        }
        return bound;
    }

    /**
     * out[oo + i] = expm1(x[xo + i]) over the whole vectors of [0, n); returns where the scalar
     * tail starts. A vector with a lane beyond EXPM1_FAST (or NaN) is done lane by lane.
     */
    static int expm1(int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            if (!v.abs().compare(VectorOperators.LE, EXPM1_FAST).allTrue()) {
                for (int j = 0; j < S.length(); j++) {
                    out[oo + i + j] = FloatMath.expm1(x[xo + i + j]);
                }
                continue;
            }
            FloatVector t = v.fma(LOG2E, ROUND_MAGIC);
            FloatVector nf = t.sub(ROUND_MAGIC);
            FloatVector r = nf.fma(FloatVector.broadcast(S, -LN2_HI), v);
            r = nf.fma(FloatVector.broadcast(S, -LN2_LO), r);
            FloatVector q = FloatVector.broadcast(S, EXPM1_Q[0]);
            for (int k = 1; k < EXPM1_Q.length; k++) {
                q = q.fma(r, FloatVector.broadcast(S, EXPM1_Q[k]));
            }
            FloatVector h = r.fma(q, FloatVector.broadcast(S, 0.5f));
            FloatVector em = r.mul(r).fma(h, r);
            FloatVector scale = t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).add(0x3F800000)
                    .reinterpretAsFloats();
            FloatVector y = scale.fma(em, scale.sub(1f));
            y.blend(v, v.compare(VectorOperators.EQ, 0f)).intoArray(out, oo + i);
        }
        return bound;
    }

    /**
     * out[oo + i] = log1p(x[xo + i]) over the whole vectors of [0, n); returns where the scalar
     * tail starts. The exponent becomes a float by the magic-number trick, not a conversion, so
     * C2 compiles this on JDK 17 too (see LOG_ENABLED).
     */
    static int log1p(int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector u = v.add(1f);
            FloatVector c = v.sub(u.sub(1f)).blend(FloatVector.broadcast(S, 1f).sub(u.sub(v)),
                    u.compare(VectorOperators.GT, 2f)).div(u);
            IntVector bits = u.reinterpretAsInts();
            FloatVector ef = bits.lanewise(VectorOperators.LSHR, 23).or(0x4B000000).reinterpretAsFloats()
                    .sub(EXPONENT_MAGIC);
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
            y = y.add(c);
            FloatVector r = ef.fma(FloatVector.broadcast(S, LN2_HI), m.add(y));
            r = r.blend(v, v.compare(VectorOperators.EQ, 0f));
            r = r.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            r = r.blend(Float.NEGATIVE_INFINITY, v.compare(VectorOperators.EQ, -1f));
            r.blend(Float.NaN, v.compare(VectorOperators.LT, -1f).or(v.compare(VectorOperators.NE, v)))
                    .intoArray(out, oo + i);
        }
        return bound;
    }
}
