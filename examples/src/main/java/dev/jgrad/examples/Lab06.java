package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.F;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.format.PyFormat;
import java.util.List;

/**
 * Lab-06, Softmax classification: softmax, the cross entropy three ways (one-hot by hand,
 * {@code nll_loss(log_softmax)}, {@code cross_entropy}) on a random z, training from zeros (the
 * tutorial's digits) and the {@code SoftmaxClassifierModel} from nn.Linear's random start.
 */
public final class Lab06 {
    private Lab06() {}

    public static void main(String[] args) {
        Printer p = Printer.lab(System.out, "Lab-06 Softmax Classification");
        Generator.manualSeed(1);

        p.section("Softmax");
        Tensor z = Tensor.tensor(new float[] {1, 2, 3});
        Tensor hypothesis = F.softmax(z, 0);
        p.print(hypothesis);
        p.print(hypothesis.sum());

        p.section("Cross Entropy Loss (Low-level)");
        z = Tensor.rand(3, 5).requiresGrad_();
        hypothesis = F.softmax(z, 1);
        p.print(hypothesis);
        Tensor y = Tensor.randint(0, 5, 3);
        p.print(y);
        Tensor yOneHot = Tensor.zerosLike(hypothesis);
        p.print(yOneHot.scatter_(1, y.unsqueeze(1), 1));
        Tensor cost = yOneHot.mul(hypothesis.log().neg()).sum(1).mean();
        p.print(cost);
        p.print(F.softmax(z, 1).log());
        p.print(z.logSoftmax(1));
        p.print(F.nllLoss(F.logSoftmax(z, 1), y));
        // Cross Entropy = log_softmax + nll_loss
        p.print(F.crossEntropy(z, y));

        Tensor xTrain = Tensor.tensor(new float[][] {
            {1, 2, 1, 1},
            {2, 1, 3, 2},
            {3, 1, 3, 4},
            {4, 1, 5, 5},
            {1, 7, 5, 5},
            {1, 2, 5, 6},
            {1, 6, 6, 6},
            {1, 7, 7, 7}
        });
        Tensor yTrain = Tensor.tensor(new long[] {2, 2, 2, 1, 1, 1, 0, 0});
        int nbEpochs = 1000;

        p.section("Training with F.cross_entropy");
        Tensor w = Tensor.zeros(4, 3).requiresGrad_();
        Tensor b = Tensor.zeros(1).requiresGrad_();
        SGD optimizer = new SGD(List.of(w, b), 0.1);
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            cost = F.crossEntropy(xTrain.matmul(w).add(b), yTrain);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            if (epoch % 100 == 0) {
                p.print(line(epoch, nbEpochs, cost));
            }
        }

        p.section("High-level Implementation with nn.Module");
        SoftmaxClassifierModel model = new SoftmaxClassifierModel(4, 3);
        SGD modelOptimizer = new SGD(model.parameters(), 0.1);
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            cost = F.crossEntropy(model.call(xTrain), yTrain);
            modelOptimizer.zeroGrad();
            cost.backward();
            modelOptimizer.step();
            if (epoch % 100 == 0) {
                p.print(line(epoch, nbEpochs, cost));
            }
        }
    }

    private static String line(int epoch, int nbEpochs, Tensor cost) {
        return Printer.format("Epoch: %4d/%d Cost: %s", epoch, nbEpochs, PyFormat.fixed(cost.item(), 6));
    }
}
