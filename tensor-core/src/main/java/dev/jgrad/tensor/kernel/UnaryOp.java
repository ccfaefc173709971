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
    RELU,
    /** The sine, torch.sin. */
    SIN,
    /** The cosine, torch.cos. */
    COS,
    /** The Gauss error function, torch.erf. */
    ERF,
    /** e^x - 1, torch.expm1. */
    EXPM1,
    /** log(1 + x), torch.log1p. */
    LOG1P,
    /** Towards -infinity, torch.floor. */
    FLOOR,
    /** Towards +infinity, torch.ceil. */
    CEIL,
    /** Round half to even, as torch.round. */
    ROUND,
    /** Towards zero, torch.trunc. */
    TRUNC,
    /** -1, 0 or 1; 0 for NaN and -0.0, as torch.sign. */
    SIGN;

    /**
     * The functions from SIN on: the scalar kernels give each one strided loop (no contiguous or
     * shared-offset twins), since they cost far more than the index arithmetic and the vector
     * kernels cover contiguous data.
     */
    boolean hasStridedLoopOnly() {
        return ordinal() >= SIN.ordinal();
    }
}
