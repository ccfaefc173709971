package dev.jgrad.bench;

import dev.jgrad.tensor.Conv2dSpec;
import dev.jgrad.tensor.Convolution;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Pooling;
import dev.jgrad.tensor.ValuesIndices;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CNN's two convolutions at batch 100 on one thread: jgrad's im2col + GEMM kernels (forward,
 * input gradient, weight gradient) against a direct seven-loop convolution in plain Java
 * ({@link ScalarLoops#conv2d} and its two gradients). Each pass is {@link ConvLayer#flops()}.
 * Beside them, the 2x2 max pool that follows each layer in the CNN: its forward pass (with the
 * indices training keeps), and its backward pass on the vector kernel against the plain scatter
 * of each gradient to the element its index names.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ConvBench extends OneThreadBench {
    private static final int[] TWO = {2, 2};
    private static final int[] NO_PAD = {0, 0};
    private static final int[] NO_DILATION = {1, 1};
    private static final Conv2dSpec SPEC = Conv2dSpec.of(new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);

    /** Which layer. */
    @Param({"CONV1", "CONV2"})
    public ConvLayer layer;

    private NDArray x;
    private NDArray w;
    private NDArray b;
    private NDArray g;
    private float[] out;
    private float[] xf;
    private float[] wf;
    private float[] gf;
    private NDArray pooled;
    private NDArray poolIndices;
    private NDArray poolGrad;

    @Setup(Level.Trial)
    public void setup() {
        NDArray.setNumThreads(1);
        Generator gen = new Generator(3);
        x = NDArray.randn(gen, ConvLayer.BATCH, layer.in, layer.side, layer.side);
        w = NDArray.randn(gen, layer.out, layer.in, ConvLayer.KERNEL, ConvLayer.KERNEL);
        b = NDArray.randn(gen, layer.out);
        g = NDArray.randn(gen, ConvLayer.BATCH, layer.out, layer.side, layer.side);
        xf = x.toFloatArray();
        wf = w.toFloatArray();
        gf = g.toFloatArray();
        out = new float[ConvLayer.BATCH * Math.max(layer.in, layer.out) * layer.side * layer.side];
        pooled = NDArray.randn(gen, ConvLayer.BATCH, layer.out, layer.side, layer.side);
        ValuesIndices<NDArray> pool = maxPoolVector();
        poolIndices = pool.indices();
        poolGrad = NDArray.randn(gen, pool.values().shape().toArray());
    }

    @Benchmark
    public NDArray forwardVector() {
        return Convolution.conv2d(x, w, b, SPEC);
    }

    @Benchmark
    public NDArray inputGradVector() {
        return Convolution.conv2dInputGrad(g, w, x.shape().toArray(), SPEC);
    }

    @Benchmark
    public NDArray weightGradVector() {
        return Convolution.conv2dWeightGrad(g, x, w.shape().toArray(), SPEC);
    }

    @Benchmark
    public float[] forwardLoop() {
        ScalarLoops.conv2d(xf, wf, ConvLayer.BATCH, layer.in, layer.out, layer.side, ConvLayer.KERNEL, out);
        return out;
    }

    @Benchmark
    public float[] inputGradLoop() {
        ScalarLoops.conv2dInputGrad(gf, wf, ConvLayer.BATCH, layer.in, layer.out, layer.side, ConvLayer.KERNEL, out);
        return out;
    }

    @Benchmark
    public float[] weightGradLoop() {
        ScalarLoops.conv2dWeightGrad(gf, xf, ConvLayer.BATCH, layer.in, layer.out, layer.side, ConvLayer.KERNEL, out);
        return out;
    }

    @Benchmark
    public ValuesIndices<NDArray> maxPoolVector() {
        return Pooling.maxPool2d(pooled, TWO, TWO, NO_PAD, NO_DILATION, false, true);
    }

    @Benchmark
    public NDArray maxPoolBackwardVector() {
        return Pooling.maxPool2dBackward(
                poolGrad, poolIndices, pooled.shape().toArray(), TWO, TWO, NO_PAD, NO_DILATION, false);
    }

    @Benchmark
    public NDArray maxPoolBackwardLoop() {
        return Pooling.maxPool2dBackward(poolGrad, poolIndices, pooled.shape().toArray());
    }
}
