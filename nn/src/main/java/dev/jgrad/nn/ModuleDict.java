package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds submodules by name, in insertion order: PyTorch's {@code nn.ModuleDict}. The names are the
 * modules' state-dict prefixes ({@code heads.cls.weight}); a name may not be empty nor contain a dot.
 * Like PyTorch's, it has no forward of its own.
 */
public final class ModuleDict extends Module {
    /** An empty dict. */
    public ModuleDict() {}

    /**
     * A dict of the given modules, in the map's iteration order (use a LinkedHashMap to fix it).
     *
     * @param modules the modules by name
     */
    public ModuleDict(Map<String, ? extends Module> modules) {
        update(modules);
    }

    /**
     * Adds or replaces the module under {@code key}, PyTorch's {@code dict[key] = module}.
     *
     * @param key the name
     * @param module the module
     * @return this dict
     * @throws IllegalArgumentException if the name is empty or contains a dot
     */
    public ModuleDict put(String key, Module module) {
        registerModule(key, ModuleList.requireModule(module));
        return this;
    }

    /**
     * Adds or replaces every entry of {@code modules}, PyTorch's {@code update}.
     *
     * @param modules the modules by name
     * @return this dict
     */
    public ModuleDict update(Map<String, ? extends Module> modules) {
        modules.forEach(this::put);
        return this;
    }

    /**
     * The module under {@code key}, PyTorch's {@code dict[key]}.
     *
     * @param key the name
     * @return the module
     * @throws IllegalArgumentException if there is no such key
     */
    public Module get(String key) {
        Module m = namedChildren().get(key);
        if (m == null) {
            throw new IllegalArgumentException("ModuleDict has no key '" + key + "'; its keys are " + keys());
        }
        return m;
    }

    /**
     * The module under {@code key}, checked to be a {@code type}.
     *
     * @param key the name
     * @param type the class the module is expected to be
     * @param <M> the module's type
     * @return the module
     * @throws IllegalArgumentException if there is no such key or the module is of another class
     */
    public <M extends Module> M get(String key, Class<M> type) {
        return as(get(key), type, "module '" + key + "' of " + getName());
    }

    /**
     * Whether a module is stored under {@code key}, PyTorch's {@code key in dict}.
     *
     * @param key the name
     * @return whether it is there
     */
    public boolean containsKey(String key) {
        return namedChildren().containsKey(key);
    }

    /**
     * The names, in insertion order.
     *
     * @return a new list of the names
     */
    public List<String> keys() {
        return new ArrayList<>(namedChildren().keySet());
    }

    /**
     * The modules, in insertion order.
     *
     * @return a new list of the modules
     */
    public List<Module> values() {
        return children();
    }

    /**
     * The entries, in insertion order, PyTorch's {@code items()}.
     *
     * @return a new map of the names to the modules
     */
    public Map<String, Module> items() {
        return namedChildren();
    }

    /**
     * The number of modules, {@code len(dict)}.
     *
     * @return the number of modules
     */
    public int size() {
        return children().size();
    }

    /**
     * Fails, as in PyTorch: a ModuleDict holds modules and is not called.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw ModuleList.missingForward(this);
    }
}
