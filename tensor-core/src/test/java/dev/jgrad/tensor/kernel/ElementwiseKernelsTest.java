package dev.jgrad.tensor.kernel;

import static dev.jgrad.tensor.kernel.ScalarVsVector.assertAgree;
import static dev.jgrad.tensor.kernel.ScalarVsVector.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The vector elementwise kernels equal the scalar ones bit for bit, on any sizes, offsets and strides. */
class ElementwiseKernelsTest {
    private static final Kernels SCALAR = ScalarVsVector.SCALAR;
    private static final Kernels VECTOR = ScalarVsVector.VECTOR;

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryMatchesScalarStridedAndInPlace(UnaryOp op) {
        Random r = new Random(op.ordinal() * 31L + 1);
        for (int t = 0; t < 300; t++) {
            int n = Strided.size(r, 300);
            int xs = Strided.stride(r), os = Strided.stride(r);
            int xo = r.nextInt(5), oo = r.nextInt(5);
            String what = op + " n=" + n + " xs=" + xs + " os=" + os;
            float[] x = Strided.floats(r, xo + n * xs + 1, true);
            assertAgree(new float[oo + n * os + 1], (k, out) -> k.unary(op, n, x, xo, xs, out, oo, os), what);
            double[] xd = Strided.doubles(r, xo + n * xs + 1, true);
            assertAgree(new double[oo + n * os + 1], (k, out) -> k.unary(op, n, xd, xo, xs, out, oo, os), what);
            // In place: the vector kernel writes over its own input.
            float[] inPlace = Strided.floats(r, n, true), expected = new float[n];
            SCALAR.unary(op, n, inPlace, 0, 1, expected, 0, 1);
            VECTOR.unary(op, n, inPlace, 0, 1, inPlace, 0, 1);
            assertSameBits(expected, inPlace, op + " in place, n=" + n);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = BinaryOp.class,
            names = {"ADD", "SUB", "MUL", "DIV", "POW", "MAXIMUM", "MINIMUM"})
    void binaryMatchesScalarWithBroadcasts(BinaryOp op) {
        Random r = new Random(op.ordinal() * 13L + 11);
        for (int t = 0; t < 300; t++) {
            int rows = Strided.size(r, 5), cols = Strided.size(r, 150);
            int[] as = operandStrides(r, cols), bs = operandStrides(r, cols);
            int ocs = Strided.stride(r), ors = cols * ocs + r.nextInt(3);
            int ao = r.nextInt(4), bo = r.nextInt(4), oo = r.nextInt(4);
            int outSize = oo + rows * ors + cols * ocs + 1;
            String what = op + " " + rows + "x" + cols + " a" + java.util.Arrays.toString(as) + " b"
                    + java.util.Arrays.toString(bs);
            float[] a = Strided.floats(r, ao + extent(rows, cols, as) + 1, true);
            float[] b = Strided.floats(r, bo + extent(rows, cols, bs) + 1, true);
            assertAgree(
                    new float[outSize],
                    (k, out) -> k.binary(op, rows, cols, a, ao, as[0], as[1], b, bo, bs[0], bs[1], out, oo, ors, ocs),
                    what);
            double[] ad = Strided.doubles(r, ao + extent(rows, cols, as) + 1, true);
            double[] bd = Strided.doubles(r, bo + extent(rows, cols, bs) + 1, true);
            assertAgree(
                    new double[outSize],
                    (k, out) -> k.binary(op, rows, cols, ad, ao, as[0], as[1], bd, bo, bs[0], bs[1], out, oo, ors, ocs),
                    what + " float64");
        }
    }

    @org.junit.jupiter.api.Test
    void clampMatchesScalar() {
        Random r = new Random(99);
        for (int t = 0; t < 200; t++) {
            int n = Strided.size(r, 200);
            int xs = Strided.stride(r);
            float[] x = Strided.floats(r, n * xs + 1, true);
            float lo = Strided.value(r, false), hi = lo + Math.abs(Strided.value(r, false));
            assertAgree(new float[n + 1], (k, out) -> k.clamp(n, x, 0, xs, lo, hi, out, 1, 1), "clamp n=" + n);
            int off = r.nextInt(5), os = r.nextInt(4) == 0 ? 3 : 1;
            double[] xd = Strided.doubles(r, off + n * xs + 1, true);
            assertAgree(
                    new double[2 + n * os],
                    (k, out) -> k.clamp(n, xd, off, xs, lo, hi, out, 2, os),
                    "clamp double n=" + n + " xs=" + xs + " os=" + os);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = BinaryOp.class,
            names = {"EQ", "NE", "LT", "LE", "GT", "GE"})
    void compareMatchesScalar(BinaryOp op) {
        Random r = new Random(op.ordinal() * 23L + 4);
        for (int t = 0; t < 200; t++) {
            int n = Strided.size(r, 300);
            int as = Strided.stride(r), bs = r.nextInt(3) == 0 ? 0 : Strided.stride(r), os = r.nextInt(4) == 0 ? 2 : 1;
            float[] a = Strided.floats(r, n * as + 1, true), b = Strided.floats(r, n * bs + 1, true);
            if (r.nextBoolean()) {
                System.arraycopy(a, 0, b, 0, Math.min(a.length, b.length) / 2); // some equal pairs
            }
            boolean[] expected = new boolean[n * os + 1];
            boolean[] actual = new boolean[n * os + 1];
            SCALAR.compare(op, n, a, 0, as, b, 0, bs, expected, 0, os);
            VECTOR.compare(op, n, a, 0, as, b, 0, bs, actual, 0, os);
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    expected, actual, op + " n=" + n + " as=" + as + " bs=" + bs);
        }
    }

    @org.junit.jupiter.api.Test
    void whereAndAddScaledMatchScalar() {
        Random r = new Random(77);
        for (int t = 0; t < 300; t++) {
            int n = Strided.size(r, 300);
            int cs = r.nextInt(4) == 0 ? 2 : 1,
                    as = r.nextInt(3) == 0 ? 0 : Strided.stride(r),
                    bs = r.nextInt(3) == 0 ? 0 : Strided.stride(r);
            int os = r.nextInt(4) == 0 ? 3 : 1;
            boolean[] c = new boolean[n * cs + 1];
            for (int i = 0; i < c.length; i++) {
                c[i] = r.nextBoolean();
            }
            float[] a = Strided.floats(r, n * as + 2, true), b = Strided.floats(r, n * bs + 2, true);
            // addScaled writes over where's output, as both once shared one pair of arrays.
            float[] selected = assertAgree(
                    new float[n * os + 2],
                    (k, out) -> k.where(n, c, 0, cs, a, 1, as, b, 1, bs, out, 1, os),
                    "where n=" + n + " as=" + as + " bs=" + bs);
            float alpha = Strided.value(r, false);
            assertAgree(
                    selected, (k, out) -> k.addScaled(n, a, 1, as, alpha, b, 1, bs, out, 1, os), "addScaled n=" + n);
        }
    }

    @org.junit.jupiter.api.Test
    void fromUint8MatchesScalarAndEveryByteValue() {
        Random r = new Random(92);
        for (int t = 0; t < 300; t++) {
            int n = t == 0 ? 256 : Strided.size(r, 300);
            int xs = t == 0 ? 1 : Strided.stride(r), os = r.nextInt(4) == 0 ? 3 : 1;
            byte[] x = new byte[n * xs + 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (byte) (t == 0 ? i - 1 : r.nextInt(256));
            }
            float[] expected = assertAgree(
                    new float[n * os + 2],
                    (k, out) -> k.fromUint8(n, x, 1, xs, out, 1, os),
                    "fromUint8 n=" + n + " xs=" + xs + " os=" + os);
            for (int i = 0; i < n; i++) {
                assertEquals(x[1 + i * xs] & 0xFF, expected[1 + i * os], 0f, "byte " + x[1 + i * xs]);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void thresholdBackwardMatchesScalarAndDefinition() {
        Random r = new Random(91);
        float[] thresholds = {0f, -0f, 0.5f, -1.25f};
        for (int t = 0; t < 300; t++) {
            int n = Strided.size(r, 300);
            int gs = Strided.stride(r), xs = Strided.stride(r), os = r.nextInt(4) == 0 ? 3 : 1;
            float threshold = thresholds[r.nextInt(thresholds.length)];
            float[] g = Strided.floats(r, n * gs + 2, true), x = Strided.floats(r, n * xs + 2, true);
            for (int i = 0; i < n; i += 1 + r.nextInt(7)) {
                x[1 + i * xs] = r.nextBoolean() ? threshold : -0f;
            }
            float[] expected = assertAgree(
                    new float[n * os + 2],
                    (k, out) -> k.thresholdBackward(n, g, 1, gs, x, 1, xs, threshold, out, 1, os),
                    "thresholdBackward n=" + n + " gs=" + gs + " xs=" + xs + " os=" + os);
            for (int i = 0; i < n; i++) {
                float xi = x[1 + i * xs];
                float want = xi <= threshold ? 0f : g[1 + i * gs];
                assertEquals(
                        Float.floatToRawIntBits(want),
                        Float.floatToRawIntBits(expected[1 + i * os]),
                        "x=" + xi + " threshold=" + threshold);
            }
        }
    }

    /** Row and column strides of an operand: contiguous, a repeated row (bias), a scalar, a column, or transposed. */
    private static int[] operandStrides(Random r, int cols) {
        return switch (r.nextInt(6)) {
            case 0 -> new int[] {0, 1};
            case 1 -> new int[] {0, 0};
            case 2 -> new int[] {1, 0};
            case 3 -> new int[] {1, 7};
            case 4 -> new int[] {cols * 2 + 1, 2};
            default -> new int[] {cols, 1};
        };
    }

    private static int extent(int rows, int cols, int[] s) {
        return Math.max(0, (rows - 1) * s[0]) + Math.max(0, (cols - 1) * s[1]) + Math.max(rows, cols) * 8;
    }
}
