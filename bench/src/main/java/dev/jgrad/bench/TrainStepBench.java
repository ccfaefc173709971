package dev.jgrad.bench;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.data.ToTensor;
import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.ConvOptions;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Flatten;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.MaxPool2d;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Unflatten;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.List;
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
 * One training step of {@code ./jgrad train} on one thread, batch 100: forward, cross-entropy,
 * backward, SGD (lr 0.1). {@link #step} starts from a batch already in float32; {@link #loadAndStep}
 * also gathers it from 60,000 uint8 images and converts it, as the train command's loader does.
 * An epoch of Fashion-MNIST is 600 steps, so the 0.30 s per MLP epoch is 500 µs per step.
 *
 * <p>The batches are random pixels with random labels, which no model fits, so the gradients stay
 * ordinary numbers for the whole run; the weights start afresh every iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class TrainStepBench extends OneThreadBench {
    private static final int IMAGES = 60_000;
    private static final int BATCH = 100;
    private static final int PIXELS = 784;
    /** Distinct ready-made float batches that {@link #step} cycles through. */
    private static final int FLOAT_BATCHES = 16;

    /** mlp = 784-256-10 with ReLU; softmax = one Linear(784, 10); cnn = the reference's CNN. */
    @Param({"mlp", "softmax", "cnn"})
    public String model;

    private Module net;
    private SGD optimizer;
    private Tensor[] xs;
    private Tensor[] ys;
    private TensorDataset images;
    private int[][] batchIndices;
    private int next;

    @Setup(Level.Trial)
    public void data() {
        NDArray.setNumThreads(1);
        Generator g = new Generator(42);
        NDArray pixels = NDArray.randint(g, 0, 256, IMAGES, 28, 28).toByte();
        NDArray labels = NDArray.randint(g, 0, 10, IMAGES);
        images = new TensorDataset(Tensor.of(pixels), Tensor.of(labels)).transform(0, new ToTensor());
        long[] perm = NDArray.randperm(g, IMAGES).toLongArray();
        batchIndices = new int[IMAGES / BATCH][BATCH];
        for (int i = 0; i < perm.length; i++) {
            batchIndices[i / BATCH][i % BATCH] = (int) perm[i];
        }
        xs = new Tensor[FLOAT_BATCHES];
        ys = new Tensor[FLOAT_BATCHES];
        for (int b = 0; b < FLOAT_BATCHES; b++) {
            List<Tensor> batch = images.getBatch(batchIndices[b]);
            xs[b] = batch.get(0).view(-1, PIXELS);
            ys[b] = batch.get(1);
        }
    }

    @Setup(Level.Iteration)
    public void freshWeights() {
        Generator g = new Generator(0);
        switch (model) {
            case "softmax":
                net = new Linear(PIXELS, 10, true, g);
                break;
            case "cnn":
                ConvOptions conv = ConvOptions.defaults().padding(1).generator(g);
                net = new Sequential(
                        new Unflatten(1, 1, 28, 28),
                        new Conv2d(1, 32, 3, conv),
                        new ReLU(),
                        new MaxPool2d(2),
                        new Conv2d(32, 64, 3, conv),
                        new ReLU(),
                        new MaxPool2d(2),
                        new Flatten(),
                        new Linear(7 * 7 * 64, 10, true, g));
                break;
            default:
                net = new Sequential(new Linear(PIXELS, 256, true, g), new ReLU(), new Linear(256, 10, true, g));
        }
        optimizer = new SGD(net.parameters(), 0.1);
        next = 0;
    }

    private Tensor train(Tensor x, Tensor y) {
        Tensor loss = F.crossEntropy(net.call(x), y);
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        return loss;
    }

    /** Forward, loss, backward and SGD on a float32 batch that is already there. */
    @Benchmark
    public Tensor step() {
        int b = next++ % FLOAT_BATCHES;
        return train(xs[b], ys[b]);
    }

    /** The same step after gathering the batch from uint8 images and converting it to float, as the loader does. */
    @Benchmark
    public Tensor loadAndStep() {
        List<Tensor> batch = images.getBatch(batchIndices[next++ % batchIndices.length]);
        return train(batch.get(0).view(-1, PIXELS), batch.get(1));
    }
}
