package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Square float32 matmul, N×N @ N×N, on one thread. */
public class MatmulBench extends OneThreadMatmulSuite {
    @Param({"64", "128", "256", "512", "1024"})
    public int n;

    private float[] aData;
    private float[] bData;

    @Setup(Level.Trial)
    public void setup() {
        NDArray.setNumThreads(1);
        aData = Inputs.uniform(11, n * n, -1f, 1f);
        bData = Inputs.uniform(12, n * n, -1f, 1f);
        a = NDArray.wrap(aData, n, n);
        b = NDArray.wrap(bData, n, n);
        ejmlOperands(aData, bData, n, n, n);
        CommonOps_FDRM.mult(ejmlA, ejmlB, ejmlC);
        MatmulCheck.require(
                "matmul " + n + "x" + n, aData, bData, n, n, n, a.matmul(b).toFloatArray(), ejmlC.data.clone());
    }

    @Benchmark
    public float[] loop() {
        return ScalarLoops.matmul(aData, bData, n, n, n);
    }
}
