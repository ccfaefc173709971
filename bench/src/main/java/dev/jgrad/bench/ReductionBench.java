package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * float32 reductions on one thread: the whole array ({@code sum}, {@code max}, {@code argmax})
 * and the same elements as a near-square matrix ({@code sum(dim=0)}, {@code sum(dim=1)}).
 */
public class ReductionBench extends KernelsBench {
    @Param({"1024", "65536", "1048576", "16777216"})
    public int size;

    private float[] data;
    private int rows;
    private int cols;
    private NDArray x;
    private NDArray matrix;

    /** Rows of the matrix a power-of-two {@code size} is viewed as: 2^floor(log2(size)/2). */
    public static int rows(int size) {
        int log2 = 31 - Integer.numberOfLeadingZeros(size);
        return 1 << (log2 / 2);
    }

    @Setup(Level.Trial)
    public void setup() {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two, got " + size);
        }
        NDArray.setNumThreads(1);
        data = Inputs.uniform(31, size, -1f, 1f);
        rows = rows(size);
        cols = size / rows;
        x = NDArray.wrap(data, size);
        matrix = NDArray.wrap(data, rows, cols);
        check();
    }

    private void check() {
        double exact = 0;
        double magnitude = 0;
        for (float v : data) {
            exact += v;
            magnitude += Math.abs(v);
        }
        double tol = 1e-5 * magnitude;
        Agreement.requireClose("jgrad sum()", exact, x.sum().item(), tol);
        Agreement.requireClose("loop sum", exact, ScalarLoops.sum(data), tol);
        Agreement.requireClose("jgrad max()", ScalarLoops.max(data), x.max().item(), 0);
        Agreement.requireEqual(
                "jgrad argmax()", ScalarLoops.argmax(data), x.argmax().itemLong());
        float[] columns = ScalarLoops.sumDim0(data, rows, cols);
        float[] rowSums = ScalarLoops.sumDim1(data, rows, cols);
        Agreement.requireClose(
                "sum(dim=0): jgrad vs loop", columns, matrix.sum(0).toFloatArray(), 1e-5 * rows);
        Agreement.requireClose(
                "sum(dim=1): jgrad vs loop", rowSums, matrix.sum(1).toFloatArray(), 1e-5 * cols);
        for (int c : new int[] {0, cols - 1}) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += data[r * cols + c];
            }
            Agreement.requireClose("loop column sum " + c, s, columns[c], 1e-5 * rows);
        }
    }

    @Benchmark
    public NDArray sumVector() {
        return x.sum();
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray sumScalar() {
        return x.sum();
    }

    @Benchmark
    public float sumLoop() {
        return ScalarLoops.sum(data);
    }

    @Benchmark
    public NDArray maxVector() {
        return x.max();
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray maxScalar() {
        return x.max();
    }

    @Benchmark
    public float maxLoop() {
        return ScalarLoops.max(data);
    }

    @Benchmark
    public NDArray argmaxVector() {
        return x.argmax();
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray argmaxScalar() {
        return x.argmax();
    }

    @Benchmark
    public int argmaxLoop() {
        return ScalarLoops.argmax(data);
    }

    @Benchmark
    public NDArray sumDim0Vector() {
        return matrix.sum(0);
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray sumDim0Scalar() {
        return matrix.sum(0);
    }

    @Benchmark
    public float[] sumDim0Loop() {
        return ScalarLoops.sumDim0(data, rows, cols);
    }

    @Benchmark
    public NDArray sumDim1Vector() {
        return matrix.sum(1);
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray sumDim1Scalar() {
        return matrix.sum(1);
    }

    @Benchmark
    public float[] sumDim1Loop() {
        return ScalarLoops.sumDim1(data, rows, cols);
    }
}
