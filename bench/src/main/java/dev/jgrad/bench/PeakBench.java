package dev.jgrad.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Threads;

/**
 * What this machine can do at most, measured in the same run as the kernels, so the report can
 * say how close each kernel gets: one core's and two threads' float32 FMA throughput, the read
 * bandwidth of a stream far larger than the caches, and how fast the JVM hands out a fresh,
 * zeroed array (what every op that returns a new tensor pays before it computes anything).
 * {@link PeakWork} counts what one invocation does.
 */
public class PeakBench extends OneThreadBench {
    /** The Vector API compiles to SIMD instructions only for a species that is a constant. */
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /**
     * The width measured, recorded so the report can count FLOPs: the runner passes the
     * preferred width of its own JVM, and the setup checks the fork agrees.
     */
    @Param({"512"})
    public int bits;

    private FloatVector x;
    private FloatVector y;
    private float[] stream;

    /** The bit size of the Vector API's preferred species in this JVM. */
    public static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    @Setup(Level.Trial)
    public void setup() {
        if (bits != SPECIES.vectorBitSize()) {
            throw new IllegalStateException(
                    "bits=" + bits + " but this JVM's preferred species has " + SPECIES.vectorBitSize() + " bits");
        }
        x = FloatVector.broadcast(SPECIES, 1.0000001f);
        y = FloatVector.broadcast(SPECIES, 1e-3f);
        stream = Inputs.uniform(51, PeakWork.READ_FLOATS, 0f, 1f);
        double exact = 0;
        for (float v : stream) {
            exact += v;
        }
        // A float sum of 32M values drifts by about 1e-5 relative; a wrong loop is off by far more.
        Agreement.requireClose("vector stream sum", exact, read(), 1e-3 * exact);
        float chain = 0f;
        for (int i = 0; i < PeakWork.FMA_STEPS; i++) {
            chain = Math.fma(1.0000001f, 1e-3f, chain);
        }
        Agreement.requireClose("fma chains", chain * PeakWork.FMA_CHAINS * (bits / 32), fma(), 1e-3);
    }

    @Benchmark
    public float fma() {
        FloatVector a = x;
        FloatVector b = y;
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        FloatVector c8 = c0;
        FloatVector c9 = c0;
        FloatVector c10 = c0;
        FloatVector c11 = c0;
        for (int i = 0; i < PeakWork.FMA_STEPS; i++) {
            c0 = a.fma(b, c0);
            c1 = a.fma(b, c1);
            c2 = a.fma(b, c2);
            c3 = a.fma(b, c3);
            c4 = a.fma(b, c4);
            c5 = a.fma(b, c5);
            c6 = a.fma(b, c6);
            c7 = a.fma(b, c7);
            c8 = a.fma(b, c8);
            c9 = a.fma(b, c9);
            c10 = a.fma(b, c10);
            c11 = a.fma(b, c11);
        }
        FloatVector s = c0.add(c1)
                .add(c2)
                .add(c3)
                .add(c4)
                .add(c5)
                .add(c6)
                .add(c7)
                .add(c8)
                .add(c9)
                .add(c10)
                .add(c11);
        return s.reduceLanes(VectorOperators.ADD);
    }

    /**
     * The same FMA chains on two threads at once (JMH adds their throughputs): the peak a
     * two-thread product can reach, which is below twice one core's where the cores share
     * their FMA units (SMT siblings) or the host runs other work.
     */
    @Benchmark
    @Threads(2)
    public float fmaTwoThreads() {
        return fma();
    }

    @Benchmark
    public float read() {
        float[] data = stream;
        int step = SPECIES.length();
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (int upper = data.length - 4 * step; i <= upper; i += 4 * step) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, data, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, data, i + step));
            s2 = s2.add(FloatVector.fromArray(SPECIES, data, i + 2 * step));
            s3 = s3.add(FloatVector.fromArray(SPECIES, data, i + 3 * step));
        }
        float tail = 0f;
        for (; i < data.length; i++) {
            tail += data[i];
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD) + tail;
    }

    /**
     * A fresh float[] of {@link PeakWork#ALLOC_FLOATS}, as an op returning a new 1M-element
     * tensor asks for one. Returned, so it escapes and cannot be optimised away; the JVM zeroes
     * it, and the memory it lands in is new to the caches.
     */
    @Benchmark
    public float[] allocate() {
        return new float[PeakWork.ALLOC_FLOATS];
    }
}
