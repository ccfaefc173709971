package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** N×N matmul split over {@link #THREADS} threads: jgrad's pool and EJML's concurrent mult. */
public class MatmulThreadsBench extends OneThreadBench {
    public static final int THREADS = 2;

    @Param({"1024"})
    public int n;

    private NDArray a;
    private NDArray b;
    private FMatrixRMaj ejmlA;
    private FMatrixRMaj ejmlB;
    private FMatrixRMaj ejmlC;

    @Setup(Level.Trial)
    public void setup() {
        NDArray.setNumThreads(THREADS);
        EjmlConcurrency.setMaxThreads(THREADS);
        float[] aData = Inputs.uniform(11, n * n, -1f, 1f);
        float[] bData = Inputs.uniform(12, n * n, -1f, 1f);
        a = NDArray.wrap(aData, n, n);
        b = NDArray.wrap(bData, n, n);
        ejmlA = new FMatrixRMaj(n, n, true, aData);
        ejmlB = new FMatrixRMaj(n, n, true, bData);
        ejmlC = new FMatrixRMaj(n, n);
        CommonOps_MT_FDRM.mult(ejmlA, ejmlB, ejmlC);
        MatmulCheck.require(
                "matmul " + n + "x" + n + " on " + THREADS + " threads",
                aData,
                bData,
                n,
                n,
                n,
                a.matmul(b).toFloatArray(),
                ejmlC.data.clone());
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_VECTOR})
    public NDArray vector() {
        return a.matmul(b);
    }

    @Benchmark
    public FMatrixRMaj ejml() {
        CommonOps_MT_FDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }
}
