package dev.jgrad.tensor.kernel;

/**
 * The reference kernels: plain Java loops, no Vector API, which are the default methods of
 * {@link Kernels}. Also the fallback when the Vector API is unusable.
 */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String toString() {
        return "ScalarKernels";
    }
}
