package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;

/** The one-thread matmul suites: besides the vector kernels, jgrad's scalar kernels and EJML's one-thread product. */
public abstract class OneThreadMatmulSuite extends MatmulSuite {
    /** For the suites. */
    protected OneThreadMatmulSuite() {}

    /**
     * jgrad's {@code a @ b} with its scalar kernels.
     *
     * @return the product
     */
    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray scalar() {
        return a.matmul(b);
    }

    /**
     * EJML's one-thread {@code CommonOps_FDRM.mult} into {@link #ejmlC}.
     *
     * @return the product
     */
    @Benchmark
    public FMatrixRMaj ejml() {
        CommonOps_FDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }
}
