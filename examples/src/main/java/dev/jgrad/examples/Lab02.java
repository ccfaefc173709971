package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.format.PyFormat;

/**
 * Lab-02, Linear regression: H(x) = Wx + b fitted by gradient descent on the mean squared error,
 * printing the cost every 100 epochs as the tutorial does ({@code f"{cost.item():.3f}"}).
 */
public final class Lab02 {
    private Lab02() {}

    public static void main(String[] args) {
        Printer p = Printer.lab(System.out, "Lab-02 Linear regression");
        p.section("Full Training Code");
        // x_train = torch.FloatTensor([[1], [2], [3]]); y_train = torch.FloatTensor([[2], [4], [6]])
        Tensor xTrain = Tensor.tensor(new float[][] {{1}, {2}, {3}});
        Tensor yTrain = Tensor.tensor(new float[][] {{2}, {4}, {6}});
        // W = torch.zeros(1, requires_grad=True); b = torch.zeros(1, requires_grad=True)
        Tensor w = Tensor.zeros(1).requiresGrad_();
        Tensor b = Tensor.zeros(1).requiresGrad_();
        double lr = 0.01;

        int nbEpochs = 1000;
        for (int epoch = 1; epoch <= nbEpochs; epoch++) {
            Tensor hypothesis = xTrain.mul(w).add(b);
            Tensor cost = hypothesis.sub(yTrain).pow(2).mean();

            // optimizer.zero_grad(); cost.backward(); optimizer.step()  (SGD, written out)
            w.setGrad(null);
            b.setGrad(null);
            cost.backward();
            Sgd.step(lr, w, b);

            if (epoch % 100 == 0) {
                p.print(PyFormat.fixed(cost.item(), 3));
            }
        }
    }
}
