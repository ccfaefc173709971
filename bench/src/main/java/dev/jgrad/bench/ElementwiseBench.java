package dev.jgrad.bench;

import dev.jgrad.tensor.NDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * float32 elementwise ops on one thread: {@code a + b} into a new tensor and in place
 * ({@code add_}), a bias row broadcast over a matrix, {@code a * b}, {@code exp} and {@code relu}.
 */
public class ElementwiseBench extends KernelsBench {
    @Param({"65536", "1048576", "16777216"})
    public int size;

    private float[] aData;
    private float[] bData;
    private float[] biasData;
    /** The in-place target: it keeps growing by b, which stays far from overflow. */
    private float[] accData;

    private int rows;
    private int cols;
    private NDArray a;
    private NDArray b;
    private NDArray acc;
    private NDArray matrix;
    private NDArray bias;

    @Setup(Level.Trial)
    public void setup() {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two, got " + size);
        }
        NDArray.setNumThreads(1);
        aData = Inputs.uniform(41, size, -1f, 1f);
        bData = Inputs.uniform(42, size, -1f, 1f);
        rows = ReductionBench.rows(size);
        cols = size / rows;
        biasData = Inputs.uniform(43, cols, -1f, 1f);
        accData = aData.clone();
        a = NDArray.wrap(aData, size);
        b = NDArray.wrap(bData, size);
        acc = NDArray.wrap(accData, size);
        matrix = NDArray.wrap(aData, rows, cols);
        bias = NDArray.wrap(biasData, cols);
        check();
    }

    private void check() {
        Agreement.requireClose("add", ScalarLoops.add(aData, bData), a.add(b).toFloatArray(), 0);
        float[] inPlace = ScalarLoops.addInto(aData.clone(), bData);
        Agreement.requireClose("add_", inPlace, a.clone().add_(b).toFloatArray(), 0);
        Agreement.requireClose(
                "bias add",
                ScalarLoops.addBias(aData, biasData, rows, cols),
                matrix.add(bias).toFloatArray(),
                0);
        Agreement.requireClose("mul", ScalarLoops.mul(aData, bData), a.mul(b).toFloatArray(), 0);
        // A few ulps: jgrad's exp is a polynomial, Math.exp is nearly correctly rounded.
        Agreement.requireRelativelyClose("exp", ScalarLoops.exp(aData), a.exp().toFloatArray(), 1e-6, 0);
        Agreement.requireClose("relu", ScalarLoops.relu(aData), a.relu().toFloatArray(), 0);
    }

    @Benchmark
    public NDArray addVector() {
        return a.add(b);
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray addScalar() {
        return a.add(b);
    }

    @Benchmark
    public float[] addLoop() {
        return ScalarLoops.add(aData, bData);
    }

    @Benchmark
    public NDArray addIntoVector() {
        return acc.add_(b);
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray addIntoScalar() {
        return acc.add_(b);
    }

    @Benchmark
    public float[] addIntoLoop() {
        return ScalarLoops.addInto(accData, bData);
    }

    @Benchmark
    public NDArray addBiasVector() {
        return matrix.add(bias);
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray addBiasScalar() {
        return matrix.add(bias);
    }

    @Benchmark
    public float[] addBiasLoop() {
        return ScalarLoops.addBias(aData, biasData, rows, cols);
    }

    @Benchmark
    public NDArray mulVector() {
        return a.mul(b);
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray mulScalar() {
        return a.mul(b);
    }

    @Benchmark
    public float[] mulLoop() {
        return ScalarLoops.mul(aData, bData);
    }

    @Benchmark
    public NDArray expVector() {
        return a.exp();
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray expScalar() {
        return a.exp();
    }

    @Benchmark
    public float[] expLoop() {
        return ScalarLoops.exp(aData);
    }

    @Benchmark
    public NDArray reluVector() {
        return a.relu();
    }

    @Benchmark
    @Fork(
            value = 2,
            jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_SCALAR})
    public NDArray reluScalar() {
        return a.relu();
    }

    @Benchmark
    public float[] reluLoop() {
        return ScalarLoops.relu(aData);
    }
}
