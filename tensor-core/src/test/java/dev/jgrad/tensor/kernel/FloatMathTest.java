package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The polynomial float32 functions against the JDK's double ones: a few ulp everywhere, exact special values. */
@Tag("scalar-path")
class FloatMathTest {

    @Test
    void expIsWithinTwoUlpOverItsWholeRange() {
        assertUlps(FloatMath::exp, Math::exp, -104f, 89f, 2);
        assertUlps(FloatMath::exp, Math::exp, -1f, 1f, 2);
    }

    /**
     * Up to |x| = EXP_FAST, exp scales by 2^n with an integer add to the exponent bits; it must
     * give exactly what the two-factor scaling of the rest of the range gives (and gave before).
     */
    @Test
    void expExponentShortcutEqualsTwoFactorScaling() {
        Random r = new Random(86);
        float[] edges = {
            0f,
            -0f,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            1e-30f,
            FloatMath.EXP_FAST,
            -FloatMath.EXP_FAST,
            Math.nextDown(FloatMath.EXP_FAST),
            Math.nextUp(-FloatMath.EXP_FAST),
            0.34657359f,
            -0.34657359f,
            1f,
            -1f
        };
        for (float x : edges) {
            assertEquals(
                    Float.floatToIntBits(twoFactorExp(x)), Float.floatToIntBits(FloatMath.exp(x)), "exp(" + x + ")");
        }
        for (int t = 0; t < 1_000_000; t++) {
            float x = t % 2 == 0
                    ? (r.nextFloat() * 2 - 1) * FloatMath.EXP_FAST
                    : Float.intBitsToFloat(
                            r.nextInt(Float.floatToIntBits(FloatMath.EXP_FAST)) | (r.nextBoolean() ? 0x80000000 : 0));
            assertEquals(
                    Float.floatToIntBits(twoFactorExp(x)), Float.floatToIntBits(FloatMath.exp(x)), "exp(" + x + ")");
        }
    }

    /**
     * exp's reduction and polynomial with 2^n applied as two normal factors, as on the whole range;
     * multiply-adds fused or not as FloatMath's are (see Fma).
     */
    private static float twoFactorExp(float x) {
        float t = Fma.fma(x, FloatMath.LOG2E, FloatMath.ROUND_MAGIC);
        int n = Float.floatToRawIntBits(t) - FloatMath.ROUND_MAGIC_BITS;
        float nf = t - FloatMath.ROUND_MAGIC;
        float rr = Fma.fma(nf, -FloatMath.LN2_HI, x);
        rr = Fma.fma(nf, -FloatMath.LN2_LO, rr);
        float p = Fma.fma(FloatMath.E0, rr, FloatMath.E1);
        p = Fma.fma(p, rr, FloatMath.E2);
        p = Fma.fma(p, rr, FloatMath.E3);
        p = Fma.fma(p, rr, FloatMath.E4);
        p = Fma.fma(p, rr, FloatMath.E5);
        float y = Fma.fma(p, rr * rr, rr) + 1f;
        int n1 = n >> 1;
        return y * Float.intBitsToFloat((n1 + 127) << 23) * Float.intBitsToFloat((n - n1 + 127) << 23);
    }

    @Test
    void logIsWithinTwoUlp() {
        assertUlps(FloatMath::log, Math::log, 0f, 10f, 2);
        assertUlps(FloatMath::log, Math::log, 0f, 1e-37f, 2);
        assertUlps(FloatMath::log, Math::log, 0.5f, 2f, 2);
        assertUlps(FloatMath::log, Math::log, 1f, Float.MAX_VALUE, 2);
    }

    @Test
    void tanhAndSigmoidAreWithinThreeUlp() {
        assertUlps(FloatMath::tanh, Math::tanh, -12f, 12f, 3);
        assertUlps(FloatMath::tanh, Math::tanh, -1f, 1f, 3);
        assertUlps(FloatMath::sigmoid, x -> 1 / (1 + Math.exp(-x)), -30f, 30f, 3);
        assertUlps(FloatMath::sigmoid, x -> 1 / (1 + Math.exp(-x)), -100f, -80f, 3);
    }

    @Test
    void specialValuesMatchPyTorch() {
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(89f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(0f, FloatMath.exp(-200f));
        assertEquals(1f, FloatMath.exp(0f));
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log(0f));
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log(-0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.log(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FloatMath.log(-1f)));
        assertTrue(Float.isNaN(FloatMath.log(Float.NaN)));
        assertEquals(0f, FloatMath.log(1f));
        assertEquals(1f, FloatMath.tanh(50f));
        assertEquals(-1f, FloatMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(FloatMath.tanh(-0f)));
        assertEquals(0.5f, FloatMath.sigmoid(0f));
        assertEquals(1f, FloatMath.sigmoid(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.sigmoid(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(FloatMath.sigmoid(Float.NaN)));
        assertEquals(0f, relu(-0f));
        assertEquals(0f, relu(-3f));
        assertTrue(Float.isNaN(relu(Float.NaN)));
    }

    /** ReLU as the scalar kernels compute it (its definition is the op's, {@link UnaryOp#RELU}). */
    private static float relu(float x) {
        float[] out = new float[1];
        UnaryOp.RELU.apply(1, new float[] {x}, 0, 1, out, 0, 1);
        return out[0];
    }

    private static void assertUlps(FloatUnary f, DoubleUnaryOperator exact, float lo, float hi, int maxUlps) {
        Random r = new Random(Float.floatToIntBits(lo) * 31L + Float.floatToIntBits(hi));
        for (int t = 0; t < 200_000; t++) {
            float x = t % 2 == 0
                    ? lo + (hi - lo) * r.nextFloat()
                    : Float.intBitsToFloat(Float.floatToIntBits(lo)
                            + r.nextInt(Math.max(1, Float.floatToIntBits(hi) - Float.floatToIntBits(lo))));
            if (!(x >= lo && x <= hi)) {
                continue;
            }
            double want = exact.applyAsDouble(x);
            float got = f.apply(x);
            float wantF = (float) want;
            if (Float.isInfinite(wantF) || wantF == 0f) {
                assertEquals(wantF, got, 0f, "f(" + x + ")");
                continue;
            }
            double ulps = Math.abs(got - want) / Math.ulp(wantF);
            assertTrue(ulps <= maxUlps, "f(" + x + ") = " + got + ", want " + want + " (" + ulps + " ulp)");
        }
    }

    @FunctionalInterface
    interface FloatUnary {
        float apply(float x);
    }
}
