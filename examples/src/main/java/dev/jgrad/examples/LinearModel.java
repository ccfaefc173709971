package dev.jgrad.examples;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;

/**
 * The tutorial's one-layer models ({@code MultivariateLinearRegressionModel},
 * {@code SoftmaxClassifierModel}): one {@code nn.Linear} registered as {@code linear}, and a forward
 * that is that layer alone. Its subclasses carry the tutorial's class names, which are the names
 * the models print; the labs share them as the tutorial's notebooks repeat them.
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
