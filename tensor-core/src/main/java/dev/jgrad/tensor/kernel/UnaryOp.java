package dev.jgrad.tensor.kernel;

/** Elementwise functions of one operand that the kernels implement. */
public enum UnaryOp {
    NEG,
    ABS,
    SQRT,
    EXP,
    LOG,
    TANH,
    SIGMOID,
    /** {@code x > 0 ? x : 0}, with NaN kept and -0.0 mapped to 0.0, as torch.relu. */
    RELU
}
