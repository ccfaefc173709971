package dev.jgrad.bench;

/**
 * The matrix products of one training step of the MNIST MLP (784-256-10, batch 100), in the
 * layout autograd hands them to matmul: Linear's weight is stored {@code out × in}, so the
 * forward pass multiplies by a transposed view of it, and a weight gradient multiplies a
 * transposed view of the output gradient by the layer's input.
 */
public enum MlpProduct {
    /** Layer 1 forward: x (100×784) @ W1ᵀ, W1 stored 256×784. */
    FORWARD1("x @ W1ᵀ", 100, 784, 256, false, true),
    /** Layer 2 forward: h (100×256) @ W2ᵀ, W2 stored 10×256. */
    FORWARD2("h @ W2ᵀ", 100, 256, 10, false, true),
    /** Layer 1 weight gradient: g1ᵀ @ x, g1 stored 100×256, x 100×784. */
    GRAD_W1("g1ᵀ @ x", 256, 100, 784, true, false),
    /** Layer 2 weight gradient: g2ᵀ @ h, g2 stored 100×10, h 100×256. */
    GRAD_W2("g2ᵀ @ h", 10, 100, 256, true, false);

    /** How the product reads in the model's terms. */
    public final String label;

    public final int m;
    public final int k;
    public final int n;
    /** Whether the left operand is a transposed view of a stored {@code k×m} matrix. */
    public final boolean transposedA;
    /** Whether the right operand is a transposed view of a stored {@code n×k} matrix. */
    public final boolean transposedB;

    MlpProduct(String label, int m, int k, int n, boolean transposedA, boolean transposedB) {
        this.label = label;
        this.m = m;
        this.k = k;
        this.n = n;
        this.transposedA = transposedA;
        this.transposedB = transposedB;
    }

    /** Floating-point operations of one product: a multiply and an add per term. */
    public double flops() {
        return 2.0 * m * n * k;
    }

    /** The logical shapes, e.g. {@code 100×784 @ 784×256}, with ᵀ on the transposed view. */
    public String shapes() {
        String left = transposedA ? "(" + k + "×" + m + ")ᵀ" : m + "×" + k;
        String right = transposedB ? "(" + n + "×" + k + ")ᵀ" : k + "×" + n;
        return left + " @ " + right;
    }
}
