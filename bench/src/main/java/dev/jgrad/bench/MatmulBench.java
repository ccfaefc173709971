package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Square float32 matmul, N×N @ N×N, on one thread. */
public class MatmulBench extends OneThreadBench {
    @Param({"64", "128", "256", "512", "1024"})
    public int n;

    private float[] aData;
    private float[] bData;
    private NDArray a;
    private NDArray b;
    private FMatrixRMaj ejmlA;
    private FMatrixRMaj ejmlB;
    private FMatrixRMaj ejmlC;

    @Setup(Level.Trial)
    public void setup() {
        NDArray.setNumThreads(1);
        aData = Inputs.uniform(11, n * n, -1f, 1f);
        bData = Inputs.uniform(12, n * n, -1f, 1f);
        a = NDArray.wrap(aData, n, n);
        b = NDArray.wrap(bData, n, n);
        ejmlA = new FMatrixRMaj(n, n, true, aData);
        ejmlB = new FMatrixRMaj(n, n, true, bData);
        ejmlC = new FMatrixRMaj(n, n);
        CommonOps_FDRM.mult(ejmlA, ejmlB, ejmlC);
        MatmulCheck.require(
                "matmul " + n + "x" + n, aData, bData, n, n, n, a.matmul(b).toFloatArray(), ejmlC.data.clone());
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_VECTOR})
    public NDArray vector() {
        return a.matmul(b);
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray scalar() {
        return a.matmul(b);
    }

    @Benchmark
    public float[] loop() {
        return ScalarLoops.matmul(aData, bData, n, n, n);
    }

    @Benchmark
    public FMatrixRMaj ejml() {
        CommonOps_FDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }
}
