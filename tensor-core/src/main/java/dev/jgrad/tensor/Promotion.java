package dev.jgrad.tensor;

/**
 * PyTorch's result-type rules (ATen's {@code result_type}): tensors with dims decide the type,
 * 0-dim tensors and scalar operands only when they are of a higher category (bool &lt; integer
 * &lt; floating). A Java {@code double} operand counts as a Python int when its value is
 * integral, else as a Python float, which takes the default dtype float32.
 */
final class Promotion {
    private Promotion() {}

    static DType resultType(NDArray[] tensors, double... scalars) {
        DType dimResult = null;
        DType zeroResult = null;
        DType wrapped = null;
        for (NDArray t : tensors) {
            if (t.dim() > 0) {
                dimResult = promote(dimResult, t.dtype());
            } else {
                zeroResult = promote(zeroResult, t.dtype());
            }
        }
        for (double s : scalars) {
            wrapped = promote(wrapped, isIntegral(s) ? DType.INT64 : DType.FLOAT32);
        }
        return combine(dimResult, combine(zeroResult, wrapped));
    }

    static DType resultType(NDArray a, NDArray b) {
        return resultType(new NDArray[] {a, b});
    }

    static DType resultType(NDArray a, double scalar) {
        return resultType(new NDArray[] {a}, scalar);
    }

    /** Whether a double operand stands for an integer (Java's int/long widened to double). */
    static boolean isIntegral(double s) {
        return s == Math.rint(s) && !Double.isInfinite(s) && Math.abs(s) < 0x1p63;
    }

    private static DType promote(DType a, DType b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return DType.promote(a, b);
    }

    private static DType combine(DType higher, DType lower) {
        if (higher != null && higher.isFloatingPoint()) {
            return higher;
        }
        if (higher == DType.BOOL || (lower != null && lower.isFloatingPoint())) {
            return promote(higher, lower);
        }
        return higher != null ? higher : lower;
    }

    /** PyTorch's {@code canCast}: no floating to integral, nothing but bool to bool. */
    static boolean canCast(DType from, DType to) {
        if (from.isFloatingPoint() && !to.isFloatingPoint()) {
            return false;
        }
        return from == DType.BOOL || to != DType.BOOL;
    }

    static void checkCast(DType result, DType out) {
        if (!canCast(result, out)) {
            throw new IllegalArgumentException("result type " + result.scalarTypeName()
                    + " can't be cast to the desired output type " + out.scalarTypeName());
        }
    }
}
