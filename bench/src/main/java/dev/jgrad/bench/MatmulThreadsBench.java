package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** N×N matmul split over {@link #THREADS} threads: jgrad's pool and EJML's concurrent mult. */
public class MatmulThreadsBench extends MatmulSuite {
    public static final int THREADS = 2;

    @Param({"1024"})
    public int n;

    @Setup(Level.Trial)
    public void setup() {
        NDArray.setNumThreads(THREADS);
        EjmlConcurrency.setMaxThreads(THREADS);
        float[] aData = Inputs.uniform(11, n * n, -1f, 1f);
        float[] bData = Inputs.uniform(12, n * n, -1f, 1f);
        a = NDArray.wrap(aData, n, n);
        b = NDArray.wrap(bData, n, n);
        ejmlOperands(aData, bData, n, n, n);
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
    public FMatrixRMaj ejml() {
        CommonOps_MT_FDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }
}
