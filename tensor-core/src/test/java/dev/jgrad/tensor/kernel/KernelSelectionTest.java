package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The selection rule, with a stand-in for the vector kernels: no Vector API type is touched here. */
@Tag("scalar-path")
class KernelSelectionTest {
    private static final Kernels STAND_IN = ScalarKernels.INSTANCE;
    private static final String C2 = "mixed mode, sharing";

    private static Supplier<KernelSelection.Loaded> loads(AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            return new KernelSelection.Loaded(new Marker(), null);
        };
    }

    /** Something other than the scalar instance, to tell the two choices apart. */
    private static final class Marker implements Kernels {
        private final Kernels d = STAND_IN;

        @Override public String name() { return "marker"; }
        @Override public void gemm(int batch, int m, int n, int k, float[] a, int aOff, int aBs, int aRs, int aCs, float[] b, int bOff, int bBs, int bRs, int bCs, float[] c, int cOff, int cBs, int cRs, int cCs, boolean acc) { d.gemm(batch, m, n, k, a, aOff, aBs, aRs, aCs, b, bOff, bBs, bRs, bCs, c, cOff, cBs, cRs, cCs, acc); }
        @Override public void gemm(int batch, int m, int n, int k, double[] a, int aOff, int aBs, int aRs, int aCs, double[] b, int bOff, int bBs, int bRs, int bCs, double[] c, int cOff, int cBs, int cRs, int cCs, boolean acc) { d.gemm(batch, m, n, k, a, aOff, aBs, aRs, aCs, b, bOff, bBs, bRs, bCs, c, cOff, cBs, cRs, cCs, acc); }
        @Override public float dot(int n, float[] x, int xo, int xs, float[] y, int yo, int ys) { return d.dot(n, x, xo, xs, y, yo, ys); }
        @Override public double dot(int n, double[] x, int xo, int xs, double[] y, int yo, int ys) { return d.dot(n, x, xo, xs, y, yo, ys); }
        @Override public void unary(UnaryOp op, int n, float[] x, int xo, int xs, float[] o, int oo, int os) { d.unary(op, n, x, xo, xs, o, oo, os); }
        @Override public void unary(UnaryOp op, int n, double[] x, int xo, int xs, double[] o, int oo, int os) { d.unary(op, n, x, xo, xs, o, oo, os); }
        @Override public void binary(BinaryOp op, int rows, int cols, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs, int bcs, float[] o, int oo, int ors, int ocs) { d.binary(op, rows, cols, a, ao, ars, acs, b, bo, brs, bcs, o, oo, ors, ocs); }
        @Override public void binary(BinaryOp op, int rows, int cols, double[] a, int ao, int ars, int acs, double[] b, int bo, int brs, int bcs, double[] o, int oo, int ors, int ocs) { d.binary(op, rows, cols, a, ao, ars, acs, b, bo, brs, bcs, o, oo, ors, ocs); }
        @Override public void clamp(int n, float[] x, int xo, int xs, float lo, float hi, float[] o, int oo, int os) { d.clamp(n, x, xo, xs, lo, hi, o, oo, os); }
        @Override public void clamp(int n, double[] x, int xo, int xs, double lo, double hi, double[] o, int oo, int os) { d.clamp(n, x, xo, xs, lo, hi, o, oo, os); }
        @Override public float sum(int n, float[] x, int off, int s) { return d.sum(n, x, off, s); }
        @Override public double sum(int n, double[] x, int off, int s) { return d.sum(n, x, off, s); }
        @Override public float max(int n, float[] x, int off, int s) { return d.max(n, x, off, s); }
        @Override public double max(int n, double[] x, int off, int s) { return d.max(n, x, off, s); }
        @Override public float min(int n, float[] x, int off, int s) { return d.min(n, x, off, s); }
        @Override public double min(int n, double[] x, int off, int s) { return d.min(n, x, off, s); }
        @Override public int argmax(int n, float[] x, int off, int s) { return d.argmax(n, x, off, s); }
        @Override public int argmax(int n, double[] x, int off, int s) { return d.argmax(n, x, off, s); }
        @Override public int argmin(int n, float[] x, int off, int s) { return d.argmin(n, x, off, s); }
        @Override public int argmin(int n, double[] x, int off, int s) { return d.argmin(n, x, off, s); }
        @Override public void columnSums(int rows, int cols, float[] x, int off, int rs, float[] o, int oo, boolean acc) { d.columnSums(rows, cols, x, off, rs, o, oo, acc); }
        @Override public void columnSums(int rows, int cols, double[] x, int off, int rs, double[] o, int oo, boolean acc) { d.columnSums(rows, cols, x, off, rs, o, oo, acc); }
    }

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
    void interpreterAndClientCompilerFallBack() {
        for (String info : new String[] {"interpreted mode, sharing", "emulated-client, sharing"}) {
            AtomicInteger calls = new AtomicInteger();
            KernelSelection.Choice c = KernelSelection.choose(null, true, info, loads(calls));
            assertSame(ScalarKernels.INSTANCE, c.kernels(), info);
            assertEquals(0, calls.get());
            assertTrue(c.warning().contains("C2"), c.warning());
        }
    }

    @Test
    void aLoadFailureFallsBackWithItsReason() {
        KernelSelection.Choice c = KernelSelection.choose(null, true, C2,
                () -> new KernelSelection.Loaded(null, "java.lang.NoClassDefFoundError: jdk/incubator/vector/FloatVector"));
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
