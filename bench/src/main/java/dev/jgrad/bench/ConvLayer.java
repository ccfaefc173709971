package dev.jgrad.bench;

/** The two convolutions of {@code ./jgrad train --model cnn} at batch 100 (3x3 kernels, padding 1, stride 1). */
public enum ConvLayer {
    CONV1(1, 32, 28, "conv1 1→32 on 28×28"),
    CONV2(32, 64, 14, "conv2 32→64 on 14×14");

    /** The batch the CNN trains with. */
    public static final int BATCH = 100;
    /** The kernel side. */
    public static final int KERNEL = 3;

    /** Input channels. */
    public final int in;
    /** Output channels. */
    public final int out;
    /** Image side (input and output, with padding 1). */
    public final int side;
    /** How the report names the layer. */
    public final String label;

    ConvLayer(int in, int out, int side, String label) {
        this.in = in;
        this.out = out;
        this.side = side;
        this.label = label;
    }

    /**
     * Multiply-adds times two of one pass over the batch: the forward pass, the input gradient and
     * the weight gradient each cost this much.
     *
     * @return floating-point operations of one pass
     */
    public double flops() {
        return 2.0 * BATCH * out * in * KERNEL * KERNEL * side * side;
    }
}
