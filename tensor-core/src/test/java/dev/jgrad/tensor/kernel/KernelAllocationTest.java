package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Once C2 has compiled them, the vector kernels allocate next to nothing per call. A vector that
 * crosses a call C2 did not inline is boxed on the heap, and runs through the Vector API's slow
 * Java fallback: that is how the 4 x 4 dot-product tiles once spent most of their time in boxed
 * lane sums (see {@link Lanes}). Boxing shows as allocation, which the JVM counts per thread, so
 * this test needs no clock: each kernel is called until a round of calls allocates less than
 * {@link #BYTES_PER_CALL} per call, and fails if that never happens while the JIT is given
 * ample time to compile it.
 */
class KernelAllocationTest {
    private static final Kernels VECTOR = new VectorKernels();
    /** Room for the few small objects a call may make (a lambda, a thread-local lookup), not for vectors. */
    private static final long BYTES_PER_CALL = 512;
    /**
     * Calls per measured round, and how many rounds run back to back; past them the test waits
     * for C2 up to the time limit, pausing between rounds (it used to give up there): on a
     * loaded machine the compiler threads get little CPU, and 100,000 fast calls of a kernel can
     * finish before its compilation does (a JDK 25 full run failed on the float sum that way).
     */
    private static final int CALLS_PER_ROUND = 50;

    private static final int MAX_ROUNDS = 2_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void dotProductTilesOfAClassifierLayer() {
        // x @ W.t() for 100 x 784 inputs and 10 outputs: both operands contiguous along k.
        int m = 100, n = 10, k = 784;
        float[] x = random(m * k), w = random(n * k), c = new float[m * n];
        settlesWithoutAllocating(
                "x @ W.t(), 100 x 10 x 784",
                () -> VECTOR.gemm(
                        1,
                        m,
                        n,
                        k,
                        new FloatOperand(x, 0, k, 1),
                        new FloatOperand(w, 0, 1, k),
                        new FloatOperand(c, 0, n, 1),
                        false));
    }

    @Test
    void packedProduct() {
        int s = 64;
        float[] a = random(s * s), b = random(s * s), c = new float[s * s];
        settlesWithoutAllocating(
                "64 x 64 x 64 product",
                () -> VECTOR.gemm(
                        1,
                        s,
                        s,
                        s,
                        new FloatOperand(a, 0, s, 1),
                        new FloatOperand(b, 0, s, 1),
                        new FloatOperand(c, 0, s, 1),
                        false));
    }

    /**
     * The sums, which widen float blocks to double lanes. While they did it with the Vector API's
     * conversion, the float sum boxed in some full tensor-core runs on JDK 17 (and, before the
     * halves were swapped rather than sliced, on JDK 25), depending on what C2 had compiled
     * before; they now widen in plain Java (see {@link Lanes#addWidened}).
     */
    @Test
    void sumsAndDotProducts() {
        float[] x = random(1000), y = random(1000);
        settlesWithoutAllocating("float sum", () -> VECTOR.sum(x.length, x, 0, 1));
        settlesWithoutAllocating("float sum of a short row", () -> VECTOR.sum(40, x, 0, 1));
        settlesWithoutAllocating("float dot", () -> VECTOR.dot(x.length, x, 0, 1, y, 0, 1));
        double[] d = randomDoubles(1000), e = randomDoubles(1000);
        settlesWithoutAllocating("double sum", () -> VECTOR.sum(d.length, d, 0, 1));
        settlesWithoutAllocating("double dot", () -> VECTOR.dot(d.length, d, 0, 1, e, 0, 1));
    }

    @Test
    void extremes() {
        float[] x = random(1000);
        settlesWithoutAllocating("argmax", () -> VECTOR.argmax(x.length, x, 0, 1));
        settlesWithoutAllocating("argmin", () -> VECTOR.argmin(x.length, x, 0, 1));
        settlesWithoutAllocating("max", () -> VECTOR.max(x.length, x, 0, 1));
        // On 128-bit vectors these once boxed: see VectorDoubleReduce.VECTOR_COMPARE.
        double[] d = randomDoubles(1000), out = new double[1000];
        settlesWithoutAllocating("double argmax", () -> VECTOR.argmax(d.length, d, 0, 1));
        settlesWithoutAllocating("double argmin", () -> VECTOR.argmin(d.length, d, 0, 1));
        settlesWithoutAllocating("double max", () -> VECTOR.max(d.length, d, 0, 1));
        settlesWithoutAllocating("double ReLU", () -> VECTOR.unary(UnaryOp.RELU, d.length, d, 0, 1, out, 0, 1));
    }

    @Test
    void elementwiseKernelsOfATrainingStep() {
        float[] g = random(25_600), x = random(25_600), out = new float[25_600];
        byte[] pixels = new byte[78_400];
        new Random(5).nextBytes(pixels);
        float[] image = new float[78_400];
        settlesWithoutAllocating("uint8 to float", () -> VECTOR.fromUint8(pixels.length, pixels, 0, 1, image, 0, 1));
        settlesWithoutAllocating(
                "ReLU backward", () -> VECTOR.thresholdBackward(g.length, g, 0, 1, x, 0, 1, 1f, out, 0, 1));
        settlesWithoutAllocating(
                "SGD step (add with alpha)", () -> VECTOR.addScaled(x.length, x, 0, 1, -0.1f, g, 0, 1, out, 0, 1));
        settlesWithoutAllocating(
                "bias gradient (column sums)", () -> VECTOR.columnSums(100, 256, g, 0, 256, out, 0, false));
    }

    @Test
    void transcendentals() {
        float[] x = random(1000), out = new float[1000];
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID}) {
            settlesWithoutAllocating(
                    op + " into an existing array", () -> VECTOR.unary(op, x.length, x, 0, 1, out, 0, 1));
        }
    }

    /** The loops added with issue 16, one op per loop: cos shares sin's, ceil/round/trunc share floor's. */
    @Test
    void trigonometricErrorAndRoundingFunctions() {
        float[] x = random(1000), out = new float[1000];
        for (UnaryOp op :
                new UnaryOp[] {UnaryOp.SIN, UnaryOp.ERF, UnaryOp.EXPM1, UnaryOp.LOG1P, UnaryOp.FLOOR, UnaryOp.SIGN}) {
            settlesWithoutAllocating(
                    op + " into an existing array", () -> VECTOR.unary(op, x.length, x, 0, 1, out, 0, 1));
        }
    }

    private static void settlesWithoutAllocating(String what, Runnable call) {
        assumeTrue(
                THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocation per thread");
        long thread = Thread.currentThread().getId();
        long perCall = Long.MAX_VALUE;
        // A boxed kernel is slow as well, so the JIT's chance is also bounded in time.
        long giveUp = System.nanoTime() + 60_000_000_000L;
        int round = 0;
        for (; perCall >= BYTES_PER_CALL && System.nanoTime() < giveUp; round++) {
            if (round >= MAX_ROUNDS) {
                pauseForTheCompiler();
            }
            long before = THREADS.getThreadAllocatedBytes(thread);
            for (int i = 0; i < CALLS_PER_ROUND; i++) {
                call.run();
            }
            perCall = (THREADS.getThreadAllocatedBytes(thread) - before) / CALLS_PER_ROUND;
        }
        assertTrue(
                perCall < BYTES_PER_CALL,
                what + " still allocates " + perCall + " bytes per call after " + round * CALLS_PER_ROUND
                        + " calls: a vector is being boxed");
    }

    private static void pauseForTheCompiler() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JIT", e);
        }
    }

    private static double[] randomDoubles(int n) {
        Random r = new Random(n + 1);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() - 0.5;
        }
        return x;
    }

    private static float[] random(int n) {
        Random r = new Random(n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5f + r.nextFloat();
        }
        return x;
    }
}
