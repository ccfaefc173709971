package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.F;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.format.PyFormat;
import java.util.List;

/**
 * Lab-04-1, Multivariable linear regression: H(x) = xW fitted with {@code optim.SGD} from zeros
 * (the tutorial's digits), then the same model as an {@code nn.Module} with {@code F.mse_loss},
 * which starts from nn.Linear's random weights (jgrad's generator, so other digits than the
 * tutorial's; the cost falls the same way).
 */
public final class Lab04_1 {
    private Lab04_1() {}

    public static void main(String[] args) {
        Printer p = Printer.lab(System.out, "Lab-04-1 Multivariable Linear regression");
        Generator.manualSeed(1);
        Tensor xTrain =
                Tensor.tensor(new float[][] {{73, 80, 75}, {93, 88, 93}, {89, 91, 90}, {96, 98, 100}, {73, 66, 70}});
        Tensor yTrain = Tensor.tensor(new float[][] {{152}, {185}, {180}, {196}, {142}});
        int nbEpochs = 20;

        p.section("Full Code with torch.optim");
        Tensor w = Tensor.zeros(3, 1).requiresGrad_();
        Tensor b = Tensor.zeros(1).requiresGrad_();
        SGD optimizer = new SGD(List.of(w, b), 1e-5);
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            Tensor hypothesis = xTrain.matmul(w);
            Tensor cost = hypothesis.sub(yTrain).pow(2).mean();
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            p.print(line(epoch, nbEpochs, hypothesis, cost));
        }

        p.section("Full Code with nn.Module and F.mse_loss");
        MultivariateLinearRegressionModel model = new MultivariateLinearRegressionModel();
        p.print(model);
        SGD modelOptimizer = new SGD(model.parameters(), 1e-5);
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            Tensor hypothesis = model.call(xTrain);
            Tensor cost = F.mseLoss(hypothesis, yTrain);
            modelOptimizer.zeroGrad();
            cost.backward();
            modelOptimizer.step();
            p.print(line(epoch, nbEpochs, hypothesis, cost));
        }
    }

    /** {@code f"Epoch: {epoch:4d}/{nb_epochs} hypothesis: {hypothesis.squeeze().detach()}, Cost: {cost.item():.6f}"} */
    private static String line(int epoch, int nbEpochs, Tensor hypothesis, Tensor cost) {
        return Printer.format(
                "Epoch: %4d/%d hypothesis: %s, Cost: %s",
                epoch, nbEpochs, hypothesis.squeeze().detach(), PyFormat.fixed(cost.item(), 6));
    }
}
