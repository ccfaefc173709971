package dev.jgrad.bench;

import java.util.SplittableRandom;

/**
 * Holds the matmul implementations of one benchmark to each other and to a float64 reference
 * before anything is timed.
 */
final class MatmulCheck {
    /** Output entries compared with the float64 reference, besides the corners. */
    private static final int SAMPLES = 64;

    private MatmulCheck() {}

    /**
     * Fails unless jgrad's and EJML's {@code m×n} results agree with the i-k-j loop everywhere and
     * with a float64 dot product on sampled entries. {@code a} and {@code b} are the row-major
     * operands ({@code m×k}, {@code k×n}), entries in [-1, 1].
     */
    static void require(String what, float[] a, float[] b, int m, int k, int n, float[] jgrad, float[] ejml) {
        // Rounding error of a length-k float dot product of such entries stays far below this,
        // while an indexing mistake moves an entry by about |a_ip·b_pj|, around 0.25.
        double tol = 1e-5 * k;
        float[] loop = ScalarLoops.matmul(a, b, m, k, n);
        Agreement.requireClose(what + ": jgrad vs the i-k-j loop", loop, jgrad, tol);
        Agreement.requireClose(what + ": EJML vs the i-k-j loop", loop, ejml, tol);
        SplittableRandom random = new SplittableRandom(m * 31L + k * 17L + n);
        for (int s = 0; s < SAMPLES + 4; s++) {
            int i;
            int j;
            if (s < 4) {
                i = (s & 1) == 0 ? 0 : m - 1;
                j = (s & 2) == 0 ? 0 : n - 1;
            } else {
                i = random.nextInt(m);
                j = random.nextInt(n);
            }
            double expected = ScalarLoops.matmulEntry(a, b, k, n, i, j);
            Agreement.requireClose(
                    what + ": jgrad entry (" + i + ", " + j + ") vs float64", expected, jgrad[i * n + j], tol);
        }
    }
}
