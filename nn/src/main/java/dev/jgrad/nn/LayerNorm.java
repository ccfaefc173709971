package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;

/**
 * Layer normalisation over the trailing {@code normalizedShape}: PyTorch's {@code nn.LayerNorm}.
 * Each sample is normalised with its own mean and biased variance over those dims, then scaled
 * by {@code weight} (ones at first) and shifted by {@code bias} (zeros at first), both of shape
 * {@code normalizedShape}. Unlike BatchNorm it keeps no running statistics and behaves the same
 * in training and eval.
 */
public final class LayerNorm extends Module {
    /** The trailing shape normalised over. */
    private final int[] normalizedShape;
    /** Added to the variance. */
    public final double eps;
    /** Whether there are a weight and a bias. */
    public final boolean elementwiseAffine;
    /** γ, ones at first; null without elementwise affine. */
    public final Tensor weight;
    /** β, zeros at first; null without elementwise affine or without bias. */
    public final Tensor bias;

    /**
     * A LayerNorm over the last dim, of size {@code normalizedShape}, with eps 1e-5, a weight and a bias.
     *
     * @param normalizedShape the size of the last dim
     */
    public LayerNorm(int normalizedShape) {
        this(new int[] {normalizedShape});
    }

    /**
     * A LayerNorm over the trailing dims {@code normalizedShape}, with eps 1e-5, a weight and a bias.
     *
     * @param normalizedShape the trailing shape
     */
    public LayerNorm(int[] normalizedShape) {
        this(normalizedShape, 1e-5, true, true);
    }

    /**
     * PyTorch's {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine, bias)}.
     *
     * @param normalizedShape the trailing shape, at least one dim, each positive
     * @param eps added to the variance
     * @param elementwiseAffine whether to learn a weight (and a bias)
     * @param bias whether to learn a bias too (with elementwise affine only)
     * @throws IllegalArgumentException if the shape is empty or has a dim below 1
     */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine, boolean bias) {
        if (normalizedShape.length == 0) {
            throw new IllegalArgumentException("LayerNorm needs a normalized_shape of at least one dim");
        }
        for (int s : normalizedShape) {
            if (s <= 0) {
                throw new IllegalArgumentException(
                        "normalized_shape must be positive, got " + java.util.Arrays.toString(normalizedShape));
            }
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        this.weight = registerParameter("weight", elementwiseAffine ? Tensor.of(NDArray.ones(normalizedShape)) : null);
        this.bias =
                registerParameter("bias", elementwiseAffine && bias ? Tensor.of(NDArray.zeros(normalizedShape)) : null);
    }

    /**
     * The trailing shape normalised over.
     *
     * @return a copy of it
     */
    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    @Override
    public String extraRepr() {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < normalizedShape.length; i++) {
            shape.append(i == 0 ? "" : ", ").append(normalizedShape[i]);
        }
        shape.append(normalizedShape.length == 1 ? ",)" : ")");
        return shape + ", eps=" + Py.number(eps) + ", elementwise_affine=" + Py.bool(elementwiseAffine);
    }
}
