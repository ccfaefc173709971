package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import java.util.function.UnaryOperator;

/**
 * A module whose forward is one function of {@link F} with settings fixed when it is built (ELU's
 * alpha, Softmax's dim), and whose repr is those settings: the shared body of the small stateless
 * layers. Each layer keeps its settings in its own public fields; this class only runs the function
 * it was given (one call per forward, no per-element work) and prints the settings.
 */
abstract class FunctionModule extends Module {
    private final String settings;
    private final UnaryOperator<Tensor> function;

    /**
     * A module running {@code function}.
     *
     * @param settings the layer's settings as PyTorch's {@code extra_repr} prints them, e.g. {@code dim=1}
     * @param function the layer's forward, e.g. {@code input -> F.softmax(input, dim)}
     */
    FunctionModule(String settings, UnaryOperator<Tensor> function) {
        this.settings = settings;
        this.function = function;
    }

    /**
     * Applies this layer's function of {@link F}; see the layer's class comment.
     *
     * @param input a tensor the function takes
     * @return the function's result
     */
    @Override
    public Tensor forward(Tensor input) {
        return function.apply(input);
    }

    /**
     * The repr's settings, e.g. {@code alpha=1.0}.
     *
     * @return the settings as PyTorch prints them
     */
    @Override
    public String extraRepr() {
        return settings;
    }
}
