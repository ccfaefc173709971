package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

import java.util.List;

/**
 * Runs its modules one after another: PyTorch's {@code nn.Sequential}. The modules are named
 * {@code 0}, {@code 1}, … so that state-dict keys are PyTorch's ({@code 0.weight}, {@code 2.bias}).
 */
public final class Sequential extends Module {
    public Sequential(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** Adds a module at the end, named by its position. */
    public Sequential append(Module module) {
        registerModule(Integer.toString(children().size()), module);
        return this;
    }

    /** The module at {@code index} (negative counts from the end). */
    public Module get(int index) {
        List<Module> c = children();
        int i = index < 0 ? index + c.size() : index;
        if (i < 0 || i >= c.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return c.get(i);
    }

    /** The number of modules. */
    public int size() {
        return children().size();
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : children()) {
            x = m.call(x);
        }
        return x;
    }
}
