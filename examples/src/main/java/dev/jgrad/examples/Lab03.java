package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.format.PyFormat;

/**
 * Lab-03, Deeper look at gradient descent: H(x) = Wx fitted first with the gradient written by
 * hand, then with autograd and an SGD step, printing W and the cost at every step as the
 * tutorial does ({@code f"{epoch:04d}/{nb_epochs} W: {W.item():.3f}, Cost: {cost.item():.6f}"}).
 */
public final class Lab03 {
    private Lab03() {}

    public static void main(String[] args) {
        Printer p = Printer.lab(System.out, "Lab-03 Deeper Look at GD");
        Tensor xTrain = Tensor.tensor(new float[][] {{1}, {2}, {3}});
        Tensor yTrain = Tensor.tensor(new float[][] {{1}, {2}, {3}});

        p.section("Full Code");
        Tensor w = Tensor.zeros(1);
        double lr = 0.1;
        int nbEpochs = 10;
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            Tensor hypothesis = xTrain.mul(w);
            Tensor cost = hypothesis.sub(yTrain).pow(2).mean();
            Tensor gradient = w.mul(xTrain).sub(yTrain).mul(xTrain).sum();
            p.print(line(epoch, nbEpochs, w, cost));
            // W -= lr * gradient
            w.sub_(gradient.mul(lr));
        }

        p.section("Full Code with torch.optim");
        w = Tensor.zeros(1).requiresGrad_();
        double sgdLr = 0.15;
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            Tensor hypothesis = xTrain.mul(w);
            Tensor cost = hypothesis.sub(yTrain).pow(2).mean();
            p.print(line(epoch, nbEpochs, w, cost));
            // optimizer.zero_grad(); cost.backward(); optimizer.step()
            w.setGrad(null);
            cost.backward();
            Sgd.step(sgdLr, w);
        }
    }

    private static String line(int epoch, int nbEpochs, Tensor w, Tensor cost) {
        return Printer.format(
                "%04d/%d W: %s, Cost: %s",
                epoch, nbEpochs, PyFormat.fixed(w.item(), 3), PyFormat.fixed(cost.item(), 6));
    }
}
