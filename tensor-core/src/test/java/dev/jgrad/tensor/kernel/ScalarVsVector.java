package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BiConsumer;

/**
 * The kernel tests' comparison of the two implementations: one call made with the scalar and with
 * the vector kernels, each writing into its own copy of the same output, and the two outputs
 * compared bit for bit.
 */
final class ScalarVsVector {
    static final Kernels SCALAR = Kernels.scalar();
    static final Kernels VECTOR = new VectorKernels();

    private ScalarVsVector() {}

    /**
     * Runs {@code call} on both kernels, each into a copy of {@code out}, and asserts the same bits.
     *
     * @return the scalar kernels' output
     */
    static float[] assertAgree(float[] out, BiConsumer<Kernels, float[]> call, String what) {
        float[] expected = out.clone(), actual = out.clone();
        call.accept(SCALAR, expected);
        call.accept(VECTOR, actual);
        assertSameBits(expected, actual, what);
        return expected;
    }

    /** The float64 {@link #assertAgree(float[], BiConsumer, String)}. */
    static void assertAgree(double[] out, BiConsumer<Kernels, double[]> call, String what) {
        double[] expected = out.clone(), actual = out.clone();
        call.accept(SCALAR, expected);
        call.accept(VECTOR, actual);
        assertSameBits(expected, actual, what);
    }

    static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                assertEquals(expected[i], actual[i], what + " at " + i);
                assertEquals(
                        Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), what + " sign at " + i);
            }
        }
    }

    static void assertSameBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                assertEquals(expected[i], actual[i], what + " at " + i);
                assertEquals(
                        Double.doubleToLongBits(expected[i]),
                        Double.doubleToLongBits(actual[i]),
                        what + " sign at " + i);
            }
        }
    }
}
