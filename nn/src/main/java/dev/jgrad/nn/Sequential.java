package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;

import java.util.List;

/**
 * Runs its modules one after another: PyTorch's {@code nn.Sequential}. The modules are named
 * {@code 0}, {@code 1}, … so that state-dict keys are PyTorch's ({@code 0.weight}, {@code 2.bias}).
 */
public final class Sequential extends Module {
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
     * The module at {@code index}, PyTorch's {@code seq[index]}.
     *
     * @param index the position, negative counting from the end ({@code -1} is the last)
     * @return the module at that position
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [-size(), size())}
     */
    public Module get(int index) {
        List<Module> c = children();
        int i = index < 0 ? index + c.size() : index;
        if (i < 0 || i >= c.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return c.get(i);
    }

    /**
     * The number of modules, {@code len(seq)}.
     *
     * @return how many modules this Sequential runs
     */
    public int size() {
        return children().size();
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
