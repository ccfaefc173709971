package dev.jgrad.bench;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.data.ToTensor;
import dev.jgrad.mnist.MnistSplit;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One fresh JVM of {@link ColdStart}: reads the Fashion-MNIST training set, then trains the MLP of
 * {@code ./jgrad train --model mlp --threads 1} (784-256-10, ReLU, SGD lr 0.1, shuffled batches of
 * 100) for one epoch, and prints one line of times in milliseconds since the JVM started
 * ({@code RuntimeMXBean}'s start time): when {@code main} began, how long the data took to decode,
 * and when the 1st, 10th and 100th step and the epoch ended, each less the decoding time; and the
 * process's CPU time (all threads) at step 100 and at the end of the epoch, less the decoding's,
 * which a loaded machine distorts less than wall time.
 */
final class ColdStartRun {
    static final String PREFIX = "cold-start";
    private static final int BATCH = 100;

    private ColdStartRun() {}

    public static void main(String[] args) throws IOException {
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainNanos = System.nanoTime();
        double mainMs = System.currentTimeMillis() - startMillis;
        double cpuAtMain = cpuMs();
        Path dir = Path.of(args[0]);
        MnistSplit train =
                MnistSplit.load(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        double loadMs = (System.nanoTime() - mainNanos) / 1e6;
        double loadCpuMs = cpuMs() - cpuAtMain;

        NDArray.setNumThreads(1);
        Generator g = new Generator(0);
        Module net = new Sequential(new Linear(784, 256, true, g), new ReLU(), new Linear(256, 10, true, g));
        SGD optimizer = new SGD(net.parameters(), 0.1);
        TensorDataset data =
                new TensorDataset(Tensor.of(train.images()), Tensor.of(train.labels())).transform(0, new ToTensor());
        DataLoader<List<Tensor>> loader = DataLoader.builder(data)
                .batchSize(BATCH)
                .shuffle(true)
                .generator(g)
                .build();
        StringBuilder line = new StringBuilder(PREFIX);
        line.append(String.format(Locale.ROOT, " main=%.1f load=%.1f", mainMs, loadMs));
        int step = 0;
        for (List<Tensor> batch : loader) {
            Tensor loss = F.crossEntropy(net.call(batch.get(0).view(-1, 784)), batch.get(1));
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
            step++;
            if (step == 1 || step == 10 || step == 100) {
                line.append(String.format(Locale.ROOT, " step%d=%.1f", step, sinceStart(mainMs, mainNanos) - loadMs));
            }
            if (step == 100) {
                line.append(String.format(Locale.ROOT, " cpu100=%.1f", cpuMs() - loadCpuMs));
            }
        }
        line.append(String.format(
                Locale.ROOT, " epoch=%.1f cpuEpoch=%.1f", sinceStart(mainMs, mainNanos) - loadMs, cpuMs() - loadCpuMs));
        System.out.println(line);
    }

    /** CPU time of the whole process (every thread, the JIT's included) in milliseconds. */
    private static double cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e6;
    }

    /** Milliseconds since the JVM started, on the monotonic clock from the start of main. */
    private static double sinceStart(double mainMs, long mainNanos) {
        return mainMs + (System.nanoTime() - mainNanos) / 1e6;
    }
}
