package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scalar kernels' contiguous loops (operands at one shared offset, at different offsets, in
 * place, a repeated scalar operand) give the same bits as their strided loop, which is reached
 * here by spreading the same values out with stride 2.
 */
@Tag("scalar-path")
class ScalarPathsTest {
    private static final Kernels SCALAR = Kernels.scalar();

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryContiguousLoopsMatchTheStridedOne(UnaryOp op) {
        Random r = new Random(op.ordinal() * 41L + 7);
        for (int t = 0; t < 200; t++) {
            int n = Strided.size(r, 300);
            int off = r.nextInt(4);
            float[] x = Strided.floats(r, off + n + 1, true);
            float[] stridedIn = new float[off + n + 1];
            SCALAR.unary(op, n, spread(x, off, n), 1, 2, stridedIn, off, 1);
            float[] strided = new float[2 * n + 2];
            SCALAR.unary(op, n, spread(x, off, n), 1, 2, strided, 1, 2);
            float[] reference = new float[off + n + 1];
            for (int i = 0; i < n; i++) {
                reference[off + i] = strided[1 + 2 * i];
            }
            float[] shared = new float[off + n + 1];
            SCALAR.unary(op, n, x, off, 1, shared, off, 1);
            assertSameBits(reference, shared, op + " shared offset n=" + n);
            float[] shifted = new float[off + n + 1];
            SCALAR.unary(op, n, x, off, 1, shifted, 0, 1);
            assertSameBits(
                    java.util.Arrays.copyOfRange(reference, off, off + n + 1),
                    java.util.Arrays.copyOf(shifted, n + 1),
                    op + " shifted n=" + n);
            float[] inPlace = x.clone();
            SCALAR.unary(op, n, inPlace, off, 1, inPlace, off, 1);
            for (int i = 0; i < n; i++) {
                assertEquals(
                        Float.floatToIntBits(reference[off + i]),
                        Float.floatToIntBits(inPlace[off + i]),
                        op + " in place at " + i);
            }
            assertSameBits(reference, stridedIn, op + " strided input, contiguous output n=" + n);

            double[] xd = Strided.doubles(r, off + n, true);
            double[] dStrided = new double[2 * n + 1];
            SCALAR.unary(op, n, spreadD(xd, off, n), 0, 2, dStrided, 0, 2);
            double[] dShared = new double[off + n];
            SCALAR.unary(op, n, xd, off, 1, dShared, off, 1);
            double[] dShifted = new double[n];
            SCALAR.unary(op, n, xd, off, 1, dShifted, 0, 1);
            for (int i = 0; i < n; i++) {
                assertEquals(
                        Double.doubleToLongBits(dStrided[2 * i]),
                        Double.doubleToLongBits(dShared[off + i]),
                        op + " double shared at " + i);
                assertEquals(
                        Double.doubleToLongBits(dStrided[2 * i]),
                        Double.doubleToLongBits(dShifted[i]),
                        op + " double shifted at " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = BinaryOp.class,
            names = {"ADD", "SUB", "MUL", "DIV", "POW", "MAXIMUM", "MINIMUM"})
    void binaryContiguousLoopsMatchTheStridedOne(BinaryOp op) {
        Random r = new Random(op.ordinal() * 43L + 3);
        for (int t = 0; t < 200; t++) {
            int n = Strided.size(r, 300);
            int off = r.nextInt(4);
            float[] a = Strided.floats(r, off + n + 1, true);
            float[] b = Strided.floats(r, off + n + 1, true);
            float s = Strided.value(r, true);
            float[] sa = spread(a, off, n), sb = spread(b, off, n);
            float[] vv = strided(op, n, sa, 2, sb, 2);
            float[] vs = strided(op, n, sa, 2, new float[] {0f, s}, 0);
            float[] sv = strided(op, n, new float[] {0f, s}, 0, sb, 2);

            float[] out = new float[off + n];
            SCALAR.binary(op, n, a, off, 1, b, off, 1, out, off, 1);
            assertRun(vv, out, off, n, op + " shared offset");
            float[] shifted = new float[n + 3];
            SCALAR.binary(op, n, a, off, 1, b, off, 1, shifted, 3, 1);
            assertRun(vv, shifted, 3, n, op + " shifted output");
            float[] inPlace = a.clone();
            SCALAR.binary(op, n, inPlace, off, 1, b, off, 1, inPlace, off, 1);
            assertRun(vv, inPlace, off, n, op + " in place");
            float[] scalarRight = new float[off + n];
            SCALAR.binary(op, n, a, off, 1, new float[] {s}, 0, 0, scalarRight, off, 1);
            assertRun(vs, scalarRight, off, n, op + " tensor op scalar");
            float[] scalarLeft = new float[off + n];
            SCALAR.binary(op, n, new float[] {9f, s}, 1, 0, b, off, 1, scalarLeft, off, 1);
            assertRun(sv, scalarLeft, off, n, op + " scalar op tensor");
            float[] scalarShifted = new float[n];
            SCALAR.binary(op, n, a, off, 1, new float[] {s}, 0, 0, scalarShifted, 0, 1);
            assertRun(vs, scalarShifted, 0, n, op + " tensor op scalar, shifted output");
        }
    }

    @org.junit.jupiter.api.Test
    void clampWhereAddScaledAndCompareMatchTheStridedLoops() {
        Random r = new Random(5);
        for (int t = 0; t < 300; t++) {
            int n = Strided.size(r, 300);
            int off = r.nextInt(4);
            float[] a = Strided.floats(r, off + n, true), b = Strided.floats(r, off + n, true);
            float[] sa = spread(a, off, n), sb = spread(b, off, n);
            float lo = Strided.value(r, false),
                    hi = lo + Math.abs(Strided.value(r, false)),
                    alpha = Strided.value(r, false);
            boolean[] c = new boolean[n];
            for (int i = 0; i < n; i++) {
                c[i] = r.nextBoolean();
            }
            float[] ref = new float[2 * n + 1];
            float[] got = new float[off + n];
            SCALAR.clamp(n, sa, 1, 2, lo, hi, ref, 0, 2);
            SCALAR.clamp(n, a, off, 1, lo, hi, got, off, 1);
            assertRun(every2(ref, n), got, off, n, "clamp");
            SCALAR.where(n, c, 0, 1, sa, 1, 2, sb, 1, 2, ref, 0, 2);
            SCALAR.where(n, c, 0, 1, a, off, 1, b, off, 1, got, off, 1);
            assertRun(every2(ref, n), got, off, n, "where");
            SCALAR.addScaled(n, sa, 1, 2, alpha, sb, 1, 2, ref, 0, 2);
            SCALAR.addScaled(n, a, off, 1, alpha, b, off, 1, got, off, 1);
            assertRun(every2(ref, n), got, off, n, "addScaled");
            for (BinaryOp op : BinaryOp.values()) {
                if (!op.isRelational()) {
                    continue;
                }
                boolean[] want = new boolean[2 * n + 1];
                boolean[] have = new boolean[n];
                SCALAR.compare(op, n, sa, 1, 2, new float[] {alpha}, 0, 0, want, 0, 2);
                SCALAR.compare(op, n, a, off, 1, new float[] {alpha}, 0, 0, have, 0, 1);
                for (int i = 0; i < n; i++) {
                    assertEquals(want[2 * i], have[i], op + " at " + i);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void reductionsOfContiguousRunsMatchTheStridedLoops() {
        Random r = new Random(6);
        for (int t = 0; t < 400; t++) {
            int n = 1 + Strided.size(r, 500);
            int off = r.nextInt(4);
            float[] x = Strided.floats(r, off + n, t % 2 == 0);
            if (t % 3 == 0) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = r.nextInt(3) - 1; // ties
                }
            }
            float[] sx = spread(x, off, n);
            String what = "n=" + n;
            assertEquals(SCALAR.sum(n, sx, 1, 2), SCALAR.sum(n, x, off, 1), "sum " + what);
            assertEquals(SCALAR.max(n, sx, 1, 2), SCALAR.max(n, x, off, 1), "max " + what);
            assertEquals(SCALAR.min(n, sx, 1, 2), SCALAR.min(n, x, off, 1), "min " + what);
            assertEquals(SCALAR.argmax(n, sx, 1, 2), SCALAR.argmax(n, x, off, 1), "argmax " + what);
            assertEquals(SCALAR.argmin(n, sx, 1, 2), SCALAR.argmin(n, x, off, 1), "argmin " + what);
            double[] xd = new double[off + n];
            for (int i = 0; i < xd.length; i++) {
                xd[i] = x[i];
            }
            double[] sxd = spreadD(xd, off, n);
            assertEquals(SCALAR.sum(n, sxd, 0, 2), SCALAR.sum(n, xd, off, 1), "double sum " + what);
            assertEquals(SCALAR.max(n, sxd, 0, 2), SCALAR.max(n, xd, off, 1), "double max " + what);
            assertEquals(SCALAR.min(n, sxd, 0, 2), SCALAR.min(n, xd, off, 1), "double min " + what);
            assertEquals(SCALAR.argmax(n, sxd, 0, 2), SCALAR.argmax(n, xd, off, 1), "double argmax " + what);
            assertEquals(SCALAR.argmin(n, sxd, 0, 2), SCALAR.argmin(n, xd, off, 1), "double argmin " + what);
        }
    }

    /** x[off..off+n) at positions 1, 3, 5, ... of a new array (garbage in between). */
    private static float[] spread(float[] x, int off, int n) {
        float[] s = new float[2 * n + 2];
        java.util.Arrays.fill(s, 12345f);
        for (int i = 0; i < n; i++) {
            s[1 + 2 * i] = x[off + i];
        }
        return s;
    }

    /** x[off..off+n) at positions 0, 2, 4, ... of a new array. */
    private static double[] spreadD(double[] x, int off, int n) {
        double[] s = new double[2 * n + 1];
        java.util.Arrays.fill(s, -777.0);
        for (int i = 0; i < n; i++) {
            s[2 * i] = x[off + i];
        }
        return s;
    }

    /** op over a stride-2 a (from 1) and b (from 1 with stride bs, or from 1 of a one-element repeat). */
    private static float[] strided(BinaryOp op, int n, float[] a, int as, float[] b, int bs) {
        float[] o = new float[2 * n + 1];
        SCALAR.binary(op, n, a, 1, as, b, 1, bs, o, 0, 2);
        return every2(o, n);
    }

    private static float[] every2(float[] o, int n) {
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = o[2 * i];
        }
        return r;
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), what + " at " + i);
        }
    }

    private static void assertRun(float[] expected, float[] actual, int off, int n, String what) {
        for (int i = 0; i < n; i++) {
            assertEquals(
                    Float.floatToIntBits(expected[i]),
                    Float.floatToIntBits(actual[off + i]),
                    what + " n=" + n + " at " + i);
        }
    }
}
