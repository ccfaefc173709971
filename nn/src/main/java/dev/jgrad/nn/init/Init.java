package dev.jgrad.nn.init;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * PyTorch's {@code torch.nn.init}: fills a tensor in place, without recording gradients, and
 * returns it. The random ones draw from jgrad's generator (the default one, or the one given), in
 * row-major order of the tensor's elements, so a seed fixes the result on every JVM.
 *
 * <pre>{@code
 * import static dev.jgrad.nn.init.Init.*;
 * kaimingUniform_(layer.weight, Math.sqrt(5));
 * }</pre>
 */
public final class Init {
    private Init() {}

    /**
     * The gain PyTorch's {@code calculate_gain(nonlinearity)} recommends for a nonlinearity; see
     * {@link #calculateGain(String, double)}.
     *
     * @param nonlinearity PyTorch's name: {@code linear}, {@code conv1d}..{@code conv_transpose3d},
     *     {@code sigmoid}, {@code tanh}, {@code relu}, {@code leaky_relu} or {@code selu}
     * @return the gain
     * @throws IllegalArgumentException if the name is none of these
     */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, Double.NaN);
    }

    /**
     * {@code calculate_gain(nonlinearity, param)}: 1 for linear, conv and sigmoid, 5/3 for tanh,
     * √2 for relu, √(2 / (1 + slope²)) for leaky_relu (slope {@code param}, 0.01 when NaN), 3/4 for selu.
     *
     * @param nonlinearity PyTorch's name: {@code linear}, {@code conv1d}..{@code conv_transpose3d},
     *     {@code sigmoid}, {@code tanh}, {@code relu}, {@code leaky_relu} or {@code selu}
     * @param param leaky_relu's negative slope, NaN for PyTorch's {@code None}; ignored otherwise
     * @return the gain
     * @throws IllegalArgumentException if the name is none of these
     */
    public static double calculateGain(String nonlinearity, double param) {
        switch (nonlinearity) {
            case "linear":
            case "conv1d":
            case "conv2d":
            case "conv3d":
            case "conv_transpose1d":
            case "conv_transpose2d":
            case "conv_transpose3d":
            case "sigmoid":
                return 1;
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu":
                double slope = Double.isNaN(param) ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        }
    }

    /**
     * {@code [fan_in, fan_out]}: size(1) and size(0), each times the receptive field (the product of
     * dims 2..), as PyTorch's {@code _calculate_fan_in_and_fan_out}.
     *
     * @param tensor a weight of shape {@code (out, in, *)}
     * @return a new two-element array: fan in, then fan out
     * @throws IllegalArgumentException if the tensor has fewer than 2 dims
     */
    public static int[] calculateFanInAndFanOut(Tensor tensor) {
        int dims = tensor.dim();
        if (dims < 2) {
            throw new IllegalArgumentException(
                    "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        int receptive = 1;
        for (int d = 2; d < dims; d++) {
            receptive *= tensor.size(d);
        }
        return new int[] {tensor.size(1) * receptive, tensor.size(0) * receptive};
    }

    // ---------------------------------------------------------------- constant fills

    /**
     * Fills with {@code val}, converted to the tensor's dtype: {@code nn.init.constant_}.
     *
     * @param tensor the tensor to fill, of any shape and dtype
     * @param val the value
     * @return {@code tensor}
     */
    public static Tensor constant_(Tensor tensor, double val) {
        tensor.data().fill_(val);
        return tensor;
    }

    /**
     * Fills with zeros: {@code nn.init.zeros_}.
     *
     * @param tensor the tensor to fill, of any shape and dtype
     * @return {@code tensor}
     */
    public static Tensor zeros_(Tensor tensor) {
        return constant_(tensor, 0);
    }

    /**
     * Fills with ones: {@code nn.init.ones_}.
     *
     * @param tensor the tensor to fill, of any shape and dtype
     * @return {@code tensor}
     */
    public static Tensor ones_(Tensor tensor) {
        return constant_(tensor, 1);
    }

    // ---------------------------------------------------------------- random fills

    /**
     * Fills with U(a, b) from the default generator: {@code nn.init.uniform_(tensor, a, b)}.
     *
     * @param tensor the tensor to fill, of any shape and dtype
     * @param a the lower bound
     * @param b the upper bound
     * @return {@code tensor}
     * @throws IllegalArgumentException if {@code a > b} (or either is NaN)
     */
    public static Tensor uniform_(Tensor tensor, double a, double b) {
        return uniform_(tensor, a, b, Generator.defaultGenerator());
    }

    /**
     * Fills with U(a, b) from {@code generator}, {@code a + (b - a)·u} per element in row-major order:
     * {@code nn.init.uniform_(tensor, a, b, generator)}.
     *
     * @param tensor the tensor to fill, of any shape and dtype
     * @param a the lower bound
     * @param b the upper bound
     * @param generator the generator the values are drawn from
     * @return {@code tensor}
     * @throws IllegalArgumentException if {@code a > b} (or either is NaN)
     */
    public static Tensor uniform_(Tensor tensor, double a, double b, Generator generator) {
        if (!(a <= b)) {
            throw new IllegalArgumentException(
                    "uniform_ expects to return a [from, to) range, but found from=" + a + " > to=" + b);
        }
        double[] v = new double[tensor.numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a + (b - a) * generator.nextDouble();
        }
        return fill(tensor, v);
    }

    /**
     * Fills with N(0, 1) from the default generator: {@code nn.init.normal_(tensor)}.
     *
     * @param tensor the tensor to fill, of any shape and dtype
     * @return {@code tensor}
     */
    public static Tensor normal_(Tensor tensor) {
        return normal_(tensor, 0, 1);
    }

    /**
     * Fills with N(mean, std²) from the default generator: {@code nn.init.normal_(tensor, mean, std)}.
     *
     * @param tensor the tensor to fill, of any shape and dtype
     * @param mean the mean
     * @param std the standard deviation, at least 0
     * @return {@code tensor}
     * @throws IllegalArgumentException if {@code std} is negative or NaN
     */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        return normal_(tensor, mean, std, Generator.defaultGenerator());
    }

    /**
     * Fills with N(mean, std²) from {@code generator}, one Gaussian per element in row-major order:
     * {@code nn.init.normal_(tensor, mean, std, generator)}.
     *
     * @param tensor the tensor to fill, of any shape and dtype
     * @param mean the mean
     * @param std the standard deviation, at least 0
     * @param generator the generator the values are drawn from
     * @return {@code tensor}
     * @throws IllegalArgumentException if {@code std} is negative or NaN
     */
    public static Tensor normal_(Tensor tensor, double mean, double std, Generator generator) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        }
        double[] v = new double[tensor.numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = mean + std * generator.nextGaussian();
        }
        return fill(tensor, v);
    }

    /**
     * Xavier/Glorot uniform: U(-a, a) with a = gain·√(6 / (fan_in + fan_out)), gain 1, from the
     * default generator: {@code nn.init.xavier_uniform_(tensor)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}
     * @return {@code tensor}
     * @throws IllegalArgumentException if the tensor has fewer than 2 dims
     */
    public static Tensor xavierUniform_(Tensor tensor) {
        return xavierUniform_(tensor, 1.0);
    }

    /**
     * Xavier/Glorot uniform with a gain, from the default generator: {@code nn.init.xavier_uniform_(tensor, gain)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}
     * @param gain the scaling factor, e.g. {@link #calculateGain(String)}
     * @return {@code tensor}
     * @throws IllegalArgumentException if the tensor has fewer than 2 dims
     */
    public static Tensor xavierUniform_(Tensor tensor, double gain) {
        return xavierUniform_(tensor, gain, Generator.defaultGenerator());
    }

    /**
     * Xavier/Glorot uniform with a gain, from {@code generator}: U(-a, a) with
     * a = gain·√(6 / (fan_in + fan_out)), {@code nn.init.xavier_uniform_(tensor, gain, generator)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}
     * @param gain the scaling factor, e.g. {@link #calculateGain(String)}
     * @param generator the generator the values are drawn from
     * @return {@code tensor}
     * @throws IllegalArgumentException if the tensor has fewer than 2 dims
     */
    public static Tensor xavierUniform_(Tensor tensor, double gain, Generator generator) {
        int[] fans = calculateFanInAndFanOut(tensor);
        double std = gain * Math.sqrt(2.0 / (fans[0] + fans[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform_(tensor, -a, a, generator);
    }

    /**
     * Xavier/Glorot normal: N(0, std²) with std = gain·√(2 / (fan_in + fan_out)), gain 1, from the
     * default generator: {@code nn.init.xavier_normal_(tensor)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}
     * @return {@code tensor}
     * @throws IllegalArgumentException if the tensor has fewer than 2 dims
     */
    public static Tensor xavierNormal_(Tensor tensor) {
        return xavierNormal_(tensor, 1.0);
    }

    /**
     * Xavier/Glorot normal with a gain, from the default generator: {@code nn.init.xavier_normal_(tensor, gain)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}
     * @param gain the scaling factor, e.g. {@link #calculateGain(String)}
     * @return {@code tensor}
     * @throws IllegalArgumentException if the tensor has fewer than 2 dims
     */
    public static Tensor xavierNormal_(Tensor tensor, double gain) {
        return xavierNormal_(tensor, gain, Generator.defaultGenerator());
    }

    /**
     * Xavier/Glorot normal with a gain, from {@code generator}: N(0, std²) with
     * std = gain·√(2 / (fan_in + fan_out)), {@code nn.init.xavier_normal_(tensor, gain, generator)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}
     * @param gain the scaling factor, e.g. {@link #calculateGain(String)}
     * @param generator the generator the values are drawn from
     * @return {@code tensor}
     * @throws IllegalArgumentException if the tensor has fewer than 2 dims
     */
    public static Tensor xavierNormal_(Tensor tensor, double gain, Generator generator) {
        int[] fans = calculateFanInAndFanOut(tensor);
        double std = gain * Math.sqrt(2.0 / (fans[0] + fans[1]));
        return normal_(tensor, 0, std, generator);
    }

    /**
     * Kaiming/He uniform with PyTorch's defaults: a = 0, mode fan_in, leaky_relu, from the default
     * generator: {@code nn.init.kaiming_uniform_(tensor)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}; an empty one is left as is
     * @return {@code tensor}
     * @throws IllegalArgumentException if a non-empty tensor has fewer than 2 dims
     */
    public static Tensor kaimingUniform_(Tensor tensor) {
        return kaimingUniform_(tensor, 0);
    }

    /**
     * Kaiming/He uniform with negative slope {@code a} (Linear uses √5), mode fan_in, leaky_relu, from
     * the default generator: {@code nn.init.kaiming_uniform_(tensor, a)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}; an empty one is left as is
     * @param a the negative slope of the leaky_relu that follows
     * @return {@code tensor}
     * @throws IllegalArgumentException if a non-empty tensor has fewer than 2 dims
     */
    public static Tensor kaimingUniform_(Tensor tensor, double a) {
        return kaimingUniform_(tensor, a, "fan_in", "leaky_relu", Generator.defaultGenerator());
    }

    /**
     * Kaiming/He uniform: U(-bound, bound) with bound = √3 · gain / √fan, where fan is fan_in or
     * fan_out ({@code mode}) and gain is {@code calculateGain(nonlinearity, a)}:
     * {@code nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity, generator)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}; an empty one is left as is
     * @param a the negative slope of the leaky_relu that follows (ignored by other nonlinearities)
     * @param mode {@code "fan_in"} (keeps the forward pass's variance) or {@code "fan_out"} (the
     *     backward pass's), in any case
     * @param nonlinearity a name {@link #calculateGain(String, double)} knows, e.g. {@code "relu"}
     * @param generator the generator the values are drawn from
     * @return {@code tensor}
     * @throws IllegalArgumentException if a non-empty tensor has fewer than 2 dims, or the mode or
     *     the nonlinearity is unknown
     */
    public static Tensor kaimingUniform_(
            Tensor tensor, double a, String mode, String nonlinearity, Generator generator) {
        return kaiming(tensor, a, mode, nonlinearity, std -> {
            double bound = Math.sqrt(3.0) * std;
            return uniform_(tensor, -bound, bound, generator);
        });
    }

    /**
     * Kaiming/He normal with PyTorch's defaults: a = 0, mode fan_in, leaky_relu, from the default
     * generator: {@code nn.init.kaiming_normal_(tensor)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}; an empty one is left as is
     * @return {@code tensor}
     * @throws IllegalArgumentException if a non-empty tensor has fewer than 2 dims
     */
    public static Tensor kaimingNormal_(Tensor tensor) {
        return kaimingNormal_(tensor, 0);
    }

    /**
     * Kaiming/He normal with negative slope {@code a}, mode fan_in, leaky_relu, from the default
     * generator: {@code nn.init.kaiming_normal_(tensor, a)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}; an empty one is left as is
     * @param a the negative slope of the leaky_relu that follows
     * @return {@code tensor}
     * @throws IllegalArgumentException if a non-empty tensor has fewer than 2 dims
     */
    public static Tensor kaimingNormal_(Tensor tensor, double a) {
        return kaimingNormal_(tensor, a, "fan_in", "leaky_relu", Generator.defaultGenerator());
    }

    /**
     * Kaiming/He normal: N(0, std²) with std = gain / √fan, where fan is fan_in or fan_out
     * ({@code mode}) and gain is {@code calculateGain(nonlinearity, a)}:
     * {@code nn.init.kaiming_normal_(tensor, a, mode, nonlinearity, generator)}.
     *
     * @param tensor the weight to fill, of shape {@code (out, in, *)}; an empty one is left as is
     * @param a the negative slope of the leaky_relu that follows (ignored by other nonlinearities)
     * @param mode {@code "fan_in"} (keeps the forward pass's variance) or {@code "fan_out"} (the
     *     backward pass's), in any case
     * @param nonlinearity a name {@link #calculateGain(String, double)} knows, e.g. {@code "relu"}
     * @param generator the generator the values are drawn from
     * @return {@code tensor}
     * @throws IllegalArgumentException if a non-empty tensor has fewer than 2 dims, or the mode or
     *     the nonlinearity is unknown
     */
    public static Tensor kaimingNormal_(
            Tensor tensor, double a, String mode, String nonlinearity, Generator generator) {
        return kaiming(tensor, a, mode, nonlinearity, std -> normal_(tensor, 0, std, generator));
    }

    /**
     * Kaiming's fill: {@code fill} given std = gain / √fan, or nothing for an empty tensor (whose fans
     * PyTorch never computes).
     */
    private static Tensor kaiming(
            Tensor tensor, double a, String mode, String nonlinearity, DoubleFunction<Tensor> fill) {
        if (tensor.numel() == 0) {
            return tensor;
        }
        return fill.apply(calculateGain(nonlinearity, a) / Math.sqrt(fan(tensor, mode)));
    }

    private static int fan(Tensor tensor, String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals("fan_in") && !m.equals("fan_out")) {
            throw new IllegalArgumentException("Mode " + mode + " not supported, please use one of fan_in, fan_out");
        }
        int[] fans = calculateFanInAndFanOut(tensor);
        return m.equals("fan_in") ? fans[0] : fans[1];
    }

    /** Writes row-major values into the tensor's own storage, so views and the optimizer see them. */
    private static Tensor fill(Tensor tensor, double[] values) {
        tensor.data().copy_(NDArray.wrap(values, tensor.data().shape().toArray()));
        return tensor;
    }
}
