package dev.jgrad.nn;

/** {@code x > 0 ? x : negativeSlope·x}, elementwise: PyTorch's {@code nn.LeakyReLU(negative_slope=0.01)}. */
public class LeakyReLU extends FunctionModule {
    /** PyTorch's default slope, 0.01. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

    /** The slope for negative inputs. */
    public final double negativeSlope;

    /** A LeakyReLU with slope 0.01. */
    public LeakyReLU() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    /**
     * A LeakyReLU with the given slope.
     *
     * @param negativeSlope the slope for negative inputs
     */
    public LeakyReLU(double negativeSlope) {
        super("negative_slope=" + Py.number(negativeSlope), input -> F.leakyRelu(input, negativeSlope));
        this.negativeSlope = negativeSlope;
    }
}
