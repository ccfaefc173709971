package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the surefire execution whose JVM lacks {@code jdk.incubator.vector}: jgrad must
 * pick the scalar kernels, say so once, and still compute.
 */
@Tag("fallback-only")
class ScalarFallbackTest {

    @Test
    void theScalarKernelsAreChosenWithOneWarning() {
        assertTrue(
                ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty(),
                "this test needs a JVM without the module");
        assertSame(Kernels.scalar(), Kernels.get());
        assertSame(Kernels.get(), Kernels.get());
        assertEquals("scalar", Kernels.get().name());
        assertFalse(Kernels.vector().isPresent());
        assertEquals(1, KernelSelection.warningsLogged());
        assertTrue(KernelSelection.warning().contains("--add-modules jdk.incubator.vector"), KernelSelection.warning());
    }

    @Test
    void theScalarKernelsCompute() {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {1, 0, 0, 1, 1, 1};
        float[] c = new float[4];
        Kernels.get()
                .gemm(
                        1,
                        2,
                        2,
                        3,
                        new FloatOperand(a, 0, 3, 1),
                        new FloatOperand(b, 0, 2, 1),
                        new FloatOperand(c, 0, 2, 1),
                        false);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {4, 5, 10, 11}, c);
        assertEquals(21.0, Kernels.get().sum(6, a, 0, 1));
        assertEquals(5, Kernels.get().argmax(6, a, 0, 1));
    }
}
