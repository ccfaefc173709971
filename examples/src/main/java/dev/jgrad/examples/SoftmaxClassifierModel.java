package dev.jgrad.examples;

/** The tutorial's {@code class SoftmaxClassifierModel(nn.Module)}: one Linear(features, classes) (labs 06, 07-1). */
final class SoftmaxClassifierModel extends LinearModel {
    SoftmaxClassifierModel(int features, int classes) {
        super(features, classes);
    }
}
