package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.data.ToTensor;
import dev.jgrad.mnist.MnistFiles;
import dev.jgrad.mnist.MnistSample;
import dev.jgrad.mnist.MnistSplit;
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
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./jgrad lab cnn}: the CNN of the tutorial series' next part, built layer by layer as
 * {@code nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(),
 * nn.MaxPool2d(2), ...)}. It prints the model as PyTorch does, the shape after each layer for a
 * batch of 100, then trains it for one epoch (SGD, lr 0.1, batch 100) and prints the test
 * accuracy. It runs on the Fashion-MNIST sample in the jar, or on a full MNIST-format folder
 * given as its argument ({@code ./jgrad lab cnn /usr/share/datasets/fashion-mnist}).
 */
public final class LabCnn {
    private LabCnn() {}

    /**
     * Runs the lab.
     *
     * @param args nothing, or the folder of an MNIST-format dataset
     * @throws IOException when the data can't be read
     */
    public static void main(String[] args) throws IOException {
        MnistSplit train;
        MnistSplit test;
        if (args.length > 0) {
            MnistFiles files = MnistFiles.inFolder(Path.of(args[0]))
                    .orElseThrow(() -> new IOException(
                            "no MNIST-format files (" + String.join(", ", MnistFiles.NAMES) + ") in " + args[0]));
            train = files.load(true);
            test = files.load(false);
        } else {
            train = MnistSample.train();
            test = MnistSample.test();
        }
        run(System.out, train, test);
    }

    static void run(PrintStream out) {
        try {
            run(out, MnistSample.train(), MnistSample.test());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    static void run(PrintStream out, MnistSplit train, MnistSplit test) {
        Generator.manualSeed(0);
        Sequential model = new Sequential();
        model.addModule("0", new Unflatten(1, 1, 28, 28));
        model.addModule("1", new Conv2d(1, 32, 3, ConvOptions.defaults().padding(1)));
        model.addModule("2", new ReLU());
        model.addModule("3", new MaxPool2d(2));
        model.addModule("4", new Conv2d(32, 64, 3, ConvOptions.defaults().padding(1)));
        model.addModule("5", new ReLU());
        model.addModule("6", new MaxPool2d(2));
        model.addModule("7", new Flatten());
        model.addModule("8", new Linear(7 * 7 * 64, 10));
        println(out, model.toString());

        TensorDataset trainSet =
                new TensorDataset(Tensor.of(train.images()), Tensor.of(train.labels())).transform(0, new ToTensor());
        DataLoader<List<Tensor>> loader = DataLoader.builder(trainSet)
                .batchSize(100)
                .shuffle(true)
                .dropLast(true)
                .build();

        // The shape after each layer, for the first batch.
        try (var noGrad = Tensor.noGrad()) {
            Tensor x = loader.iterator().next().get(0).view(-1, 28 * 28);
            println(out, "input: torch." + x.shape());
            for (var layer : model.namedChildren().entrySet()) {
                x = layer.getValue().call(x);
                println(out, "(" + layer.getKey() + ") " + layer.getValue().getName() + ": torch." + x.shape());
            }
        }

        SGD optimizer = new SGD(model.parameters(), 0.1);
        long start = System.nanoTime();
        double cost = 0;
        int batches = 0;
        for (List<Tensor> batch : loader) {
            Tensor loss = F.crossEntropy(model.call(batch.get(0).view(-1, 28 * 28)), batch.get(1));
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
            cost += loss.item();
            batches++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        println(
                out,
                String.format(
                        Locale.ROOT, "epoch 1: %d batches, mean cost %.4f, %.1f s", batches, cost / batches, seconds));
        println(out, String.format(Locale.ROOT, "test accuracy: %.4f", accuracy(model, test)));
    }

    /** Accuracy on the test split, 1,000 images per forward pass, without recording a graph. */
    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    private static double accuracy(Module model, MnistSplit test) {
        model.eval();
        ToTensor toTensor = new ToTensor();
        long correct = 0;
        int n = test.size();
        try (var noGrad = Tensor.noGrad()) {
            for (int s = 0; s < n; s += 1000) {
                int len = Math.min(1000, n - s);
                Tensor x = toTensor.applyBatch(Tensor.of(test.images().narrow(0, s, len)))
                        .view(-1, 28 * 28);
                Tensor y = Tensor.of(test.labels().narrow(0, s, len));
                correct += model.call(x).argmax(1).eq(y).sum().itemLong();
            }
        }
        return (double) correct / n;
    }

    private static void println(PrintStream out, String line) {
        out.print(line + "\n");
    }
}
