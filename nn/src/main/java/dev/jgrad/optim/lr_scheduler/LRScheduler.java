package dev.jgrad.optim.lr_scheduler;

import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.ParamGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The base of the learning-rate schedulers: PyTorch's {@code lr_scheduler._LRScheduler}. Building
 * one records each group's {@code initial_lr} and takes the first {@link #step()} (epoch 0); call
 * {@code step()} once per epoch after {@code optimizer.step()}.
 */
public abstract class LRScheduler {
    /** The optimizer whose groups' learning rates this scheduler sets. */
    protected final Optimizer optimizer;
    /** Each group's {@code initial_lr}, PyTorch's {@code base_lrs}. */
    protected double[] baseLrs;
    /** The epoch the current learning rates belong to, PyTorch's {@code last_epoch}: 0 after construction. */
    protected int lastEpoch;

    private int stepCount;
    private double[] lastLr;
    /** The state dict's entries, in order: the base's, then those the subclass adds with {@link #saved}. */
    private final Map<String, Saved> entries = new LinkedHashMap<>();

    /** One state dict entry: its value now, and how a loaded value is put back. */
    private record Saved(Supplier<Object> get, Consumer<Object> set) {}

    /**
     * Records each group's {@code initial_lr} (from its {@code lr}, when starting afresh) as the base
     * learning rates. Subclasses then call {@link #initialStep()}.
     *
     * @param optimizer the optimizer whose groups' {@code lr} this scheduler sets
     * @param lastEpoch the index of the last epoch, -1 to start afresh; any other value resumes and
     *     needs each group's {@code initial_lr}
     * @throws IllegalArgumentException if {@code lastEpoch != -1} and a group has no {@code initial_lr}
     */
    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch == -1) {
            for (ParamGroup g : groups) {
                if (!g.has("initial_lr")) {
                    g.set("initial_lr", g.lr());
                }
            }
        } else {
            for (int i = 0; i < groups.size(); i++) {
                if (!groups.get(i).has("initial_lr")) {
                    throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups[" + i
                            + "] when resuming an optimizer");
                }
            }
        }
        this.baseLrs = new double[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            baseLrs[i] = groups.get(i).getDouble("initial_lr");
        }
        this.lastEpoch = lastEpoch;
        saved("base_lrs", () -> baseLrs.clone(), v -> baseLrs = ((double[]) v).clone());
        saved("last_epoch", () -> this.lastEpoch, v -> this.lastEpoch = ((Number) v).intValue());
        saved("_step_count", () -> stepCount, v -> stepCount = ((Number) v).intValue());
        saved("_last_lr", () -> lastLr.clone(), v -> lastLr = ((double[]) v).clone());
    }

    /**
     * Adds an entry to this scheduler's state dict: {@link #stateDict()} saves {@code get}'s value
     * under {@code key}, and {@link #loadStateDict} hands the loaded value to {@code set}. Subclasses
     * declare their settings this way in their constructor, e.g. StepLR's {@code step_size}.
     *
     * @param key the entry's name, PyTorch's attribute name
     * @param get the value to save (a copy, for an array)
     * @param set puts a loaded value back, converting it (a {@code Number} to the field's type)
     */
    protected final void saved(String key, Supplier<Object> get, Consumer<Object> set) {
        entries.put(key, new Saved(get, set));
    }

    /** Subclasses call this at the end of their constructor: PyTorch's {@code _initial_step}. */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /**
     * The learning rates for {@link #lastEpoch}, from the groups' current ones (PyTorch's chainable
     * form, {@code get_lr()}).
     *
     * @return one learning rate per group, in order; a new array
     */
    protected abstract double[] getLr();

    /**
     * Advances one epoch and sets each group's {@code lr}, PyTorch's {@code scheduler.step()}: call
     * it once per epoch, after {@code optimizer.step()}.
     */
    public void step() {
        stepCount++;
        lastEpoch++;
        double[] values = getLr();
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).setLr(values[i]);
        }
        lastLr = lrs(optimizer);
    }

    /**
     * The learning rates the last {@link #step()} set, PyTorch's {@code get_last_lr()}.
     *
     * @return one learning rate per group, in order; a copy
     */
    public double[] getLastLr() {
        return lastLr.clone();
    }

    /**
     * The epoch the current learning rates belong to, PyTorch's {@code last_epoch}.
     *
     * @return 0 after construction (from -1), one more after each {@link #step()}
     */
    public int lastEpoch() {
        return lastEpoch;
    }

    /**
     * How many times {@link #step()} ran, the constructor's included (PyTorch's {@code _step_count}).
     *
     * @return the number of steps taken
     */
    protected int stepCount() {
        return stepCount;
    }

    /**
     * The current group learning rates.
     *
     * @return each group's {@code lr}, in order; a new array
     */
    protected double[] groupLrs() {
        return lrs(optimizer);
    }

    /**
     * The current group learning rates, each times {@code factor}: the step of a chainable schedule
     * (StepLR's gamma, LinearLR's ratio); a factor of 1 leaves them as they are.
     *
     * @param factor what every group's {@code lr} is multiplied by
     * @return each group's new {@code lr}, in order; a new array
     */
    protected final double[] scaledGroupLrs(double factor) {
        double[] lrs = groupLrs();
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] *= factor;
        }
        return lrs;
    }

    /** Each of the optimizer's groups' {@code lr}, in order; a new array (also what ReduceLROnPlateau reads). */
    static double[] lrs(Optimizer optimizer) {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] out = new double[groups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = groups.get(i).lr();
        }
        return out;
    }

    /**
     * The scheduler's state: PyTorch's {@code state_dict()}, everything but the optimizer.
     *
     * @return a new map: {@code base_lrs}, {@code last_epoch}, {@code _step_count}, {@code _last_lr}
     *     and the subclass's settings
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> s = new LinkedHashMap<>();
        entries.forEach((key, entry) -> s.put(key, entry.get().get()));
        saveExtra(s);
        return s;
    }

    /**
     * Restores a {@link #stateDict()}, e.g. into a scheduler built over a reloaded optimizer;
     * PyTorch's {@code load_state_dict}. The groups' {@code lr} are not changed.
     *
     * @param state a map from {@link #stateDict()} of a scheduler of the same class
     * @throws NullPointerException if an entry is missing
     * @throws ClassCastException if an entry has the wrong type
     */
    public void loadStateDict(Map<String, Object> state) {
        entries.forEach((key, entry) ->
                entry.set().accept(Objects.requireNonNull(state.get(key), () -> "scheduler state dict has no " + key)));
        loadExtra(state);
    }

    /**
     * Adds what a subclass did not declare with {@link #saved} to a state dict being built, after
     * the declared entries; nothing by default.
     *
     * @param state the state dict to add to
     */
    protected void saveExtra(Map<String, Object> state) {}

    /**
     * Restores what {@link #saveExtra} added, after the declared entries are restored; nothing by
     * default.
     *
     * @param state the state dict to read
     */
    protected void loadExtra(Map<String, Object> state) {}
}
