package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The MNIST MLP's products on one thread. jgrad multiplies the transposed views autograd
 * produces ({@link #vector}, {@link #scalar}) and, for comparison, the same product on contiguous
 * operands ({@link #contiguousVector}). The loop and EJML get contiguous, already transposed
 * copies made outside the timing: their best case.
 */
public class MatmulMlpBench extends OneThreadMatmulSuite {
    @Param({"FORWARD1", "FORWARD2", "GRAD_W1", "GRAD_W2"})
    public MlpProduct product;

    /** Row-major m×k and k×n copies of the logical operands. */
    private float[] aData;

    private float[] bData;
    /** The operands as autograd passes them: views of the stored matrices. */
    private NDArray aContiguous;

    private NDArray bContiguous;

    @Setup(Level.Trial)
    public void setup() {
        NDArray.setNumThreads(1);
        int m = product.m;
        int k = product.k;
        int n = product.n;
        float[] aStored = Inputs.uniform(21, m * k, -1f, 1f);
        float[] bStored = Inputs.uniform(22, k * n, -1f, 1f);
        a = product.transposedA ? NDArray.wrap(aStored, k, m).t() : NDArray.wrap(aStored, m, k);
        b = product.transposedB ? NDArray.wrap(bStored, n, k).t() : NDArray.wrap(bStored, k, n);
        aData = product.transposedA ? Inputs.transpose(aStored, k, m) : aStored;
        bData = product.transposedB ? Inputs.transpose(bStored, n, k) : bStored;
        aContiguous = NDArray.wrap(aData, m, k);
        bContiguous = NDArray.wrap(bData, k, n);
        if (a.isContiguous() == product.transposedA || b.isContiguous() == product.transposedB) {
            throw new IllegalStateException(product + ": the operands are not the views autograd passes");
        }
        ejmlOperands(aData, bData, m, k, n);
        CommonOps_FDRM.mult(ejmlA, ejmlB, ejmlC);
        float[] viaViews = a.matmul(b).toFloatArray();
        MatmulCheck.require(product.label, aData, bData, m, k, n, viaViews, ejmlC.data.clone());
        Agreement.requireClose(
                product.label + ": contiguous vs transposed operands",
                viaViews,
                aContiguous.matmul(bContiguous).toFloatArray(),
                1e-5 * k);
    }

    @Benchmark
    public NDArray contiguousVector() {
        return aContiguous.matmul(bContiguous);
    }

    @Benchmark
    public float[] loop() {
        return ScalarLoops.matmul(aData, bData, product.m, product.k, product.n);
    }
}
