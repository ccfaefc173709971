package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The selection rule, with a stand-in for the vector kernels: no Vector API type is touched here. */
@Tag("scalar-path")
class KernelSelectionTest {
    private static final String C2 = "mixed mode, sharing";

    private static Supplier<KernelSelection.Loaded> loads(AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            return new KernelSelection.Loaded(MARKER, null);
        };
    }

    /** Something other than the scalar instance, to tell the two choices apart; only its name is used. */
    private static final Kernels MARKER = (Kernels) Proxy.newProxyInstance(
            Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class}, (proxy, method, args) -> {
                if (method.getName().equals("name")) {
                    return "marker";
                }
                throw new AssertionError("the selection must not compute: " + method);
            });

    @Test
    void vectorIsChosenWhenEverythingHolds() {
        KernelSelection.Choice c = KernelSelection.choose(null, true, C2, loads(new AtomicInteger()));
        assertEquals("marker", c.kernels().name());
        assertNull(c.warning());
    }

    @Test
    void missingModuleFallsBackWithoutLoadingTheVectorClasses() {
        AtomicInteger calls = new AtomicInteger();
        KernelSelection.Choice c = KernelSelection.choose(null, false, C2, loads(calls));
        assertSame(ScalarKernels.INSTANCE, c.kernels());
        assertEquals(0, calls.get());
        assertTrue(c.warning().contains("--add-modules jdk.incubator.vector"), c.warning());
    }

    @Test
    void interpreterAndClientCompilerKeepTheVectorKernelsAndSaySo() {
        // The scalar kernels would be faster there, but would change the last bits of products and sums.
        for (String info : new String[] {"interpreted mode, sharing", "emulated-client, sharing"}) {
            AtomicInteger calls = new AtomicInteger();
            KernelSelection.Choice c = KernelSelection.choose(null, true, info, loads(calls));
            assertEquals("marker", c.kernels().name(), info);
            assertEquals(1, calls.get());
            assertTrue(c.warning().contains("C2") && c.warning().contains("jgrad.kernels=scalar"), c.warning());
        }
    }

    @Test
    void aLoadFailureFallsBackWithItsReason() {
        KernelSelection.Choice c = KernelSelection.choose(
                null,
                true,
                C2,
                () -> new KernelSelection.Loaded(
                        null, "java.lang.NoClassDefFoundError: jdk/incubator/vector/FloatVector"));
        assertSame(ScalarKernels.INSTANCE, c.kernels());
        assertTrue(c.warning().contains("NoClassDefFoundError"), c.warning());
    }

    @Test
    void thePropertyForcesEitherChoice() {
        AtomicInteger calls = new AtomicInteger();
        KernelSelection.Choice scalar = KernelSelection.choose("scalar", true, C2, loads(calls));
        assertSame(ScalarKernels.INSTANCE, scalar.kernels());
        assertNull(scalar.warning());
        assertEquals(0, calls.get());
        KernelSelection.Choice vector = KernelSelection.choose("vector", true, "interpreted mode", loads(calls));
        assertEquals("marker", vector.kernels().name());
        assertNull(vector.warning());
    }

    @Test
    void anUnknownPropertyValueIsReportedAndIgnored() {
        KernelSelection.Choice c = KernelSelection.choose("fast", true, C2, loads(new AtomicInteger()));
        assertEquals("marker", c.kernels().name());
        assertTrue(c.warning().contains("jgrad.kernels=fast"), c.warning());
    }

    @Test
    void selectionHappensOncePerJvm() {
        assertSame(Kernels.get(), Kernels.get());
        assertTrue(KernelSelection.warningsLogged() <= 1);
    }
}
