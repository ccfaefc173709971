package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.format.PyFormat;

/**
 * Lab-07-1, Tips: training and test sets, what too large and too small learning rates do, and
 * why standardising the inputs matters. Every model starts from nn.Linear's random weights, so the
 * digits are jgrad's own; the lessons (divergence, stalling, overflow to inf and nan) are the
 * tutorial's.
 */
public final class Lab07_1 {
    private Lab07_1() {}

    public static void main(String[] args) {
        Printer p = Printer.lab(System.out, "Lab-07-1 Tips");
        Generator.manualSeed(1);
        Tensor xTrain = Tensor.tensor(
                new float[][] {{1, 2, 1}, {1, 3, 2}, {1, 3, 4}, {1, 5, 5}, {1, 7, 5}, {1, 2, 5}, {1, 6, 6}, {1, 7, 7}});
        Tensor yTrain = Tensor.tensor(new long[] {2, 2, 2, 1, 1, 1, 0, 0});
        Tensor xTest = Tensor.tensor(new float[][] {{2, 1, 1}, {3, 1, 2}, {3, 3, 4}});
        Tensor yTest = Tensor.tensor(new long[] {2, 2, 2});

        p.section("Training and Test Dataset");
        SoftmaxClassifierModel model = new SoftmaxClassifierModel(3, 3);
        SGD optimizer = new SGD(model.parameters(), 0.1);
        train(p, model, optimizer, xTrain, yTrain, false);
        test(p, model, xTest, yTest);

        p.section("Learning Rate: too large overshoots");
        model = new SoftmaxClassifierModel(3, 3);
        train(p, model, new SGD(model.parameters(), 1e5), xTrain, yTrain, false);

        p.section("Learning Rate: too small barely moves");
        model = new SoftmaxClassifierModel(3, 3);
        train(p, model, new SGD(model.parameters(), 1e-10), xTrain, yTrain, false);

        p.section("Learning Rate: about right");
        model = new SoftmaxClassifierModel(3, 3);
        train(p, model, new SGD(model.parameters(), 1e-1), xTrain, yTrain, false);

        p.section("Data Preprocessing");
        Tensor xRaw =
                Tensor.tensor(new float[][] {{73, 80, 75}, {93, 88, 93}, {89, 91, 90}, {96, 98, 100}, {74, 66, 70}});
        Tensor yRaw = Tensor.tensor(new float[][] {{152}, {185}, {180}, {196}, {142}});
        Tensor mu = xRaw.mean(0);
        Tensor sigma = xRaw.std(0);
        Tensor normXTrain = xRaw.sub(mu).div(sigma);
        p.print(normXTrain);

        p.section("Without standardisation");
        MultivariateLinearRegressionModel regression = new MultivariateLinearRegressionModel();
        train(p, regression, new SGD(regression.parameters(), 1e-1), xRaw, yRaw, true);

        p.section("With standardisation");
        regression = new MultivariateLinearRegressionModel();
        train(p, regression, new SGD(regression.parameters(), 1e-1), normXTrain, yRaw, true);
    }

    /** The tutorial's train(): 20 epochs; cross entropy for the classifier, MSE for the regression. */
    private static void train(Printer p, Module model, SGD optimizer, Tensor x, Tensor y, boolean regression) {
        int nbEpochs = 20;
        for (int epoch = 0; epoch < nbEpochs; epoch++) {
            Tensor pred = model.call(x);
            Tensor cost = regression ? F.mseLoss(pred, y) : F.crossEntropy(pred, y);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            // The tutorial's regression train() prints "Epoch" without the colon.
            p.print(Printer.format(
                    regression ? "Epoch %4d/%d Cost: %s" : "Epoch: %4d/%d Cost: %s",
                    epoch,
                    nbEpochs,
                    PyFormat.fixed(cost.item(), 6)));
        }
    }

    /** {@code f"Acc: {correct_count / len(y_test) * 100}% Cost: {cost.item():.6f}"} */
    private static void test(Printer p, Module model, Tensor x, Tensor y) {
        Tensor pred = model.call(x);
        Tensor predClasses = pred.max(1).indices();
        long correctCount = predClasses.eq(y).sum().itemLong();
        Tensor cost = F.crossEntropy(pred, y);
        p.print("Acc: " + PyFormat.repr((double) correctCount / y.size(0) * 100) + "% Cost: "
                + PyFormat.fixed(cost.item(), 6));
    }
}
