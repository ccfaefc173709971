package dev.jgrad.tensor.kernel;

/** Elementwise comparisons into a bool result; NaN compares false except with NE, as in IEEE and PyTorch. */
public enum Comparison {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE
}
