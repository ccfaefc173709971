package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Enumerated;
import dev.jgrad.nn.F;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Lab-04-2, Loading Data: a custom {@link Dataset} of five samples, a {@link DataLoader} with
 * {@code batch_size=2, shuffle=True}, and minibatch gradient descent on a linear model. The
 * tutorial's model starts from random weights drawn by PyTorch's generator, so the costs printed
 * here differ from its own; the shape of the run (3 batches per epoch, the last one short) is the
 * same.
 */
public final class Lab04_2 {
    private Lab04_2() {}

    /** The tutorial's {@code CustomDataset}: {@code __len__} and {@code __getitem__} returning (x, y). */
    static final class CustomDataset implements Dataset<List<Tensor>> {
        private final float[][] xData = {{73, 80, 75}, {93, 88, 93}, {89, 91, 90}, {96, 98, 100}, {73, 66, 70}};
        private final float[][] yData = {{152}, {185}, {180}, {196}, {142}};

        @Override
        public int size() {
            return xData.length;
        }

        @Override
        public List<Tensor> get(int idx) {
            Tensor x = Tensor.tensor(xData[idx]);
            Tensor y = Tensor.tensor(yData[idx]);
            return List.of(x, y);
        }
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Generator.manualSeed(1);
        CustomDataset dataset = new CustomDataset();
        DataLoader<List<Tensor>> dataloader = new DataLoader<>(dataset, 2, true);

        MultivariateLinearRegressionModel model = new MultivariateLinearRegressionModel();
        SGD optimizer = new SGD(model.parameters(), 1e-5);

        int nbEpochs = 20;
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            for (Enumerated<List<Tensor>> e : dataloader.enumerate()) {
                int batchIdx = e.index();
                List<Tensor> samples = e.value();
                Tensor xTrain = samples.get(0);
                Tensor yTrain = samples.get(1);
                // H(x)
                Tensor prediction = model.call(xTrain);
                // cost
                Tensor cost = F.mseLoss(prediction, yTrain);
                // update
                optimizer.zeroGrad();
                cost.backward();
                optimizer.step();

                out.print(String.format(
                        Locale.ROOT,
                        "Epoch %4d/%d Batch %d/%d Cost: %.6f\n",
                        epoch,
                        nbEpochs,
                        batchIdx + 1,
                        dataloader.size(),
                        cost.item()));
            }
        }
    }
}
