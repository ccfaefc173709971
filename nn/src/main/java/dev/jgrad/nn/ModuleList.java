package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Holds submodules in a list: PyTorch's {@code nn.ModuleList}. The modules are registered as
 * {@code 0}, {@code 1}, … (state-dict keys {@code layers.0.weight}), so their parameters belong to
 * the model that holds the list; the model's own {@code forward} decides how to call them:
 *
 * <pre>{@code
 * final ModuleList layers = registerModule("layers", new ModuleList());
 * for (Module layer : layers) { x = layer.call(x); }
 * }</pre>
 *
 * Like PyTorch's, it has no forward of its own.
 */
public final class ModuleList extends Module implements Iterable<Module> {
    /**
     * A list of the given modules, in order.
     *
     * @param modules the modules
     */
    public ModuleList(Module... modules) {
        extend(List.of(modules));
    }

    /**
     * Adds a module at the end, named by its position.
     *
     * @param module the module
     * @return this list
     */
    public ModuleList append(Module module) {
        requireModule(module);
        registerModule(Integer.toString(size()), module);
        return this;
    }

    /**
     * Adds modules at the end, in order.
     *
     * @param modules the modules
     * @return this list
     */
    public ModuleList extend(Iterable<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
        return this;
    }

    /**
     * Inserts a module before position {@code index}, renumbering the ones after it.
     *
     * @param index where it goes, in {@code [-size, size]} (negative counts from the end)
     * @param module the module
     * @return this list
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public ModuleList insert(int index, Module module) {
        int n = size();
        int at = index == n ? n : Sequential.checkIndex(index, n);
        List<Module> all = new ArrayList<>(children());
        all.add(at, requireModule(module));
        for (int i = at; i < all.size(); i++) {
            registerModule(Integer.toString(i), all.get(i));
        }
        return this;
    }

    /**
     * Replaces the module at {@code index}, PyTorch's {@code list[index] = module}.
     *
     * @param index the position (negative counts from the end)
     * @param module the new module
     * @return this list
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public ModuleList set(int index, Module module) {
        registerModule(Integer.toString(Sequential.checkIndex(index, size())), requireModule(module));
        return this;
    }

    /**
     * The module at {@code index}, PyTorch's {@code list[index]}.
     *
     * @param index the position (negative counts from the end)
     * @return the module
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public Module get(int index) {
        List<Module> c = children();
        return c.get(Sequential.checkIndex(index, c.size()));
    }

    /**
     * The module at {@code index}, checked to be a {@code type}.
     *
     * @param index the position (negative counts from the end)
     * @param type the class the module is expected to be
     * @param <M> the module's type
     * @return the module
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     * @throws IllegalArgumentException if the module there is of another class
     */
    public <M extends Module> M get(int index, Class<M> type) {
        return as(get(index), type, "module " + index + " of " + getName());
    }

    /**
     * The number of modules, {@code len(list)}.
     *
     * @return the number of modules
     */
    public int size() {
        return children().size();
    }

    /**
     * The modules in order.
     *
     * @return an iterator over a snapshot of the modules
     */
    @Override
    public Iterator<Module> iterator() {
        return Collections.unmodifiableList(children()).iterator();
    }

    /**
     * Fails, as in PyTorch: a ModuleList holds modules and is not called.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw missingForward(this);
    }

    /** The module, or an error for null: a list of modules has no None entries to count. */
    static Module requireModule(Module module) {
        if (module == null) {
            throw new IllegalArgumentException("a module container can't hold null");
        }
        return module;
    }

    /** PyTorch's error for calling a container that has no forward. */
    static UnsupportedOperationException missingForward(Module m) {
        return new UnsupportedOperationException("Module [" + m.getName() + "] is missing the required \"forward\""
                + " function: it holds modules; call them from the forward of the model that holds it");
    }
}
