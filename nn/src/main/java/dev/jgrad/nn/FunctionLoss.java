package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * A loss whose forward is one loss function of {@link F} with this module's reduction and settings
 * fixed when it is built: the shared body of {@link L1Loss}, {@link MSELoss}, {@link HuberLoss} and
 * their kin. Each loss keeps its settings in its own public fields; this class only runs the function.
 */
abstract class FunctionLoss extends Loss {
    /** One of F's losses, given the module's reduction. */
    @FunctionalInterface
    interface Function {
        /**
         * The loss of {@code input} against {@code target}.
         *
         * @param input the prediction
         * @param target the target
         * @param reduction how the per-element losses combine
         * @return the loss
         */
        Tensor apply(Tensor input, Tensor target, Reduction reduction);
    }

    private final Function function;

    /**
     * A loss running {@code function} with {@code reduction}.
     *
     * @param reduction how the per-element losses combine
     * @param function the loss, e.g. {@code F::mseLoss}
     * @throws NullPointerException if the reduction is null
     */
    FunctionLoss(Reduction reduction, Function function) {
        super(reduction);
        this.function = function;
    }

    /**
     * Applies this loss's function of {@link F} with its reduction; see the loss's class comment.
     *
     * @param input the prediction
     * @param target the target, as the function takes it
     * @return the reduced loss (a 0-dim tensor), or the per-element losses with {@code NONE}
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return function.apply(input, target, reduction);
    }
}
