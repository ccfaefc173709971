package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What the matmul suites share: jgrad's operands {@link #a} and {@link #b}, EJML's row-major
 * copies of them and its result matrix, and jgrad's {@code a @ b} with its vector kernels. A
 * suite's setup fills the operands; JMH runs the inherited benchmark as the suite's own.
 */
public abstract class MatmulSuite extends KernelsBench {
    /** jgrad's left operand, m×k (possibly a view). */
    protected NDArray a;
    /** jgrad's right operand, k×n (possibly a view). */
    protected NDArray b;
    /** EJML's left operand, a row-major m×k copy. */
    protected FMatrixRMaj ejmlA;
    /** EJML's right operand, a row-major k×n copy. */
    protected FMatrixRMaj ejmlB;
    /** EJML's m×n result, written in place by each product. */
    protected FMatrixRMaj ejmlC;

    /** For the suites. */
    protected MatmulSuite() {}

    /**
     * Sets EJML's operands to the row-major m×k {@code aData} and k×n {@code bData} (shared, not
     * copied) and allocates its m×n result.
     *
     * @param aData the left operand, row-major m×k
     * @param bData the right operand, row-major k×n
     * @param m rows of the product
     * @param k the contracted dimension
     * @param n columns of the product
     */
    protected final void ejmlOperands(float[] aData, float[] bData, int m, int k, int n) {
        ejmlA = new FMatrixRMaj(m, k, true, aData);
        ejmlB = new FMatrixRMaj(k, n, true, bData);
        ejmlC = new FMatrixRMaj(m, n);
    }

    /**
     * jgrad's {@code a @ b} with its vector kernels.
     *
     * @return the product
     */
    @Benchmark
    public NDArray vector() {
        return a.matmul(b);
    }
}
