package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;

/**
 * The tutorial's one-layer models ({@code MultivariateLinearRegressionModel},
 * {@code SoftmaxClassifierModel}): one {@code nn.Linear} registered as {@code linear}, and a forward
 * that is that layer alone. Each lab subclasses it under the tutorial's class name, which is the
 * name the model prints.
 */
abstract class LinearModel extends Module {
    final Linear linear;

    LinearModel(int inFeatures, int outFeatures) {
        linear = registerModule("linear", new Linear(inFeatures, outFeatures));
    }

    @Override
    public Tensor forward(Tensor x) {
        return linear.call(x);
    }
}
