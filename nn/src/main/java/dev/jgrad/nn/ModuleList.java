package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import java.util.ArrayList;
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
public final class ModuleList extends ModuleSequence {
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
        int at = index == n ? n : checkIndex(index, n);
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
        registerModule(Integer.toString(checkIndex(index, size())), requireModule(module));
        return this;
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
