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
    public final int inFeatures;
    public final int outFeatures;
    public final Tensor weight;
    /** Null when built with {@code bias = false}. */
    public final Tensor bias;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Generator.defaultGenerator());
    }

    /** A Linear whose initial weights come from {@code generator}. */
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

    /** Draws fresh initial values, as PyTorch's {@code reset_parameters}. */
    public void resetParameters(Generator generator) {
        Init.kaimingUniform_(weight, Math.sqrt(5), "fan_in", "leaky_relu", generator);
        if (bias != null) {
            int fanIn = inFeatures;
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias, -bound, bound, generator);
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight, bias);
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Py.bool(bias != null);
    }
}
