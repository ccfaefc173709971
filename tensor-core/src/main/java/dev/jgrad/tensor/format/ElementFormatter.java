package dev.jgrad.tensor.format;

import dev.jgrad.tensor.DType;

/**
 * Formats single elements of one tensor to a common width: PyTorch's {@code _Formatter}.
 *
 * <p>The mode is chosen once from the elements that will be shown. Floating-point tensors whose
 * nonzero finite values are all integral print as {@code 1.}; a spread of more than 1000 between
 * the largest and smallest magnitude, a magnitude above 1e8, or (for non-integral values) one
 * below 1e-4 switches to scientific notation. As in PyTorch, the width is measured over the
 * nonzero finite values only, so zeros, NaN and infinities do not widen the columns.
 */
final class ElementFormatter {
    static final int PRECISION = 4;

    private final DType dtype;
    private final TensorFormatter.Elements elems;
    private boolean intMode = true;
    private boolean sciMode;
    private int maxWidth = 1;

    /** A formatter sized for the elements at {@code shown} (flat row-major indices). */
    ElementFormatter(DType dtype, TensorFormatter.Elements elems, int[] shown) {
        this.dtype = dtype;
        this.elems = elems;
        if (dtype.isFloatingPoint()) {
            measureFloats(shown);
        } else {
            for (int i : shown) {
                maxWidth = Math.max(maxWidth, formatRaw(i).length());
            }
        }
    }

    private void measureFloats(int[] shown) {
        int count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double[] vals = new double[shown.length];
        for (int i : shown) {
            double v = elems.getDouble(i);
            if (Double.isFinite(v) && v != 0) {
                vals[count++] = v;
                double a = Math.abs(v);
                min = Math.min(min, a);
                max = Math.max(max, a);
                if (v != Math.ceil(v)) {
                    intMode = false;
                }
            }
        }
        if (count == 0) {
            return;
        }
        boolean wide = max / min > 1000.0 || max > 1.0e8;
        sciMode = intMode ? wide : wide || min < 1.0e-4;
        for (int k = 0; k < count; k++) {
            double v = vals[k];
            int w;
            if (sciMode) {
                w = PyFormat.sci(v, PRECISION).length();
            } else if (intMode) {
                // One more for the trailing '.' that marks a floating-point tensor.
                w = PyFormat.fixed(v, 0).length() + 1;
            } else {
                w = PyFormat.fixed(v, PRECISION).length();
            }
            maxWidth = Math.max(maxWidth, w);
        }
    }

    int width() {
        return maxWidth;
    }

    /** The element at flat index {@code i}, right-aligned to {@link #width()}. */
    String format(int i) {
        String s = formatRaw(i);
        return s.length() >= maxWidth ? s : " ".repeat(maxWidth - s.length()) + s;
    }

    private String formatRaw(int i) {
        switch (dtype) {
            case BOOL:
                return elems.getLong(i) != 0 ? "True" : "False";
            case UINT8:
            case INT32:
            case INT64:
                return Long.toString(elems.getLong(i));
            default:
                double v = elems.getDouble(i);
                if (sciMode) {
                    return PyFormat.sci(v, PRECISION);
                }
                if (intMode) {
                    String s = PyFormat.fixed(v, 0);
                    return Double.isFinite(v) ? s + "." : s;
                }
                return PyFormat.fixed(v, PRECISION);
        }
    }
}
