package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.data.ToTensor;
import dev.jgrad.mnist.MnistSample;
import dev.jgrad.mnist.MnistSplit;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Linear;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.format.PyFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Lab-07-2, MNIST Introduction: softmax regression ({@code nn.Linear(784, 10)} with
 * cross-entropy) trained with a DataLoader of {@code batch_size=100, shuffle=True,
 * drop_last=True} over images that {@code ToTensor} turns into floats in [0, 1]. jgrad runs it
 * on the Fashion-MNIST sample in its jar, so it needs no download; {@code ./jgrad train} runs the
 * same loop on the full dataset.
 */
public final class Lab07_2 {
    private Lab07_2() {}

    public static void main(String[] args) {
        run(System.out);
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    static void run(PrintStream out) {
        MnistSplit mnistTrain;
        MnistSplit mnistTest;
        try {
            mnistTrain = MnistSample.train();
            mnistTest = MnistSample.test();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Generator.manualSeed(777);
        int trainingEpochs = 15;
        int batchSize = 100;

        // mnist_train = dsets.MNIST(root="./", train=True, transform=transforms.ToTensor(), download=True)
        TensorDataset trainSet = new TensorDataset(Tensor.of(mnistTrain.images()), Tensor.of(mnistTrain.labels()))
                .transform(0, new ToTensor());
        DataLoader<List<Tensor>> dataLoader = DataLoader.builder(trainSet)
                .batchSize(batchSize)
                .shuffle(true)
                .dropLast(true)
                .build();

        Linear linear = new Linear(784, 10, true);
        SGD optimizer = new SGD(linear.parameters(), 0.1);

        int totalBatch = dataLoader.size();
        for (int epoch = 0; epoch < trainingEpochs; epoch++) {
            double avgCost = 0;
            for (List<Tensor> batch : dataLoader) {
                Tensor x = batch.get(0).view(-1, 28 * 28);
                Tensor y = batch.get(1);
                optimizer.zeroGrad();
                Tensor hypothesis = linear.call(x);
                Tensor cost = F.crossEntropy(hypothesis, y);
                cost.backward();
                optimizer.step();
                avgCost += cost.item() / totalBatch;
            }
            println(out, String.format(Locale.ROOT, "Epoch: %04d cost = %.9f", epoch + 1, avgCost));
        }
        println(out, "Learning finished");

        // Test, as the tutorial writes it: X_test = mnist_test.test_data.view(-1, 28 * 28).float(),
        // the raw 0-255 pixels (training saw them divided by 255 through ToTensor).
        try (var noGrad = Tensor.noGrad()) {
            Tensor xTest = Tensor.of(mnistTest.images()).view(-1, 28 * 28).toFloat();
            Tensor yTest = Tensor.of(mnistTest.labels());
            Tensor prediction = linear.call(xTest);
            Tensor correctPrediction = prediction.argmax(1).eq(yTest);
            Tensor accuracy = correctPrediction.toFloat().mean();
            println(out, "Accuracy: " + PyFormat.repr(accuracy.item()));
        }
    }

    private static void println(PrintStream out, String line) {
        out.print(line + "\n");
    }
}
