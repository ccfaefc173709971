package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.format.PyFormat;
import java.util.List;

/**
 * Lab-05, Logistic regression: the hypothesis and the binary cross entropy by hand and with
 * {@code F.binary_cross_entropy}, training from zeros (the tutorial's digits), evaluation, then the
 * {@code BinaryClassifier} module from nn.Linear's random start.
 */
public final class Lab05 {
    private Lab05() {}

    /** {@code class BinaryClassifier(nn.Module)}: Linear(2, 1) then Sigmoid. */
    static final class BinaryClassifier extends Module {
        final Linear linear = registerModule("linear", new Linear(2, 1));
        final Sigmoid sigmoid = registerModule("sigmoid", new Sigmoid());

        @Override
        public Tensor forward(Tensor x) {
            return sigmoid.call(linear.call(x));
        }
    }

    public static void main(String[] args) {
        Printer p = Printer.lab(System.out, "Lab-05 Logistic Regression");
        Generator.manualSeed(1); // torch.manual_seed(1)
        Tensor xTrain = Tensor.tensor(new float[][] {{1, 2}, {2, 3}, {3, 1}, {4, 3}, {5, 3}, {6, 2}});
        Tensor yTrain = Tensor.tensor(new float[][] {{0}, {0}, {0}, {1}, {1}, {1}});
        p.print(xTrain.shape());
        p.print(yTrain.shape());

        p.section("Computing the Hypothesis");
        Tensor w = Tensor.zeros(2, 1).requiresGrad_();
        Tensor b = Tensor.zeros(1).requiresGrad_();
        Tensor hypothesis = xTrain.matmul(w).add(b).sigmoid();
        p.print(hypothesis);
        p.print(hypothesis.shape());

        p.section("Computing the Cost Function");
        p.print(hypothesis);
        p.print(yTrain);
        // -(y * log(h) + (1 - y) * log(1 - h))
        Tensor losses = yTrain.mul(hypothesis.log())
                .add(yTrain.neg().add(1).mul(hypothesis.neg().add(1).log()))
                .neg();
        p.print(losses);
        Tensor cost = losses.mean();
        p.print(cost);
        p.print(F.binaryCrossEntropy(hypothesis, yTrain));

        p.section("Train");
        SGD optimizer = new SGD(List.of(w, b), 1);
        int nbEpochs = 1000;
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            hypothesis = xTrain.matmul(w).add(b).sigmoid();
            cost = F.binaryCrossEntropy(hypothesis, yTrain);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            if (epoch % 100 == 0) {
                p.print(Printer.format("Epoch %4d/%d Cost: %s", epoch, nbEpochs, PyFormat.repr(cost.item())));
            }
        }

        p.section("Evaluation");
        hypothesis = xTrain.matmul(w).add(b).sigmoid();
        p.print(hypothesis.slice(0, 0, 5));
        Tensor pred = hypothesis.ge(Tensor.tensor(new float[] {0.5f}));
        p.print(pred.slice(0, 0, 5));
        p.print(pred.slice(0, 0, 5).toFloat());
        p.print(yTrain.slice(0, 0, 5));
        p.print(pred.slice(0, 0, 5).toFloat().eq(yTrain.slice(0, 0, 5)));

        p.section("Higher Implementation with Class");
        BinaryClassifier model = new BinaryClassifier();
        SGD modelOptimizer = new SGD(model.parameters(), 1);
        nbEpochs = 100;
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            hypothesis = model.call(xTrain);
            cost = F.binaryCrossEntropy(hypothesis, yTrain);
            modelOptimizer.zeroGrad();
            cost.backward();
            modelOptimizer.step();
            if (epoch % 10 == 0) {
                Tensor correct = hypothesis
                        .ge(Tensor.tensor(new float[] {0.5f}))
                        .toFloat()
                        .eq(yTrain);
                double acc = correct.sum().item() / correct.size(0);
                p.print(Printer.format(
                        "Epoch %4d/%d Cost: %s ACC: %s%%",
                        epoch, nbEpochs, PyFormat.fixed(cost.item(), 6), PyFormat.fixed(acc, 2)));
            }
        }
    }
}
