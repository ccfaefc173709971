package dev.jgrad.bench;

import java.util.SplittableRandom;

/** Seeded benchmark inputs, so that every fork and every implementation sees the same numbers. */
final class Inputs {
    private Inputs() {}

    /** {@code n} floats uniform in [lo, hi), the same for the same seed. */
    static float[] uniform(long seed, int n, float lo, float hi) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        float width = hi - lo;
        for (int i = 0; i < n; i++) {
            x[i] = lo + width * (float) random.nextDouble();
        }
        return x;
    }

    /** The transpose of a row-major {@code rows × cols} matrix, row-major. */
    static float[] transpose(float[] x, int rows, int cols) {
        float[] t = new float[x.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = x[r * cols + c];
            }
        }
        return t;
    }
}
