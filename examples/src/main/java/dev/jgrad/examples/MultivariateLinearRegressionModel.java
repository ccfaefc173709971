package dev.jgrad.examples;

/** The tutorial's {@code class MultivariateLinearRegressionModel(nn.Module)}: one Linear(3, 1) (labs 04-1, 04-2, 07-1). */
final class MultivariateLinearRegressionModel extends LinearModel {
    MultivariateLinearRegressionModel() {
        super(3, 1);
    }
}
