package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.tensor.kernel.ColdRoute;
import dev.jgrad.tensor.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The background warm-up ({@link KernelWarmup}) and the cold route it drives ({@link ColdRoute}):
 * when it runs, and that a product gives the same bits on either side of the switch. ({@code
 * WarmupDeterminismTest} trains in fresh JVMs with it on and off.)
 */
class KernelWarmupTest {
    private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";
    private static final Supplier<String> VECTOR = () -> "vector";
    private static final Supplier<String> SCALAR = () -> "scalar";

    @Test
    void runsWithTheVectorKernelsUnderC2Only() {
        assertTrue(KernelWarmup.enabled("true", VECTOR, "mixed mode, sharing", HOTSPOT));
        assertTrue(KernelWarmup.enabled(" TRUE ", VECTOR, "mixed mode", HOTSPOT));
        assertFalse(KernelWarmup.enabled(null, VECTOR, "mixed mode", HOTSPOT), "off by default");
        assertFalse(KernelWarmup.enabled("false", VECTOR, "mixed mode", HOTSPOT), "switched off");
        assertFalse(KernelWarmup.enabled("true", SCALAR, "mixed mode", HOTSPOT), "scalar kernels");
        assertFalse(KernelWarmup.enabled("true", VECTOR, "interpreted mode, sharing", HOTSPOT), "-Xint");
        assertFalse(KernelWarmup.enabled("true", VECTOR, "mixed mode, emulated-client", HOTSPOT), "C1 only");
        assertFalse(KernelWarmup.enabled("true", VECTOR, "mixed mode", "Eclipse OpenJ9 VM"), "not HotSpot");
    }

    /**
     * The products of an MNIST MLP's training step, forward and backward, on the scalar GEMM (the
     * cold route, as any thread but the warm-up's sees it) and on the vector kernels: the same bits.
     * Which products switch is {@code ColdRouteTest}'s subject (it depends on the vector width).
     */
    @Test
    void theColdRouteGivesTheVectorKernelsBits() throws Exception {
        assumeTrue(Kernels.get().name().equals("vector"), "the vector kernels are not selected here");
        Generator g = new Generator(3);
        NDArray x = NDArray.rand(g, 100, 784);
        NDArray w1 = NDArray.randn(g, 256, 784).mul(0.05);
        NDArray w2 = NDArray.randn(g, 10, 256).mul(0.05);
        NDArray h = x.matmul(w1.t()).relu();
        NDArray gO = NDArray.randn(g, 100, 10);
        NDArray gH = gO.matmul(w2).mul(h.sign());

        // The warm-up thread's own products stay on the vector kernels, to compile them.
        Kernels[] seen = new Kernels[1];
        Thread warmer = new Thread(() -> seen[0] = ColdRoute.forFloatGemm(256, 784, 1, 1));
        List<NDArray> cold = new ArrayList<>();
        ColdRoute.begin(warmer);
        try {
            assertSame(Kernels.scalar(), ColdRoute.forFloatGemm(256, 784, 1, 1), "x @ W1.t() on the scalar GEMM");
            cold.addAll(products(x, w1, w2, h, gO, gH));
            warmer.start();
            warmer.join();
            assertSame(Kernels.get(), seen[0]);
        } finally {
            ColdRoute.end();
        }
        assertSame(Kernels.get(), ColdRoute.forFloatGemm(256, 784, 1, 1));
        List<NDArray> vector = products(x, w1, w2, h, gO, gH);
        for (int i = 0; i < cold.size(); i++) {
            assertArrayEquals(bits(vector.get(i)), bits(cold.get(i)), "product " + i);
        }
    }

    @Test
    void aShortWarmUpEndsTheColdRoute() {
        assumeTrue(Kernels.get().name().equals("vector"), "the vector kernels are not selected here");
        KernelWarmup.run(3);
        assertFalse(ColdRoute.on());
        double loss = new KernelWarmup.Step().run();
        assertTrue(loss > 0 && loss < 10, "warm-up step loss " + loss);
    }

    private static List<NDArray> products(NDArray x, NDArray w1, NDArray w2, NDArray h, NDArray gO, NDArray gH) {
        return List.of(
                x.matmul(w1.t()), // forward, packed
                h.matmul(w2.t()), // forward, 10 outputs
                gO.matmul(w2), // input gradient of layer 2
                h.t().matmul(gO), // weight gradient of layer 2
                x.t().matmul(gH), // weight gradient of layer 1
                gH.matmul(w1)); // input gradient of layer 1
    }

    private static int[] bits(NDArray a) {
        float[] v = a.contiguous().toFloatArray();
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
