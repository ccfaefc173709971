package dev.jgrad.nn;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * What {@link Sequential} and {@link ModuleList} share: their children in order, reached by
 * position as PyTorch's {@code seq[i]} and {@code len(seq)}, and iterated as {@code for m in seq}.
 * Children are registered under their position, "0", "1", …, by the subclass.
 */
abstract class ModuleSequence extends Module implements Iterable<Module> {
    /** An empty sequence; the subclass registers its children. */
    ModuleSequence() {}

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
     * @return how many modules this sequence holds
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
}
