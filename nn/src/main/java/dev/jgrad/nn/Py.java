package dev.jgrad.nn;

import dev.jgrad.tensor.format.PyFormat;

/** How Python prints the settings that module reprs show. */
final class Py {
    private Py() {}

    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** A shape as PyTorch's messages print it: {@code torch.Size([2, 3])}. */
    static String size(dev.jgrad.tensor.Size s) {
        return "torch." + s;
    }

    static String number(double v) {
        return PyFormat.repr(v);
    }
}
