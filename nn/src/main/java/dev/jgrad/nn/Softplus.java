package dev.jgrad.nn;

/**
 * {@code log(1 + exp(beta·x))/beta}, elementwise, and {@code x} where {@code beta·x > threshold}:
 * PyTorch's {@code nn.Softplus(beta=1.0, threshold=20.0)}.
 */
public class Softplus extends FunctionModule {
    /** The sharpness. */
    public final double beta;
    /** Where the function turns linear. */
    public final double threshold;

    /** A Softplus with beta 1 and threshold 20. */
    public Softplus() {
        this(1.0, 20.0);
    }

    /**
     * A Softplus with the given settings.
     *
     * @param beta the sharpness
     * @param threshold where the function turns linear
     */
    public Softplus(double beta, double threshold) {
        super(
                "beta=" + Py.number(beta) + ", threshold=" + Py.number(threshold),
                input -> F.softplus(input, beta, threshold));
        this.beta = beta;
        this.threshold = threshold;
    }
}
