package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

/**
 * Runs its modules one after another: PyTorch's {@code nn.Sequential}. The modules are named
 * {@code 0}, {@code 1}, … so that state-dict keys are PyTorch's ({@code 0.weight}, {@code 2.bias}).
 * Each module gets one tensor and passes one on (see {@link Module} on inputs and outputs).
 *
 * <p>{@code model[0].weight} is {@code model.get(0, Linear.class).weight}; {@code for layer in model}
 * is {@code for (Module layer : model)}.
 */
public final class Sequential extends ModuleSequence {
    /**
     * A Sequential of {@code modules}, in order, {@code nn.Sequential(*modules)}.
     *
     * @param modules the modules to run, first to last
     */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /**
     * Adds a module at the end, named by its position, as {@code Sequential.append}.
     *
     * @param module the module to run after the current last one
     * @return this Sequential
     */
    public Sequential append(Module module) {
        registerModule(Integer.toString(children().size()), module);
        return this;
    }

    /**
     * Feeds {@code input} through every module in order, each one's output the next one's input.
     *
     * @param input the first module's input
     * @return the last module's output ({@code input} itself when the Sequential is empty)
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : children()) {
            x = m.call(x);
        }
        return x;
    }
}
