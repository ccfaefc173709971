package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;

/**
 * The two targets of issue 3 that are about results rather than speed, checked in the runner's
 * JVM with its default kernels: the accuracy of a long sum, and NaN in max/argmax.
 */
final class Checks {
    /** Elements of the accuracy check, as in issue 3. */
    static final int SUM_SIZE = 1 << 24;

    private Checks() {}

    /** Relative error of jgrad's sum of 16M uniform [0, 1) floats against an exact float64 sum. */
    static double sumRelativeError() {
        float[] x = Inputs.uniform(61, SUM_SIZE, 0f, 1f);
        // float64 holds every partial sum of these floats to well under 1e-9 relative.
        double exact = 0;
        for (float v : x) {
            exact += v;
        }
        double got = NDArray.wrap(x, SUM_SIZE).sum().item();
        return Math.abs(got - exact) / exact;
    }

    /**
     * "" when {@code max()} is NaN and {@code argmax()} the first NaN's index for NaN placed in
     * the vectorised body and in the tail of an array; otherwise what came out instead.
     */
    static String nanPropagation() {
        StringBuilder problems = new StringBuilder();
        int n = 1000 * 16 + 13;
        for (int[] nans : new int[][] {{777, 9000}, {n - 2, n - 1}, {0}}) {
            float[] x = Inputs.uniform(62, n, -1f, 1f);
            for (int i : nans) {
                x[i] = Float.NaN;
            }
            NDArray a = NDArray.wrap(x, n);
            double max = a.max().item();
            long argmax = a.argmax().itemLong();
            if (!Double.isNaN(max) || argmax != nans[0]) {
                if (problems.length() > 0) {
                    problems.append("; ");
                }
                problems.append("NaN at ")
                        .append(nans[0])
                        .append(": max() ")
                        .append(max)
                        .append(", argmax() ")
                        .append(argmax);
            }
        }
        return problems.toString();
    }
}
