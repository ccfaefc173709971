package dev.jgrad.tensor;

/** Short float32 literals for the example tests: {@code f(1, 2)} and {@code f(new float[][] {{1}, {2}})}. */
final class FloatTensors {
    private FloatTensors() {}

    /** A 1-d float32 array of {@code v}. */
    static NDArray f(float... v) {
        return NDArray.tensor(v);
    }

    /** A 2-d float32 array of the rows {@code v}. */
    static NDArray f(float[][] v) {
        return NDArray.tensor(v);
    }
}
