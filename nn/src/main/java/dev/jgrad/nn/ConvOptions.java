package dev.jgrad.nn;

import dev.jgrad.tensor.Generator;
import java.util.Arrays;
import java.util.List;

/**
 * The keyword arguments of {@link Conv2d} and {@link Conv1d} beyond channels and kernel size, with
 * PyTorch's defaults: {@code stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros'}.
 *
 * <pre>{@code
 * new Conv2d(1, 32, 3, ConvOptions.defaults().padding(1));       // nn.Conv2d(1, 32, 3, padding=1)
 * new Conv2d(16, 16, 3, ConvOptions.defaults().padding("same").groups(2).bias(false));
 * }</pre>
 */
public final class ConvOptions {
    static final List<String> PADDING_MODES = List.of("zeros", "reflect", "replicate", "circular");

    int[] stride = {1};
    int[] padding = {0};
    String paddingString;
    int[] dilation = {1};
    int groups = 1;
    boolean bias = true;
    String paddingMode = "zeros";
    Generator generator;

    private ConvOptions() {}

    /**
     * PyTorch's defaults.
     *
     * @return fresh options
     */
    public static ConvOptions defaults() {
        return new ConvOptions();
    }

    /**
     * The stride, one value for every spatial dim or one per dim.
     *
     * @param stride the step between window positions
     * @return these options
     */
    public ConvOptions stride(int... stride) {
        this.stride = stride.clone();
        return this;
    }

    /**
     * Zero padding on both sides, one value for every spatial dim or one per dim.
     *
     * @param padding elements added on each side
     * @return these options
     */
    public ConvOptions padding(int... padding) {
        this.padding = padding.clone();
        this.paddingString = null;
        return this;
    }

    /**
     * {@code padding="same"} (output as large as the input; stride 1 only) or {@code "valid"} (none).
     *
     * @param padding {@code "same"} or {@code "valid"}
     * @return these options
     */
    public ConvOptions padding(String padding) {
        this.paddingString = padding;
        return this;
    }

    /**
     * The gap between kernel taps, one value for every spatial dim or one per dim.
     *
     * @param dilation 1 for adjacent taps
     * @return these options
     */
    public ConvOptions dilation(int... dilation) {
        this.dilation = dilation.clone();
        return this;
    }

    /**
     * Channel groups: input and output channels are split into this many independent convolutions.
     *
     * @param groups a divisor of both channel counts
     * @return these options
     */
    public ConvOptions groups(int groups) {
        this.groups = groups;
        return this;
    }

    /**
     * Whether the layer has a bias.
     *
     * @param bias PyTorch's {@code bias}
     * @return these options
     */
    public ConvOptions bias(boolean bias) {
        this.bias = bias;
        return this;
    }

    /**
     * How the input is padded; jgrad implements {@code "zeros"}.
     *
     * @param paddingMode PyTorch's {@code padding_mode}
     * @return these options
     */
    public ConvOptions paddingMode(String paddingMode) {
        this.paddingMode = paddingMode;
        return this;
    }

    /**
     * The generator the initial weights are drawn from (jgrad's default one if not set).
     *
     * @param generator the generator
     * @return these options
     */
    public ConvOptions generator(Generator generator) {
        this.generator = generator;
        return this;
    }

    /** {@code values} widened to {@code dims} entries (one value repeats), as PyTorch's {@code _pair}. */
    static int[] expand(int[] values, int dims, String name) {
        if (values.length == 1) {
            int[] r = new int[dims];
            Arrays.fill(r, values[0]);
            return r;
        }
        if (values.length != dims) {
            throw new IllegalArgumentException(
                    name + " must be an int or a tuple of " + dims + " ints, got " + Arrays.toString(values));
        }
        return values.clone();
    }
}
