package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.init.Init;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;

/**
 * {@code y = x Wᵀ + b}: PyTorch's {@code nn.Linear}. The weight has shape
 * {@code (outFeatures, inFeatures)}; both it and the bias start as PyTorch's do, from
 * Kaiming-uniform with a = √5 (so U(-1/√in, 1/√in)) and U(-1/√in, 1/√in), drawn from jgrad's
 * generator.
 */
public final class Linear extends Module {
    /** The size of each input sample: the input's last dim. */
    public final int inFeatures;
    /** The size of each output sample: the output's last dim. */
    public final int outFeatures;
    /** The float32 weight parameter, of shape {@code (outFeatures, inFeatures)}. */
    public final Tensor weight;
    /** The float32 bias parameter, of shape {@code (outFeatures)}; null when built with {@code bias = false}. */
    public final Tensor bias;

    /**
     * A Linear with a bias, initialised from the default generator: {@code nn.Linear(in, out)}.
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     * @throws IllegalArgumentException if a size is negative
     */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /**
     * A Linear initialised from the default generator: {@code nn.Linear(in, out, bias=bias)}.
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     * @param bias whether to learn an additive bias
     * @throws IllegalArgumentException if a size is negative
     */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Generator.defaultGenerator());
    }

    /**
     * A Linear whose initial weights come from {@code generator}, so that a seed fixes them.
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     * @param bias whether to learn an additive bias
     * @param generator the generator the initial values are drawn from
     * @throws IllegalArgumentException if a size is negative
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator generator) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension "
                    + Math.min(inFeatures, outFeatures) + ": [" + outFeatures + ", " + inFeatures + "]");
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Tensor.of(NDArray.empty(DType.FLOAT32, outFeatures, inFeatures)));
        this.bias = registerParameter("bias", bias ? Tensor.of(NDArray.empty(DType.FLOAT32, outFeatures)) : null);
        resetParameters(generator);
    }

    /**
     * Draws fresh initial values in place, as PyTorch's {@code reset_parameters}: the weight from
     * Kaiming-uniform with a = √5, then the bias from U(-1/√in, 1/√in) (zero when in = 0).
     *
     * @param generator the generator the values are drawn from
     */
    public void resetParameters(Generator generator) {
        Init.kaimingUniform_(weight, Math.sqrt(5), "fan_in", "leaky_relu", generator);
        if (bias != null) {
            int fanIn = inFeatures;
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias, -bound, bound, generator);
        }
    }

    /**
     * Applies {@link F#linear(Tensor, Tensor, Tensor)}: {@code input Wᵀ + b}.
     *
     * @param input a float32 tensor of shape {@code (*, inFeatures)}, any number of leading dims
     * @return a float32 tensor of shape {@code (*, outFeatures)}
     * @throws IllegalArgumentException if the input's last dim is not {@code inFeatures} or its
     *     dtype is not float32
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight, bias);
    }

    /**
     * The repr's settings, e.g. {@code in_features=3, out_features=1, bias=True}.
     *
     * @return the settings as PyTorch prints them
     */
    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Py.bool(bias != null);
    }
}
