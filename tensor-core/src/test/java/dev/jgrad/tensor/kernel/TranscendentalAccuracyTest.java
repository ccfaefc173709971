package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * sin, cos, erf, expm1 and log1p of the float32 kernels against double-precision references
 * (the JDK's Math, and {@link DoubleMath#erf} checked here against 20-digit values): within two
 * float32 ulp, |x| up to 1e4 included, run as whole-array kernel calls: 2 * 10^6 random arguments
 * per function (10^7 over the five, 1.2 * 10^7 with cos), plus every float next to a multiple of
 * pi/2 up to TRIG_MAX for sin and cos. {@code -Djgrad.accuracySamples=N} sets the random arguments
 * per function for a longer sweep (10^7 each was run when the kernels were written).
 */
class TranscendentalAccuracyTest {
    private static final Kernels K = Kernels.vector().orElse(Kernels.scalar());
    private static final int SAMPLES = Integer.getInteger("jgrad.accuracySamples", 2_000_000);
    private static final int CHUNK = 1 << 20;
    private static final double MAX_ULPS = 2;

    @Test
    void sinAndCosAreWithinTwoUlpUpToTrigMax() {
        assertWithinUlps(UnaryOp.SIN, Math::sin, -1e4f, 1e4f);
        assertWithinUlps(UnaryOp.COS, Math::cos, -1e4f, 1e4f);
    }

    /** Arguments next to multiples of pi/2, where the reduced argument is smallest, up to TRIG_MAX. */
    @Test
    void sinAndCosNearMultiplesOfHalfPi() {
        int count = (int) (FloatMath.TRIG_MAX / (Math.PI / 2));
        float[] x = new float[3 * count];
        for (int k = 1; k <= count; k++) {
            float f = (float) (k * Math.PI / 2);
            x[3 * k - 3] = Math.nextDown(f);
            x[3 * k - 2] = f;
            x[3 * k - 1] = Math.nextUp(f);
        }
        check(UnaryOp.SIN, Math::sin, x);
        check(UnaryOp.COS, Math::cos, x);
    }

    /** Beyond TRIG_MAX the functions are the JDK's double ones rounded to float: correct for any size. */
    @Test
    void sinAndCosOfHugeArgumentsAreCorrectlyRounded() {
        float[] x = {1e5f, -3e6f, 1e10f, 1e20f, Float.MAX_VALUE, -Float.MAX_VALUE, Math.nextUp(FloatMath.TRIG_MAX)};
        float[] s = new float[x.length];
        float[] c = new float[x.length];
        K.unary(UnaryOp.SIN, x.length, x, 0, 1, s, 0, 1);
        K.unary(UnaryOp.COS, x.length, x, 0, 1, c, 0, 1);
        for (int i = 0; i < x.length; i++) {
            assertEquals((float) Math.sin(x[i]), s[i], "sin(" + x[i] + ")");
            assertEquals((float) Math.cos(x[i]), c[i], "cos(" + x[i] + ")");
        }
    }

    @Test
    void erfIsWithinTwoUlp() {
        assertWithinUlps(UnaryOp.ERF, DoubleMath::erf, -1e4f, 1e4f);
    }

    @Test
    void expm1IsWithinTwoUlp() {
        assertWithinUlps(UnaryOp.EXPM1, Math::expm1, -1e4f, 88.7f);
    }

    @Test
    void log1pIsWithinTwoUlp() {
        assertWithinUlps(UnaryOp.LOG1P, Math::log1p, -1f, 1e4f);
    }

    @Test
    void specialValuesAreTorchs() {
        float[] x = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -1f, -2f, 1e-40f, -1e-40f};
        expect(UnaryOp.SIN, x, 0f, -0f, Float.NaN, Float.NaN, Float.NaN, -0.84147096f, -0.9092974f, 1e-40f, -1e-40f);
        expect(UnaryOp.COS, x, 1f, 1f, Float.NaN, Float.NaN, Float.NaN, 0.5403023f, -0.41614684f, 1f, 1f);
        expect(UnaryOp.ERF, x, 0f, -0f, Float.NaN, 1f, -1f, -0.8427008f, -0.9953223f, 1.1283792e-40f, -1.1283792e-40f);
        expect(
                UnaryOp.EXPM1,
                x,
                0f,
                -0f,
                Float.NaN,
                Float.POSITIVE_INFINITY,
                -1f,
                -0.63212055f,
                -0.86466473f,
                1e-40f,
                -1e-40f);
        expect(
                UnaryOp.LOG1P,
                x,
                0f,
                -0f,
                Float.NaN,
                Float.POSITIVE_INFINITY,
                Float.NaN,
                Float.NEGATIVE_INFINITY,
                Float.NaN,
                1e-40f,
                -1e-40f);
    }

    /** Rounding: ties to even, signed zeros, the 2^23 boundary, against the JDK's double functions. */
    @Test
    void roundingOpsMatchTheJdkOnTiesAndBoundaries() {
        Random r = new Random(23);
        float[] x = new float[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 4) {
                case 0 -> (r.nextInt(2001) - 1000) * 0.5f;
                case 1 -> (float) ((r.nextInt(1 << 25) - (1 << 24)) * (r.nextBoolean() ? 1 : 0.5));
                case 2 -> (float) r.nextGaussian();
                default -> Float.intBitsToFloat(r.nextInt());
            };
        }
        x[0] = -0f;
        x[1] = -0.4f;
        x[2] = 8388607.5f;
        x[3] = -8388607.5f;
        for (UnaryOp op : new UnaryOp[] {UnaryOp.FLOOR, UnaryOp.CEIL, UnaryOp.ROUND, UnaryOp.TRUNC}) {
            DoubleUnaryOperator want = switch (op) {
                case FLOOR -> Math::floor;
                case CEIL -> Math::ceil;
                case ROUND -> Math::rint;
                default -> v -> v < 0 ? Math.ceil(v) : Math.floor(v);
            };
            float[] got = new float[x.length];
            K.unary(op, x.length, x, 0, 1, got, 0, 1);
            for (int i = 0; i < x.length; i++) {
                assertEquals(
                        Float.floatToIntBits((float) want.applyAsDouble(x[i])),
                        Float.floatToIntBits(got[i]),
                        op + "(" + x[i] + ")");
            }
        }
    }

    /** The double erf against 20-digit values (mpmath), to two double ulp, and its erfc tail to 1e-14 relative. */
    @Test
    void doubleErfMatchesHighPrecisionValues() {
        double[][] table = {
            {1e-300, 1.1283791670955126022e-300},
            {1e-10, 1.128379167095512615e-10},
            {0.001, 0.0011283787909692364034},
            {0.1, 0.1124629160182848984},
            {0.3, 0.32862675945912741619},
            {0.5, 0.52049987781304653768},
            {0.75, 0.7111556336535151316},
            {1, 0.84270079294971486934},
            {1.25, 0.92290012825645823014},
            {1.5, 0.96610514647531072707},
            {2, 0.99532226501895273416},
            {2.5, 0.99959304798255504106},
            {2.9, 0.99995890212190054114},
            {3, 0.99997790950300141456},
            {3.1, 0.99998835134263280041},
            {3.5, 0.99999925690162765859},
            {4, 0.99999998458274209972},
            {4.5, 0.99999999980338395585},
            {5, 0.99999999999846254021},
            {5.5, 0.99999999999999264215},
            {5.9, 0.9999999999999999281}
        };
        for (double[] row : table) {
            assertTrue(
                    Math.abs(DoubleMath.erf(row[0]) - row[1]) <= 2 * Math.ulp(row[1]),
                    "erf(" + row[0] + ") = " + DoubleMath.erf(row[0]) + ", want " + row[1]);
            assertEquals(-DoubleMath.erf(row[0]), DoubleMath.erf(-row[0]));
        }
        double[][] tails = {
            {3, 0.000022090496998585441373}, {4, 1.5417257900280018852e-8}, {5, 1.5374597944280348502e-12}
        };
        for (double[] row : tails) {
            assertEquals(row[1], 1 - DoubleMath.erf(row[0]), 1e-14 * row[1] + 2e-16, "erfc(" + row[0] + ")");
        }
    }

    private static void expect(UnaryOp op, float[] x, float... want) {
        float[] got = new float[x.length];
        K.unary(op, x.length, x, 0, 1, got, 0, 1);
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(want[i])) {
                assertTrue(Float.isNaN(got[i]), op + "(" + x[i] + ") = " + got[i] + ", want NaN");
                continue;
            }
            float tolerance = Math.max(Math.abs(want[i]) * 2.4e-7f, 2 * Float.MIN_VALUE);
            assertEquals(want[i], got[i], tolerance, op + "(" + x[i] + ")");
            assertEquals(
                    Float.floatToIntBits(want[i]) < 0, Float.floatToIntBits(got[i]) < 0, op + "(" + x[i] + ") sign");
        }
    }

    /**
     * SAMPLES arguments in [lo, hi] in chunks: a third uniform over the range, a third uniform over
     * [-4, 4], a third random bit patterns (log-uniform magnitudes) from 1e-30 up.
     */
    private static void assertWithinUlps(UnaryOp op, DoubleUnaryOperator exact, float lo, float hi) {
        Random r = new Random(op.ordinal() * 1_000_003L + 7);
        float[] x = new float[CHUNK];
        int minBits = Float.floatToIntBits(1e-30f);
        int maxBits = Float.floatToIntBits(Math.max(Math.abs(lo), Math.abs(hi)));
        for (int done = 0; done < SAMPLES; done += CHUNK) {
            int n = Math.min(CHUNK, SAMPLES - done);
            for (int i = 0; i < n; i++) {
                float v;
                do {
                    int bits = r.nextInt();
                    v = switch (i % 3) {
                        case 0 -> lo + (hi - lo) * r.nextFloat();
                        case 1 -> r.nextFloat() * 8 - 4;
                        default ->
                            Float.intBitsToFloat(minBits + (bits >>> 1) % (maxBits - minBits) | (bits & 0x80000000));
                    };
                } while (!(v >= lo && v <= hi));
                x[i] = v;
            }
            check(op, exact, java.util.Arrays.copyOf(x, n));
        }
    }

    private static void check(UnaryOp op, DoubleUnaryOperator exact, float[] x) {
        float[] got = new float[x.length];
        K.unary(op, x.length, x, 0, 1, got, 0, 1);
        for (int i = 0; i < x.length; i++) {
            double want = exact.applyAsDouble(x[i]);
            float wantF = (float) want;
            if (Float.isInfinite(wantF) || wantF == 0f) {
                assertEquals(wantF, got[i], op + "(" + x[i] + ")");
                continue;
            }
            double ulps = Math.abs(got[i] - want) / Math.ulp(wantF);
            if (!(ulps <= MAX_ULPS)) {
                throw new AssertionError(op + "(" + x[i] + ") = " + got[i] + ", want " + want + " (" + ulps + " ulp)");
            }
        }
    }
}
