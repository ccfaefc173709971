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
     * runs at 0.3 Gelem/s, no faster than the scalar kernel. JDK 25 compiles log fully (2.3 Gelem/s); versions in between are not tested here, so
     * they take the scalar path.
     */
    static final boolean LOG_ENABLED = Runtime.version().feature() >= 25;

    /**
     * Whether the erf, expm1 and log1p kernels run here; otherwise the scalar ones, which give the
     * same bits. On JDK 17 these loops stay boxed depending on what C2 compiled before: without FMA
     * (39 KB per 1,000 elements for erf, 40 KB for log1p in KernelAllocationTest's no-fma run) and,
     * in a full JDK 17 suite run, with FMA too (erf, 23.8 KB per 1,000 elements). As for
     * {@link #EXP_FAMILY_ENABLED}, a kernel boxed in one run and not in the next gives no steady
     * speed, so below JDK 25 they always take the scalar path; JDK 25 compiles them fully in both modes.
     */
    static final boolean ERF_EXPM1_LOG1P_ENABLED = Runtime.version().feature() >= 25;
    /**
     * Whether {@link #expFamily} runs here; otherwise the scalar exp, tanh and sigmoid, which give
     * the same bits. On JDK 17 it compiles or not depending on what C2 compiled before: sigmoid or
     * tanh stayed boxed (10.9 KB per 1,000 elements) in some KernelAllocationTest runs and not in
     * others. A kernel that is fast in one run and boxed in the next gives the user no steady
     * speed, so JDK 17 (and the untested versions before 25) always take the scalar path, where
     * exp costs little: it runs on the logits of a batch, not on the hidden layers.
     */
    static final boolean EXP_FAMILY_ENABLED = Runtime.version().feature() >= 25;

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
            FloatVector t =
                    Fma.FAST ? arg.fma(LOG2E, ROUND_MAGIC) : arg.mul(LOG2E).add(ROUND_MAGIC);
            // exp(r) for the reduced r = arg - n ln 2, as FloatMath.expReduced
            FloatVector nf = t.sub(ROUND_MAGIC);
            FloatVector r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -LN2_HI), arg)
                    : nf.mul(-LN2_HI).add(arg);
            r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -LN2_LO), r)
                    : nf.mul(-LN2_LO).add(r);
            FloatVector p = Fma.FAST ? r.fma(E0, E1) : r.mul(E0).add(E1);
            p = Fma.FAST ? p.fma(r, FloatVector.broadcast(S, E2)) : p.mul(r).add(E2);
            p = Fma.FAST ? p.fma(r, FloatVector.broadcast(S, E3)) : p.mul(r).add(E3);
            p = Fma.FAST ? p.fma(r, FloatVector.broadcast(S, E4)) : p.mul(r).add(E4);
            p = Fma.FAST ? p.fma(r, FloatVector.broadcast(S, E5)) : p.mul(r).add(E5);
            FloatVector e = (Fma.FAST ? p.fma(r.mul(r), r) : p.mul(r.mul(r)).add(r)).add(1f);
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
                FloatVector big =
                        FloatVector.broadcast(S, 2f).div(e.add(1f)).neg().add(1f);
                big = big.blend(big.neg(), v.compare(VectorOperators.LT, 0f));
                FloatVector z = v.mul(v);
                FloatVector q = Fma.FAST ? z.fma(T0, T1) : z.mul(T0).add(T1);
                q = Fma.FAST ? q.fma(z, FloatVector.broadcast(S, T2)) : q.mul(z).add(T2);
                q = Fma.FAST ? q.fma(z, FloatVector.broadcast(S, T3)) : q.mul(z).add(T3);
                q = Fma.FAST ? q.fma(z, FloatVector.broadcast(S, T4)) : q.mul(z).add(T4);
                FloatVector qz = q.mul(z);
                FloatVector small = Fma.FAST ? qz.fma(v, v) : qz.mul(v).add(v);
                small = small.blend(v, v.compare(VectorOperators.EQ, 0f));
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
            FloatVector ef = ((FloatVector)
                            bits.lanewise(VectorOperators.LSHR, 23).convert(VectorOperators.I2F, 0))
                    .sub(126f)
                    .sub(25f, subnormal);
            FloatVector m = bits.and(0x007FFFFF).or(0x3F000000).reinterpretAsFloats();
            VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
            ef = ef.sub(1f, low);
            m = m.sub(1f).blend(m.add(m).sub(1f), low);
            FloatVector z = m.mul(m);
            FloatVector p = Fma.FAST ? m.fma(L0, L1) : m.mul(L0).add(L1);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L2)) : p.mul(m).add(L2);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L3)) : p.mul(m).add(L3);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L4)) : p.mul(m).add(L4);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L5)) : p.mul(m).add(L5);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L6)) : p.mul(m).add(L6);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L7)) : p.mul(m).add(L7);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L8)) : p.mul(m).add(L8);
            FloatVector y = p.mul(m).mul(z);
            y = Fma.FAST
                    ? ef.fma(FloatVector.broadcast(S, LN2_LO), y)
                    : ef.mul(LN2_LO).add(y);
            y = Fma.FAST
                    ? z.fma(FloatVector.broadcast(S, -0.5f), y)
                    : z.mul(-0.5f).add(y);
            FloatVector my = m.add(y);
            FloatVector r = Fma.FAST
                    ? ef.fma(FloatVector.broadcast(S, LN2_HI), my)
                    : ef.mul(LN2_HI).add(my);
            r = r.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            r = r.blend(Float.NEGATIVE_INFINITY, v.compare(VectorOperators.EQ, 0f));
            r.blend(Float.NaN, v.compare(VectorOperators.LT, 0f).or(v.compare(VectorOperators.NE, v)))
                    .intoArray(out, oo + i);
        }
        return bound;
    }

    /**
     * out[oo + i] = the trigonometric function {@code op} of x[xo + i] over the whole vectors of
     * [0, n): {@link FloatMath#trig} with the same quadrant shift (0 or 1), on lanes; returns where
     * the scalar tail starts. A vector with a lane beyond TRIG_MAX (or NaN, or infinite) is done
     * by the op's scalar loop, which computes those lanes in double.
     */
    static int trig(UnaryOp op, int quadrantShift, int n, float[] x, int xo, float[] out, int oo) {
        if (!Fma.FAST) {
            return 0; // the op computes every lane in double then: the float reduction needs FMA
        }
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            if (!v.abs().compare(VectorOperators.LE, TRIG_MAX).allTrue()) {
                op.apply(S.length(), x, xo + i, 1, out, oo + i, 1);
                continue;
            }
            FloatVector t = Fma.FAST
                    ? v.fma(TWO_OVER_PI, ROUND_MAGIC)
                    : v.mul(TWO_OVER_PI).add(ROUND_MAGIC);
            FloatVector nf = t.sub(ROUND_MAGIC);
            FloatVector r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -PIO2_1), v)
                    : nf.mul(-PIO2_1).add(v);
            r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -PIO2_2), r)
                    : nf.mul(-PIO2_2).add(r);
            r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -PIO2_3), r)
                    : nf.mul(-PIO2_3).add(r);
            FloatVector z = r.mul(r);
            FloatVector ps = Fma.FAST
                    ? FloatVector.broadcast(S, S3).fma(z, FloatVector.broadcast(S, S2))
                    : FloatVector.broadcast(S, S3).mul(z).add(S2);
            ps = Fma.FAST ? ps.fma(z, FloatVector.broadcast(S, S1)) : ps.mul(z).add(S1);
            FloatVector odd = Fma.FAST ? ps.mul(z).fma(r, r) : ps.mul(z).mul(r).add(r);
            FloatVector pc = Fma.FAST
                    ? FloatVector.broadcast(S, K3).fma(z, FloatVector.broadcast(S, K2))
                    : FloatVector.broadcast(S, K3).mul(z).add(K2);
            pc = Fma.FAST ? pc.fma(z, FloatVector.broadcast(S, K1)) : pc.mul(z).add(K1);
            FloatVector c0 = Fma.FAST ? z.fma(-0.5f, 1f) : z.mul(-0.5f).add(1f);
            FloatVector c = Fma.FAST ? pc.fma(z.mul(z), c0) : pc.mul(z.mul(z)).add(c0);
            IntVector q = t.reinterpretAsInts().add(quadrantShift);
            IntVector si = odd.reinterpretAsInts();
            IntVector y = si.blend(c.reinterpretAsInts(), q.and(1).compare(VectorOperators.NE, 0));
            y = y.lanewise(VectorOperators.XOR, q.and(2).lanewise(VectorOperators.LSHL, 30));
            FloatVector res = y.reinterpretAsFloats();
            if (quadrantShift == 0) {
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
                p = Fma.FAST
                        ? p.fma(t2, FloatVector.broadcast(S, ERF_P[k]))
                        : p.mul(t2).add(ERF_P[k]);
            }
            FloatVector small = Fma.FAST ? v.fma(p, v) : v.mul(p).add(v);
            FloatVector ab = a.min(ERF_ONE);
            FloatVector u = ab.sub(ERF_MID);
            FloatVector q = FloatVector.broadcast(S, ERFC_Q[0]);
            for (int k = 1; k < ERFC_Q.length; k++) {
                q = Fma.FAST
                        ? q.fma(u, FloatVector.broadcast(S, ERFC_Q[k]))
                        : q.mul(u).add(ERFC_Q[k]);
            }
            FloatVector a2 = ab.mul(ab);
            FloatVector a2lo = Fma.FAST ? ab.fma(ab, a2.neg()) : ab.mul(ab).add(a2.neg());
            // exp(-a2) as FloatMath.exp's exponent-add path (|a2| <= 16 < EXP_FAST)
            FloatVector arg = a2.neg();
            FloatVector t =
                    Fma.FAST ? arg.fma(LOG2E, ROUND_MAGIC) : arg.mul(LOG2E).add(ROUND_MAGIC);
            FloatVector nf = t.sub(ROUND_MAGIC);
            FloatVector r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -LN2_HI), arg)
                    : nf.mul(-LN2_HI).add(arg);
            r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -LN2_LO), r)
                    : nf.mul(-LN2_LO).add(r);
            FloatVector pe = Fma.FAST
                    ? FloatVector.broadcast(S, E0).fma(r, FloatVector.broadcast(S, E1))
                    : FloatVector.broadcast(S, E0).mul(r).add(E1);
            pe = Fma.FAST ? pe.fma(r, FloatVector.broadcast(S, E2)) : pe.mul(r).add(E2);
            pe = Fma.FAST ? pe.fma(r, FloatVector.broadcast(S, E3)) : pe.mul(r).add(E3);
            pe = Fma.FAST ? pe.fma(r, FloatVector.broadcast(S, E4)) : pe.mul(r).add(E4);
            pe = Fma.FAST ? pe.fma(r, FloatVector.broadcast(S, E5)) : pe.mul(r).add(E5);
            FloatVector e = (Fma.FAST ? pe.fma(r.mul(r), r) : pe.mul(r.mul(r)).add(r)).add(1f);
            IntVector scale = t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23);
            e = e.reinterpretAsInts().add(scale).reinterpretAsFloats();
            e = Fma.FAST ? e.neg().fma(a2lo, e) : e.neg().mul(a2lo).add(e);
            FloatVector big = (Fma.FAST
                            ? e.neg().fma(q, FloatVector.broadcast(S, 1f))
                            : e.neg().mul(q).add(1f))
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
            FloatVector t = Fma.FAST ? v.fma(LOG2E, ROUND_MAGIC) : v.mul(LOG2E).add(ROUND_MAGIC);
            FloatVector nf = t.sub(ROUND_MAGIC);
            FloatVector r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -LN2_HI), v)
                    : nf.mul(-LN2_HI).add(v);
            r = Fma.FAST
                    ? nf.fma(FloatVector.broadcast(S, -LN2_LO), r)
                    : nf.mul(-LN2_LO).add(r);
            FloatVector q = FloatVector.broadcast(S, EXPM1_Q[0]);
            for (int k = 1; k < EXPM1_Q.length; k++) {
                q = Fma.FAST
                        ? q.fma(r, FloatVector.broadcast(S, EXPM1_Q[k]))
                        : q.mul(r).add(EXPM1_Q[k]);
            }
            FloatVector h = Fma.FAST
                    ? r.fma(q, FloatVector.broadcast(S, 0.5f))
                    : r.mul(q).add(0.5f);
            FloatVector em = Fma.FAST ? r.mul(r).fma(h, r) : r.mul(r).mul(h).add(r);
            FloatVector scale = t.reinterpretAsInts()
                    .lanewise(VectorOperators.LSHL, 23)
                    .add(0x3F800000)
                    .reinterpretAsFloats();
            FloatVector y =
                    Fma.FAST ? scale.fma(em, scale.sub(1f)) : scale.mul(em).add(scale.sub(1f));
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
            FloatVector c = v.sub(u.sub(1f))
                    .blend(FloatVector.broadcast(S, 1f).sub(u.sub(v)), u.compare(VectorOperators.GT, 2f))
                    .div(u);
            IntVector bits = u.reinterpretAsInts();
            FloatVector ef = bits.lanewise(VectorOperators.LSHR, 23)
                    .or(0x4B000000)
                    .reinterpretAsFloats()
                    .sub(EXPONENT_MAGIC);
            FloatVector m = bits.and(0x007FFFFF).or(0x3F000000).reinterpretAsFloats();
            VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
            ef = ef.sub(1f, low);
            m = m.sub(1f).blend(m.add(m).sub(1f), low);
            FloatVector z = m.mul(m);
            FloatVector p = Fma.FAST
                    ? FloatVector.broadcast(S, L0).fma(m, FloatVector.broadcast(S, L1))
                    : FloatVector.broadcast(S, L0).mul(m).add(L1);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L2)) : p.mul(m).add(L2);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L3)) : p.mul(m).add(L3);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L4)) : p.mul(m).add(L4);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L5)) : p.mul(m).add(L5);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L6)) : p.mul(m).add(L6);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L7)) : p.mul(m).add(L7);
            p = Fma.FAST ? p.fma(m, FloatVector.broadcast(S, L8)) : p.mul(m).add(L8);
            FloatVector y = p.mul(m).mul(z);
            y = Fma.FAST
                    ? ef.fma(FloatVector.broadcast(S, LN2_LO), y)
                    : ef.mul(LN2_LO).add(y);
            y = Fma.FAST
                    ? z.fma(FloatVector.broadcast(S, -0.5f), y)
                    : z.mul(-0.5f).add(y);
            y = y.add(c);
            FloatVector r = Fma.FAST
                    ? ef.fma(FloatVector.broadcast(S, LN2_HI), m.add(y))
                    : ef.mul(LN2_HI).add(m.add(y));
            r = r.blend(v, v.compare(VectorOperators.EQ, 0f));
            r = r.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            r = r.blend(Float.NEGATIVE_INFINITY, v.compare(VectorOperators.EQ, -1f));
            r.blend(Float.NaN, v.compare(VectorOperators.LT, -1f).or(v.compare(VectorOperators.NE, v)))
                    .intoArray(out, oo + i);
        }
        return bound;
    }
}
