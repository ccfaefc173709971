package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.Kernels;

/** The bridge from NDArray's ops to {@link Kernels}: the kernels chosen for this JVM, and the op mapping. */
final class KernelOps {
    static final Kernels K = Kernels.get();

    private KernelOps() {}

    /** The kernel op for {@code op}, or null when the kernels have none. */
    static dev.jgrad.tensor.kernel.BinaryOp of(BinaryOp op) {
        switch (op) {
            case ADD:
                return dev.jgrad.tensor.kernel.BinaryOp.ADD;
            case SUB:
                return dev.jgrad.tensor.kernel.BinaryOp.SUB;
            case MUL:
                return dev.jgrad.tensor.kernel.BinaryOp.MUL;
            case DIV:
                return dev.jgrad.tensor.kernel.BinaryOp.DIV;
            case MAXIMUM:
                return dev.jgrad.tensor.kernel.BinaryOp.MAXIMUM;
            case MINIMUM:
                return dev.jgrad.tensor.kernel.BinaryOp.MINIMUM;
            case POW:
                return dev.jgrad.tensor.kernel.BinaryOp.POW;
            default:
                return null;
        }
    }

    /** The kernel op for {@code op}, or null when the kernels have none. */
    static dev.jgrad.tensor.kernel.UnaryOp of(UnaryOp op) {
        switch (op) {
            case NEG:
                return dev.jgrad.tensor.kernel.UnaryOp.NEG;
            case ABS:
                return dev.jgrad.tensor.kernel.UnaryOp.ABS;
            case SQRT:
                return dev.jgrad.tensor.kernel.UnaryOp.SQRT;
            case EXP:
                return dev.jgrad.tensor.kernel.UnaryOp.EXP;
            case LOG:
                return dev.jgrad.tensor.kernel.UnaryOp.LOG;
            case SIGMOID:
                return dev.jgrad.tensor.kernel.UnaryOp.SIGMOID;
            case TANH:
                return dev.jgrad.tensor.kernel.UnaryOp.TANH;
            case RELU:
                return dev.jgrad.tensor.kernel.UnaryOp.RELU;
            case SIN:
                return dev.jgrad.tensor.kernel.UnaryOp.SIN;
            case COS:
                return dev.jgrad.tensor.kernel.UnaryOp.COS;
            case ERF:
                return dev.jgrad.tensor.kernel.UnaryOp.ERF;
            case EXPM1:
                return dev.jgrad.tensor.kernel.UnaryOp.EXPM1;
            case LOG1P:
                return dev.jgrad.tensor.kernel.UnaryOp.LOG1P;
            case FLOOR:
                return dev.jgrad.tensor.kernel.UnaryOp.FLOOR;
            case CEIL:
                return dev.jgrad.tensor.kernel.UnaryOp.CEIL;
            case ROUND:
                return dev.jgrad.tensor.kernel.UnaryOp.ROUND;
            case TRUNC:
                return dev.jgrad.tensor.kernel.UnaryOp.TRUNC;
            case SIGN:
                return dev.jgrad.tensor.kernel.UnaryOp.SIGN;
            default:
                return null;
        }
    }

    /** The kernel comparison for {@code op}, which must be one of EQ, NE, LT, LE, GT, GE. */
    static dev.jgrad.tensor.kernel.Comparison comparison(BinaryOp op) {
        switch (op) {
            case EQ:
                return dev.jgrad.tensor.kernel.Comparison.EQ;
            case NE:
                return dev.jgrad.tensor.kernel.Comparison.NE;
            case LT:
                return dev.jgrad.tensor.kernel.Comparison.LT;
            case LE:
                return dev.jgrad.tensor.kernel.Comparison.LE;
            case GT:
                return dev.jgrad.tensor.kernel.Comparison.GT;
            case GE:
                return dev.jgrad.tensor.kernel.Comparison.GE;
            default:
                throw new IllegalArgumentException("not a comparison: " + op);
        }
    }
}
