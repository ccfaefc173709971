package dev.jgrad.tensor.kernel;

/** float64 transcendental functions of the kernels: the JDK's, shared by both implementations so that they agree. */
final class DoubleMath {
    private DoubleMath() {}

    static double exp(double x) {
        return Math.exp(x);
    }

    static double log(double x) {
        return Math.log(x);
    }

    static double tanh(double x) {
        return Math.tanh(x);
    }

    static double sigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        return (x < 0.0 ? e : 1.0) / (1.0 + e);
    }
}
