package dev.jgrad.tensor.kernel;

import java.lang.management.ManagementFactory;

/**
 * Runs the float32 packed GEMM of {@code matmul} on its scalar twin while the warm-up thread (in {@code
 * dev.jgrad.tensor}) has not yet got C2 to compile the vector one. Until then every vector of the
 * vector GEMM is a heap object and every lane operation a Java loop; the scalar GEMM, plain loops
 * over arrays, runs compiled much sooner. The two give the same bits (one fma chain per element
 * over k, in order: {@code ScalarGemmBitsTest}), so which one ran never shows in a result. The
 * dot-product tiles for few outputs add in lanes, so they never switch; nor do the sums.
 *
 * <p>Only the warm-up thread may turn the route on, for itself excepted: its own calls compile the
 * vector kernels. It turns it off once a vector GEMM call allocates nothing (C2 has compiled it,
 * vectors in registers), or when it gives up.
 */
public final class ColdRoute {
    /** The warm-up thread while the cold route is on, else null. */
    private static volatile Thread warmer;

    /** Room for a lambda or a thread-local lookup per call, not for boxed vectors. */
    private static final long COMPILED_BYTES_PER_CALL = 512;

    private ColdRoute() {}

    /**
     * Sends other threads' packed float32 products to the scalar GEMM until {@link #end}, where the
     * vector kernels are this JVM's kernels.
     *
     * @param warmupThread the thread that warms the vector kernels up: its calls stay on them
     */
    public static void begin(Thread warmupThread) {
        if (Kernels.get() instanceof VectorKernels) {
            warmer = warmupThread;
        }
    }

    /** Sends every product to the selected kernels again. */
    public static void end() {
        warmer = null;
    }

    /**
     * Whether the cold route is on.
     *
     * @return true between {@link #begin} and {@link #end}
     */
    public static boolean on() {
        return warmer != null;
    }

    /**
     * The kernels for a float32 product C = A @ B of {@code n} output columns and depth {@code k}:
     * the scalar ones while the cold route is on (on any thread but the warm-up's) and the vector
     * GEMM would run its packed path, else {@link Kernels#get}.
     *
     * @param n the output columns
     * @param k the depth
     * @param acs A's stride along k
     * @param brs B's stride along k
     * @return the kernels to call {@code gemm} on
     */
    public static Kernels forFloatGemm(int n, int k, int acs, int brs) {
        Thread w = warmer;
        if (w != null && w != Thread.currentThread() && !VectorKernels.dotTiles(n, k, acs, brs)) {
            return ScalarKernels.INSTANCE;
        }
        return Kernels.get();
    }

    /**
     * Whether the vector GEMM's packed path runs compiled: a 10 x 80 x 420 product (B packed, two
     * K blocks), on this thread, allocates (almost) nothing.
     *
     * @return true once C2 has compiled the packed path, false while its vectors are boxed or where
     *     the JVM cannot count a thread's allocation
     */
    public static boolean vectorGemmCompiled() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()
                || !threads.isThreadAllocatedMemoryEnabled()) {
            return false;
        }
        int m = 10, n = 80, k = 420, calls = 2;
        float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < calls; i++) {
            VectorSgemm.gemm(1, m, n, k, a, 0, 0, k, 1, b, 0, 0, n, 1, c, 0, 0, n, 1, false);
        }
        return (threads.getThreadAllocatedBytes(thread) - before) / calls < COMPILED_BYTES_PER_CALL;
    }
}
