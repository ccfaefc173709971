package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import java.util.Objects;

/**
 * The base of the loss modules: PyTorch's {@code nn.modules.loss._Loss}. A loss is a module of two
 * inputs, {@code criterion.call(input, target)}, as {@code criterion(input, target)} in PyTorch
 * (see {@link BiModule}); it computes the matching function of {@link F} with its options.
 * Like PyTorch's, it prints without its options ({@code CrossEntropyLoss()}); weights given to a
 * loss are buffers, so they are in its state dict under {@code weight} and {@code pos_weight}.
 */
public abstract class Loss extends BiModule<Tensor> {
    /** How the per-element losses combine. */
    public final Reduction reduction;

    /**
     * A loss with the given reduction.
     *
     * @param reduction how the per-element losses combine
     */
    protected Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /**
     * The loss of {@code input} against {@code target}.
     *
     * @param input the model's output
     * @param target what it should have been
     * @return the loss, 0-dim unless the reduction is {@code NONE}
     */
    @Override
    public abstract Tensor forward(Tensor input, Tensor target);
}
