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

    /** 1 / (1 + e^-x): in double only results below 1e-308 are lost, and it matches torch's formula. */
    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
