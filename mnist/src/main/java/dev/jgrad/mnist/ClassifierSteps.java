package dev.jgrad.mnist;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.tensor.NDArray;

/**
 * The training step of a classifier, PyTorch's loop body {@code logits = model(x); loss =
 * F.cross_entropy(logits, y); optimizer.zero_grad(); loss.backward(); optimizer.step()}, with the
 * running totals of the steps taken: the summed loss, the correct predictions and the examples
 * seen. {@code ./jgrad train} and the Spark trainer's replicas both step through it.
 */
public final class ClassifierSteps {
    private final Module model;
    private final Optimizer optimizer;
    private double lossSum;
    private long correct;
    private long seen;
    private int steps;

    /**
     * Steps for {@code model}, updated by {@code optimizer} (which must hold its parameters).
     *
     * @param model the classifier: {@code [batch, features]} in, {@code [batch, classes]} logits out
     * @param optimizer the optimizer of the model's parameters
     */
    public ClassifierSteps(Module model, Optimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    /**
     * One step on a batch: forward, cross-entropy, zero the gradients, backward, optimizer step;
     * then adds the batch's loss, correct predictions (argmax of the logits) and size to the totals.
     *
     * @param x the inputs, {@code [batch, features]}
     * @param y the int64 class labels, {@code [batch]}
     */
    public void step(Tensor x, Tensor y) {
        Tensor logits = model.call(x);
        Tensor loss = F.crossEntropy(logits, y);
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        lossSum += loss.item();
        correct += correct(logits.data(), y.data());
        seen += y.data().size(0);
        steps++;
    }

    /**
     * How many of {@code logits}' rows have their largest value at the label's index.
     *
     * @param logits {@code [batch, classes]}
     * @param labels int64 {@code [batch]}
     * @return the count of correct predictions
     */
    public static long correct(NDArray logits, NDArray labels) {
        return logits.argmax(1).eq(labels).sum().itemLong();
    }

    /**
     * The totals of the steps taken so far.
     *
     * @return a snapshot of the totals
     */
    public Totals totals() {
        return new Totals(lossSum, correct, seen, steps);
    }

    /**
     * Running totals of a run of steps.
     *
     * @param lossSum the sum of the steps' mean batch losses
     * @param correct the correct predictions, each made before its step's update
     * @param seen the examples seen
     * @param steps the steps taken
     */
    public record Totals(double lossSum, long correct, long seen, int steps) {
        /**
         * The mean of the steps' batch losses.
         *
         * @return {@code lossSum / steps}, NaN before the first step
         */
        public double meanLoss() {
            return steps == 0 ? Double.NaN : lossSum / steps;
        }

        /**
         * The fraction of correct predictions.
         *
         * @return {@code correct / seen}, NaN before the first step
         */
        public double accuracy() {
            return seen == 0 ? Double.NaN : (double) correct / seen;
        }
    }
}
