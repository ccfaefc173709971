package dev.jgrad.tensor.kernel;

/**
 * float32 exp, log, tanh and sigmoid as polynomial approximations (after Cephes), accurate to a
 * few ulp. The Vector API kernels run exactly the same operations on vector lanes, so the scalar
 * and vector kernels agree bit for bit. Each multiply-add goes through {@code Fma.fma}, as the
 * vector code's through {@code Fma.FAST}: both fused where FMA is fast, both a rounded multiply and
 * add where it is not.
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
        float p = Fma.fma(L0, m, L1);
        p = Fma.fma(p, m, L2);
        p = Fma.fma(p, m, L3);
        p = Fma.fma(p, m, L4);
        p = Fma.fma(p, m, L5);
        p = Fma.fma(p, m, L6);
        p = Fma.fma(p, m, L7);
        p = Fma.fma(p, m, L8);
        float y = p * m * z;
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
     * {@code x <= 0 ? 0 : x}, written as {@code Math.max(x, 0)}: the same values (-0.0 gives 0.0,
     * NaN stays NaN) without a branch, which on mixed-sign data mispredicts half the time.
     */
    public static float relu(float x) {
        return Math.max(x, 0f);
    }
}
