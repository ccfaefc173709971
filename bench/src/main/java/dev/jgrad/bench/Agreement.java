package dev.jgrad.bench;

/**
 * The checks each benchmark's setup makes before it measures anything: implementations that
 * disagree would make the comparison meaningless, so they stop the run.
 */
final class Agreement {
    private Agreement() {}

    /** Fails unless {@code actual} has {@code expected}'s length and every element is within {@code tol}. */
    static void requireClose(String what, float[] expected, float[] actual, double tol) {
        if (expected.length != actual.length) {
            throw new IllegalStateException(what + ": " + actual.length + " elements, expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) expected[i] - actual[i]);
            if (!(diff <= tol)) {
                throw new IllegalStateException(what + ": element " + i + " is " + actual[i] + ", expected "
                        + expected[i] + " (tolerance " + tol + ")");
            }
        }
    }

    /** Fails unless each {@code actual[i]} is within {@code rtol·|expected[i]|} (plus {@code atol}). */
    static void requireRelativelyClose(String what, float[] expected, float[] actual, double rtol, double atol) {
        if (expected.length != actual.length) {
            throw new IllegalStateException(what + ": " + actual.length + " elements, expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) expected[i] - actual[i]);
            if (!(diff <= atol + rtol * Math.abs(expected[i]))) {
                throw new IllegalStateException(
                        what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }

    /** Fails unless {@code actual} equals {@code expected} within {@code tol}. */
    static void requireClose(String what, double expected, double actual, double tol) {
        if (!(Math.abs(expected - actual) <= tol)) {
            throw new IllegalStateException(
                    what + " is " + actual + ", expected " + expected + " (tolerance " + tol + ")");
        }
    }

    /** Fails unless {@code actual == expected}. */
    static void requireEqual(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + " is " + actual + ", expected " + expected);
        }
    }
}
