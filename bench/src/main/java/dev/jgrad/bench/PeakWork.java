package dev.jgrad.bench;

/**
 * The work of {@link PeakBench}'s invocations, kept apart from it so that the report can count
 * FLOPs and bytes in a JVM without the Vector API module.
 */
public final class PeakWork {
    /** Independent FMA chains: enough to cover the FMA latency on every port. */
    public static final int FMA_CHAINS = 12;
    /** FMA steps per chain in one invocation. */
    public static final int FMA_STEPS = 4096;
    /** Floats streamed by one read: 128 MB, several times any last-level cache. */
    public static final int READ_FLOATS = 32 << 20;

    /**
     * Floats in one fresh array of the allocation probe: 1M, the output of the "add into a new
     * tensor" workload, so the probe prices exactly the array that workload asks for.
     */
    public static final int ALLOC_FLOATS = 1 << 20;

    private PeakWork() {}

    /** Floating-point operations of one FMA invocation at the given vector width. */
    public static double fmaFlops(int bits) {
        return 2.0 * (bits / 32) * FMA_CHAINS * FMA_STEPS;
    }
}
