package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.init.Init;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What {@link Conv1d} and {@link Conv2d} share, as PyTorch's {@code _ConvNd}: the settings, the
 * weight {@code (out, in/groups, *kernel)} and bias {@code (out)}, their default initialisation
 * (Kaiming-uniform with a = √5, bias from U(-1/√fan_in, 1/√fan_in)) and the printed form.
 */
public abstract class ConvNd extends Module {
    /** Input channels. */
    public final int inChannels;
    /** Output channels. */
    public final int outChannels;
    /** The kernel's size per spatial dim. */
    public final int[] kernelSize;
    /** The stride per spatial dim. */
    public final int[] stride;
    /** Zero padding per spatial dim; null when {@link #paddingString} is set. */
    public final int[] padding;
    /** {@code "same"} or {@code "valid"}, or null for numeric padding. */
    public final String paddingString;
    /** The dilation per spatial dim. */
    public final int[] dilation;
    /** Channel groups. */
    public final int groups;
    /** PyTorch's {@code padding_mode}: {@code "zeros"}, {@code "reflect"}, {@code "replicate"} or {@code "circular"}. */
    public final String paddingMode;
    /** The filters, {@code (out, in/groups, *kernel)}. */
    public final Tensor weight;
    /** The bias, {@code (out)}; null without one. */
    public final Tensor bias;

    /**
     * Checks the settings as PyTorch's {@code _ConvNd} does and draws the initial weights.
     *
     * @param dims spatial dims (1 or 2)
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernelSize the kernel's size, one value or one per dim
     * @param o the other settings
     * @throws IllegalArgumentException for settings PyTorch rejects, in its words
     */
    // Registering parameters and buffers only stores them in Module's maps, which subclasses never
    // override, so the subclass sees nothing half-built; the base registers them so that every
    // subclass has PyTorch's state-dict keys in PyTorch's order.
    @SuppressWarnings("this-escape")
    protected ConvNd(int dims, int inChannels, int outChannels, int[] kernelSize, ConvOptions o) {
        if (o.groups <= 0) {
            throw new IllegalArgumentException("groups must be a positive integer");
        }
        if (inChannels % o.groups != 0) {
            throw new IllegalArgumentException("in_channels must be divisible by groups");
        }
        if (outChannels % o.groups != 0) {
            throw new IllegalArgumentException("out_channels must be divisible by groups");
        }
        this.kernelSize = ConvOptions.expand(kernelSize, dims, "kernel_size");
        this.stride = ConvOptions.expand(o.stride, dims, "stride");
        this.dilation = ConvOptions.expand(o.dilation, dims, "dilation");
        if (o.paddingString != null) {
            if (!o.paddingString.equals("same") && !o.paddingString.equals("valid")) {
                throw new IllegalArgumentException(
                        "Invalid padding string '" + o.paddingString + "', should be one of {'valid', 'same'}");
            }
            if (o.paddingString.equals("same") && Arrays.stream(stride).anyMatch(s -> s != 1)) {
                throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            }
            this.padding = null;
        } else {
            this.padding = ConvOptions.expand(o.padding, dims, "padding");
        }
        this.paddingString = o.paddingString;
        if (!ConvOptions.PADDING_MODES.contains(o.paddingMode)) {
            throw new IllegalArgumentException("padding_mode must be one of "
                    + ConvOptions.PADDING_MODES.stream()
                            .map(m -> "'" + m + "'")
                            .collect(Collectors.joining(", ", "[", "]"))
                    + ", but got padding_mode='" + o.paddingMode + "'");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = o.groups;
        this.paddingMode = o.paddingMode;
        int[] wShape = new int[dims + 2];
        wShape[0] = outChannels;
        wShape[1] = inChannels / o.groups;
        System.arraycopy(this.kernelSize, 0, wShape, 2, dims);
        this.weight = registerParameter("weight", Tensor.of(NDArray.empty(DType.FLOAT32, wShape)));
        this.bias = registerParameter("bias", o.bias ? Tensor.of(NDArray.empty(DType.FLOAT32, outChannels)) : null);
        resetParameters(o.generator == null ? Generator.defaultGenerator() : o.generator);
    }

    /**
     * Draws fresh initial values, as PyTorch's {@code reset_parameters}: the weight from
     * Kaiming-uniform with a = √5, then the bias from U(-1/√fan_in, 1/√fan_in).
     *
     * @param generator where the draws come from
     */
    public final void resetParameters(Generator generator) {
        Init.kaimingUniform_(weight, Math.sqrt(5), "fan_in", "leaky_relu", generator);
        if (bias != null) {
            int fanIn = Init.calculateFanInAndFanOut(weight)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias, -bound, bound, generator);
        }
    }

    /**
     * The input padded by {@link #paddingMode} when that is not {@code "zeros"}, as PyTorch's
     * {@code _conv_forward} does before a convolution with no padding of its own; null for
     * {@code "zeros"}, which the convolution pads itself.
     */
    final Tensor padForMode(Tensor input) {
        if (paddingMode.equals("zeros")) {
            return null;
        }
        int dims = kernelSize.length;
        int[] pairs; // (before, after) per spatial dim, in dim order
        if (paddingString == null) {
            pairs = new int[2 * dims];
            for (int d = 0; d < dims; d++) {
                pairs[2 * d] = pairs[2 * d + 1] = padding[d];
            }
        } else {
            pairs = paddingString.equals("same") ? ConvOps.samePadding(kernelSize, dilation) : new int[2 * dims];
        }
        return Padding.pad(input, Padding.lastDimFirst(pairs), paddingMode, 0);
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder()
                .append(inChannels)
                .append(", ")
                .append(outChannels)
                .append(", kernel_size=")
                .append(tuple(kernelSize))
                .append(", stride=")
                .append(tuple(stride));
        if (paddingString != null) {
            s.append(", padding=").append(paddingString);
        } else if (Arrays.stream(padding).anyMatch(p -> p != 0)) {
            s.append(", padding=").append(tuple(padding));
        }
        if (Arrays.stream(dilation).anyMatch(d -> d != 1)) {
            s.append(", dilation=").append(tuple(dilation));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        if (!paddingMode.equals("zeros")) {
            s.append(", padding_mode=").append(paddingMode);
        }
        return s.toString();
    }

    /** A Python tuple: {@code (3, 3)}, or {@code (3,)} for one element. */
    static String tuple(int[] values) {
        if (values.length == 1) {
            return "(" + values[0] + ",)";
        }
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
