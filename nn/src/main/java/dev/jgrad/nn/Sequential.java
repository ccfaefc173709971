package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Runs its modules one after another: PyTorch's {@code nn.Sequential}. The modules are named
 * {@code 0}, {@code 1}, … so that state-dict keys are PyTorch's ({@code 0.weight}, {@code 2.bias}).
 * Each module gets one tensor and passes one on (see {@link Module} on inputs and outputs).
 *
 * <p>{@code model[0].weight} is {@code model.get(0, Linear.class).weight}; {@code for layer in model}
 * is {@code for (Module layer : model)}.
 */
public final class Sequential extends Module implements Iterable<Module> {
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
        return c.get(checkIndex(index, c.size()));
    }

    /**
     * The module at {@code index}, checked to be a {@code type}: PyTorch's {@code model[0]} with the
     * type Java needs to reach its fields, {@code model.get(0, Linear.class).weight}.
     *
     * @param index the position (negative counts from the end)
     * @param type the class the module is expected to be
     * @param <M> the module's type
     * @return the module at {@code index}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     * @throws IllegalArgumentException if the module there is of another class
     */
    public <M extends Module> M get(int index, Class<M> type) {
        return as(get(index), type, "module " + index + " of " + getName());
    }

    /** The index in {@code [0, size)} that {@code index} (negative counts from the end) names, as PyTorch checks it. */
    static int checkIndex(int index, int size) {
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return i;
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
     * The modules in order, {@code for layer in model}.
     *
     * @return an iterator over a snapshot of the modules
     */
    @Override
    public Iterator<Module> iterator() {
        return Collections.unmodifiableList(children()).iterator();
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
