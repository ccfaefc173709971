package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * While a warm-up runs, {@link ColdRoute} sends other threads' packed float32 products to the
 * scalar GEMM (same bits) and leaves the dot-product tiles on the vector kernels: a tile's lane
 * sums round differently from the scalar GEMM, so switching them would change bits. Whether a
 * layer with 10 outputs runs as dot tiles depends on the vector width (512 bits have them, 128
 * bits do not), so the expectation asks the kernels.
 */
class ColdRouteTest {
    @Test
    void onlyPackedProductsSwitchAndOnlyOnOtherThreads() throws Exception {
        assumeTrue(Kernels.get().name().equals("vector"), "the vector kernels are not selected here");
        Kernels[] warmerSees = new Kernels[1];
        Thread warmer = new Thread(() -> warmerSees[0] = ColdRoute.forFloatGemm(256, 784, 1, 1));
        ColdRoute.begin(warmer);
        try {
            assertSame(ScalarKernels.INSTANCE, ColdRoute.forFloatGemm(256, 784, 1, 1), "x @ W1.t(), packed");
            Kernels tenOutputs = VectorKernels.dotTiles(10, 256, 1, 1) ? Kernels.get() : ScalarKernels.INSTANCE;
            assertSame(tenOutputs, ColdRoute.forFloatGemm(10, 256, 1, 1), "h @ W2.t()");
            warmer.start();
            warmer.join();
            assertSame(Kernels.get(), warmerSees[0], "the warm-up thread's own products");
        } finally {
            ColdRoute.end();
        }
        assertFalse(ColdRoute.on());
        assertSame(Kernels.get(), ColdRoute.forFloatGemm(256, 784, 1, 1), "after the warm-up");
    }
}
