package dev.jgrad.tensor.kernel;

/**
 * float32 exp, log, tanh, sigmoid, the trigonometric pair, erf, expm1 and log1p as polynomial approximations
 * (after Cephes; the erf and expm1 coefficients are least-squares fits made for jgrad), accurate to
 * two ulp or better (FloatMathTest, TranscendentalAccuracyTest). The Vector API kernels run
 * exactly the same operations on vector lanes, so the scalar and vector kernels agree bit for bit.
 * Each multiply-add goes through {@code Fma.fma}, as the vector code's through {@code Fma.FAST}:
 * both fused where FMA is fast, both a rounded multiply and add where it is not.
 *
 * <p>Limits: {@link #trig} reduces its argument in float up to |x| = 65536 (TRIG_MAX); larger ones
 * are computed in double by the op, correctly rounded for any size (all of them in double where FMA is off: the
 * float reduction needs an exact product); erf, expm1 and log1p hold on their whole
 * float range.
 */
public final class FloatMath {
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5 * 2^23: adding it rounds to an integer that then sits in the low mantissa bits. */
    static final float ROUND_MAGIC = 12582912f;

    static final int ROUND_MAGIC_BITS = 0x4B400000;
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    /** exp overflows above about 88.72 and underflows below about -103.97; clamping keeps 2^n representable in two factors. */
    static final float EXP_HI = 89f;

    static final float EXP_LO = -104f;
    /**
     * Up to this |x|, n = round(x log2(e)) stays within [-125, 125] and y * 2^n (y in [0.7, 1.5])
     * is a normal float: scaling is exact, so adding n to y's exponent bits gives the same result
     * as the two-factor scaling that the rest of the range needs.
     */
    static final float EXP_FAST = 86f;

    static final float E0 = 1.9875691500e-4f;
    static final float E1 = 1.3981999507e-3f;
    static final float E2 = 8.3334519073e-3f;
    static final float E3 = 4.1665795894e-2f;
    static final float E4 = 1.6666665459e-1f;
    static final float E5 = 5.0000001201e-1f;

    static final float SQRT_HALF = 0.707106781186547524f;
    static final float TWO_25 = 33554432f;
    static final float L0 = 7.0376836292e-2f;
    static final float L1 = -1.1514610310e-1f;
    static final float L2 = 1.1676998740e-1f;
    static final float L3 = -1.2420140846e-1f;
    static final float L4 = 1.4249322787e-1f;
    static final float L5 = -1.6668057665e-1f;
    static final float L6 = 2.0000714765e-1f;
    static final float L7 = -2.4999993993e-1f;
    static final float L8 = 3.3333331174e-1f;

    static final float TANH_SMALL = 0.625f;
    static final float T0 = -5.70498872745e-3f;
    static final float T1 = 2.06390887954e-2f;
    static final float T2 = -5.37397155531e-2f;
    static final float T3 = 1.33314422036e-1f;
    static final float T4 = -3.33332819422e-1f;

    /** {@link #trig}: x = n pi/2 + r, with pi/2 split in three floats; the first product is exact under fma. */
    static final float TWO_OVER_PI = 0.636619746685028076f;

    static final float PIO2_1 = 1.5707963705062866f;
    static final float PIO2_2 = -4.371138828673793e-08f;
    static final float PIO2_3 = -1.7151245100058819e-15f;
    /**
     * Above this |x| (and for NaN and infinities), the trigonometric functions are computed in double
     * with the JDK's and rounded, which is correct for every argument; below it the three-part
     * reduction keeps the reduced argument within an ulp (held to two ulp by the tests up to here).
     */
    static final float TRIG_MAX = 65536f;

    static final float S1 = -1.6666654611e-1f;
    static final float S2 = 8.3321608736e-3f;
    static final float S3 = -1.9515295891e-4f;
    static final float K1 = 4.166664568298827e-2f;
    static final float K2 = -1.388731625493765e-3f;
    static final float K3 = 2.443315711809948e-5f;

    /** erf(x) = x + x P(x^2) below ERF_SPLIT; above it 1 - e^(-x^2) Q(|x| - ERF_MID); 1 from ERF_ONE on. */
    static final float ERF_SPLIT = 1f;

    static final float ERF_MID = 2.5f;
    /** erf(x) rounds to 1 in float32 from about 3.92 on. */
    static final float ERF_ONE = 4f;
    /** P, highest degree first. */
    static final float[] ERF_P = {
        -9.63499132922152e-06f,
        0.00011254641140112653f,
        -0.0008482508128508925f,
        0.0052209231071174145f,
        -0.026865391060709953f,
        0.11283781379461288f,
        -0.37612637877464294f,
        0.12837916612625122f
    };
    /** Q(u) = erfc(u + ERF_MID) e^((u + ERF_MID)^2), highest degree first. */
    static final float[] ERFC_Q = {
        9.592292826710036e-08f,
        -4.237685971020255e-07f,
        1.0235056606688886e-06f,
        -3.7638258163497085e-06f,
        1.599714596522972e-05f,
        -5.948642501607537e-05f,
        0.00021105114137753844f,
        -0.0007331884698942304f,
        0.0024669975973665714f,
        -0.008001679554581642f,
        0.024938007816672325f,
        -0.07434733957052231f,
        0.21080636978149414f
    };

    /** expm1 on the reduced r: r + r^2 (1/2 + r Q(r)); Q highest degree first. Above EXPM1_FAST: exp(x) - 1. */
    static final float EXPM1_FAST = 87f;

    static final float[] EXPM1_Q = {
        0.00019894914294127375f,
        0.0013929128181189299f,
        0.008333307690918446f,
        0.04166653752326965f,
        0.1666666716337204f
    };
    /** 2^23 + 126: subtracted from a float whose low mantissa bits hold an exponent field, it gives e - 126. */
    static final float EXPONENT_MAGIC = 8388734f;

    private FloatMath() {}

    public static float exp(float x) {
        if (Math.abs(x) <= EXP_FAST) {
            float t = Fma.fma(x, LOG2E, ROUND_MAGIC);
            float y = expReduced(x, t);
            // y * 2^n for n = t's low bits: an add to y's exponent field (t's bits << 23 is n << 23).
            return Float.intBitsToFloat(Float.floatToRawIntBits(y) + (Float.floatToRawIntBits(t) << 23));
        }
        x = x > EXP_HI ? EXP_HI : x;
        x = x < EXP_LO ? EXP_LO : x;
        float t = Fma.fma(x, LOG2E, ROUND_MAGIC);
        int n = Float.floatToRawIntBits(t) - ROUND_MAGIC_BITS;
        float y = expReduced(x, t);
        // 2^n as two normal factors, so that results in the subnormal range round once.
        int n1 = n >> 1;
        int n2 = n - n1;
        return y * Float.intBitsToFloat((n1 + 127) << 23) * Float.intBitsToFloat((n2 + 127) << 23);
    }

    /** e^r for r = x - n ln 2, where t = x log2(e) + ROUND_MAGIC holds n = round(x log2(e)). */
    private static float expReduced(float x, float t) {
        float nf = t - ROUND_MAGIC;
        float r = Fma.fma(nf, -LN2_HI, x);
        r = Fma.fma(nf, -LN2_LO, r);
        float p = Fma.fma(E0, r, E1);
        p = Fma.fma(p, r, E2);
        p = Fma.fma(p, r, E3);
        p = Fma.fma(p, r, E4);
        p = Fma.fma(p, r, E5);
        return Fma.fma(p, r * r, r) + 1f;
    }

    public static float log(float x) {
        if (x != x || x < 0f) {
            return Float.NaN;
        }
        if (x == 0f) {
            return Float.NEGATIVE_INFINITY;
        }
        if (x == Float.POSITIVE_INFINITY) {
            return x;
        }
        boolean subnormal = x < Float.MIN_NORMAL;
        float xs = subnormal ? x * TWO_25 : x;
        int bits = Float.floatToRawIntBits(xs);
        int e = (bits >>> 23) - (subnormal ? 126 + 25 : 126);
        float m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F000000);
        boolean low = m < SQRT_HALF;
        float ef = (float) (low ? e - 1 : e);
        m = low ? m + m - 1f : m - 1f;
        float z = m * m;
        float y = logTail(m, z);
        y = Fma.fma(ef, LN2_LO, y);
        y = Fma.fma(z, -0.5f, y);
        float r = m + y;
        return Fma.fma(ef, LN2_HI, r);
    }

    public static float tanh(float x) {
        float a = Math.abs(x);
        if (a > TANH_SMALL) {
            float e = exp(a + a);
            float t = 1f - 2f / (e + 1f);
            return x < 0f ? -t : t;
        }
        float z = x * x;
        float p = Fma.fma(T0, z, T1);
        p = Fma.fma(p, z, T2);
        p = Fma.fma(p, z, T3);
        p = Fma.fma(p, z, T4);
        // The polynomial turns -0.0 into +0.0; torch.tanh keeps the sign.
        return x == 0f ? x : Fma.fma(p * z, x, x);
    }

    public static float sigmoid(float x) {
        // exp(-|x|) never overflows; for x < 0 the result is e/(1+e), which keeps tiny values.
        float e = exp(-Math.abs(x));
        return (x < 0f ? e : 1f) / (1f + e);
    }

    /**
     * Whether {@link #trig} reduces x: |x| up to TRIG_MAX, with FMA. Without FMA, nf * PIO2_1 is
     * rounded and the reduction loses up to millions of ulp near multiples of pi/2, so the JDK's
     * double functions, rounded, serve every argument then (and the vector kernel none); they also
     * serve larger |x|, NaN and infinities, correctly rounded for every argument.
     *
     * @param x the argument
     * @return whether the float reduction holds for x
     */
    static boolean trigReduces(float x) {
        return Fma.FAST && Math.abs(x) <= TRIG_MAX;
    }

    /**
     * sin(x): {@link #trig} where {@link #trigReduces} holds, the JDK's double sine rounded elsewhere.
     *
     * @param x the argument
     * @return the result, rounded to float
     */
    static float sin(float x) {
        return trigReduces(x) ? trig(x, 0) : (float) Math.sin(x);
    }

    /**
     * cos(x): {@link #trig} a quadrant further where {@link #trigReduces} holds, the JDK's double
     * cosine rounded elsewhere.
     *
     * @param x the argument
     * @return the result, rounded to float
     */
    static float cos(float x) {
        return trigReduces(x) ? trig(x, 1) : (float) Math.cos(x);
    }

    /**
     * The sine (quadrantShift 0) or the cosine (1, the sine a quadrant further) of x for which
     * {@link #trigReduces} holds: x = n pi/2 + r with pi/2 in three parts, then one of the two
     * polynomials on r by the quadrant, as the vector twin computes it.
     */
    static float trig(float x, int quadrantShift) {
        float t = Fma.fma(x, TWO_OVER_PI, ROUND_MAGIC);
        float nf = t - ROUND_MAGIC;
        float r = Fma.fma(nf, -PIO2_1, x);
        r = Fma.fma(nf, -PIO2_2, r);
        r = Fma.fma(nf, -PIO2_3, r);
        float z = r * r;
        float s = Fma.fma(Fma.fma(Fma.fma(S3, z, S2), z, S1) * z, r, r);
        float c = Fma.fma(Fma.fma(Fma.fma(K3, z, K2), z, K1), z * z, Fma.fma(z, -0.5f, 1f));
        int q = Float.floatToRawIntBits(t) + quadrantShift;
        float y = (q & 1) == 0 ? s : c;
        y = Float.intBitsToFloat(Float.floatToRawIntBits(y) ^ ((q & 2) << 30));
        // The polynomial turns the sine of -0.0 into +0.0; torch keeps the sign.
        return quadrantShift == 0 && x == 0f ? x : y;
    }

    /**
     * erf(x), within two ulp (erf(x) is 1 in float32 from about 3.92 on).
     *
     * @param x the argument
     * @return the result, rounded to float
     */
    public static float erf(float x) {
        float a = Math.abs(x);
        if (a < ERF_SPLIT) {
            float p = horner(ERF_P, x * x);
            return Fma.fma(x, p, x);
        }
        if (!(a < ERF_ONE)) {
            return a == a ? Math.copySign(1f, x) : x;
        }
        float q = horner(ERFC_Q, a - ERF_MID);
        // e^(-a^2) with the rounding error of a^2 put back: e^(-hi - lo) ~ e^(-hi) (1 - lo)
        float a2 = a * a;
        float a2lo = Fma.fma(a, a, -a2);
        float e = exp(-a2);
        e = Fma.fma(-e, a2lo, e);
        return Math.copySign(Fma.fma(-e, q, 1f), x);
    }

    /**
     * e^x - 1 without the cancellation near 0: 2^n (expm1(r) + 1) - 1 for x = n ln 2 + r.
     *
     * @param x the argument
     * @return the result, rounded to float
     */
    public static float expm1(float x) {
        if (!(Math.abs(x) <= EXPM1_FAST)) {
            return exp(x) - 1f;
        }
        float t = Fma.fma(x, LOG2E, ROUND_MAGIC);
        float nf = t - ROUND_MAGIC;
        float r = Fma.fma(nf, -LN2_HI, x);
        r = Fma.fma(nf, -LN2_LO, r);
        float h = Fma.fma(r, horner(EXPM1_Q, r), 0.5f);
        float em = Fma.fma(r * r, h, r);
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) << 23) + 0x3F800000);
        float y = Fma.fma(scale, em, scale - 1f);
        return x == 0f ? x : y;
    }

    /**
     * log(1 + x) without the cancellation near 0: log's polynomial on u = 1 + x, plus the rounding
     * error of u divided by u (fdlibm's correction).
     *
     * @param x the argument
     * @return the result, rounded to float
     */
    public static float log1p(float x) {
        if (!(x > -1f) || x == Float.POSITIVE_INFINITY) {
            return x == -1f ? Float.NEGATIVE_INFINITY : x == Float.POSITIVE_INFINITY ? x : Float.NaN;
        }
        float u = 1f + x;
        float c = (u > 2f ? 1f - (u - x) : x - (u - 1f)) / u;
        int bits = Float.floatToRawIntBits(u);
        // the exponent as a float without an int-to-float conversion, which the vector twin avoids
        float ef = Float.intBitsToFloat((bits >>> 23) | 0x4B000000) - EXPONENT_MAGIC;
        float m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F000000);
        boolean low = m < SQRT_HALF;
        ef = low ? ef - 1f : ef;
        m = low ? m + m - 1f : m - 1f;
        float z = m * m;
        float y = logTail(m, z);
        y = Fma.fma(ef, LN2_LO, y);
        y = Fma.fma(z, -0.5f, y);
        y = y + c;
        float r = Fma.fma(ef, LN2_HI, m + y);
        return x == 0f ? x : r;
    }

    /**
     * log(1 + m) - m + m^2/2 for m in [sqrt(1/2) - 1, sqrt(2) - 1), z = m^2: the polynomial of log
     * and log1p, whose callers add the exponent's and the m terms.
     */
    private static float logTail(float m, float z) {
        float p = Fma.fma(L0, m, L1);
        p = Fma.fma(p, m, L2);
        p = Fma.fma(p, m, L3);
        p = Fma.fma(p, m, L4);
        p = Fma.fma(p, m, L5);
        p = Fma.fma(p, m, L6);
        p = Fma.fma(p, m, L7);
        p = Fma.fma(p, m, L8);
        return p * m * z;
    }

    /** c[0] t^k + ... + c[k] by Horner's rule with fma, as the vector twins evaluate it. */
    static float horner(float[] c, float t) {
        float p = c[0];
        for (int i = 1; i < c.length; i++) {
            p = Fma.fma(p, t, c[i]);
        }
        return p;
    }
}
