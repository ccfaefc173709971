package dev.jgrad.tensor.kernel;

/** Elementwise functions of two operands that the kernels implement. */
public enum BinaryOp {
    ADD,
    SUB,
    MUL,
    DIV,
    /** Larger of the two; NaN if either is NaN (torch.maximum). */
    MAXIMUM,
    /** Smaller of the two; NaN if either is NaN (torch.minimum). */
    MINIMUM,
    POW
}
