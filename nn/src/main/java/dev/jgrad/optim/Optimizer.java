package dev.jgrad.optim;

import dev.jgrad.autograd.GradMode;
import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.utils.Grads;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.format.PyFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The base of the optimizers: PyTorch's {@code torch.optim.Optimizer}. It holds parameter groups
 * and per-parameter state, and updates the parameters' values in place: the tensors a model holds
 * stay the same objects, and a step allocates nothing for them once its state exists.
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    /** PyTorch's {@code optimizer.state}: per parameter, named tensors (momentum buffers, moments, step). */
    private final Map<Tensor, Map<String, NDArray>> state = new IdentityHashMap<>();
    /** Work buffers for one step, shaped like their parameter; not part of the state. */
    private final Map<Tensor, NDArray[]> scratch = new IdentityHashMap<>();

    /**
     * An optimizer over {@code groups}, each completed with {@code defaults}, as
     * {@code Optimizer.__init__(params, defaults)}.
     *
     * @param groups the parameter groups, at least one; their parameters must be leaf tensors, each in
     *     one group only
     * @param defaults the options groups get when they don't set them ({@code lr}, {@code momentum}, …)
     * @throws IllegalArgumentException if there are no groups or no parameters, a parameter is null
     *     or not a leaf, or a parameter appears twice
     */
    protected Optimizer(List<ParamGroup> groups, Map<String, Object> defaults) {
        this.defaults = new LinkedHashMap<>(defaults);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        for (ParamGroup g : groups) {
            add(g);
        }
    }

    static List<ParamGroup> single(Iterable<Tensor> params) {
        return List.of(new ParamGroup(params));
    }

    /**
     * Adds a group, PyTorch's {@code add_param_group}; options it doesn't set are taken from this
     * optimizer's defaults. Subclasses check their options when they are built, not here.
     *
     * @param group the group to add; its parameters must be leaf tensors that no other group holds
     * @throws IllegalArgumentException if a parameter is null, not a leaf or already in a group, or
     *     the first group is empty
     */
    public void addParamGroup(ParamGroup group) {
        add(group);
    }

    // The constructor's route: a subclass overriding addParamGroup is not yet initialized there.
    private void add(ParamGroup group) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParamGroup g : paramGroups) {
            seen.addAll(g.params());
        }
        for (Tensor p : group.params()) {
            if (p == null) {
                throw new IllegalArgumentException(
                        "optimizer can only optimize Tensors, but one of the params is null");
            }
            if (!p.isLeaf()) {
                throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException("some parameters appear in more than one parameter group");
            }
        }
        if (group.params().isEmpty() && paramGroups.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        defaults.forEach(group::setDefault);
        paramGroups.add(group);
    }

    /**
     * The parameter groups, PyTorch's {@code param_groups}; schedulers change their {@code lr}.
     *
     * @return an unmodifiable list of the groups themselves, in the order they were added
     */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /**
     * The defaults new groups get, PyTorch's {@code optimizer.defaults}.
     *
     * @return an unmodifiable view of the option names and values
     */
    public Map<String, Object> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /**
     * One update of every parameter that has a gradient, in place and without recording gradients:
     * PyTorch's {@code optimizer.step()}. Parameters without a gradient are left alone.
     */
    public abstract void step();

    /**
     * What this optimizer's state dict holds, checked by {@link #loadStateDict} and by
     * {@link OptimizerStateDict#load}; null (no checks beyond the structure) for an optimizer
     * defined outside this package.
     *
     * @return the schema, or null
     */
    OptimizerSchema schema() {
        return null;
    }

    /**
     * Drops the gradients (PyTorch 2's default, {@code set_to_none=True}): the next backward then
     * keeps its fresh gradient buffers instead of adding them into zeroed ones. {@code zeroGrad(false)}
     * zeroes them in place instead.
     */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * Zeroes the gradients of every group's parameters in place, or drops them, as
     * {@code optimizer.zero_grad(set_to_none)}.
     *
     * @param setToNone true to set the gradients to null, false to zero them in place
     */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup g : paramGroups) {
            Grads.zero(g.params(), setToNone);
        }
    }

    /**
     * A read-only view of one parameter's state, PyTorch's {@code optimizer.state[param]}: e.g.
     * SGD's {@code momentum_buffer}, Adam's {@code step}, {@code exp_avg} and {@code exp_avg_sq}.
     *
     * @param param one of the optimizer's parameters (looked up by identity)
     * @return the state tensors by name, live, not copies; empty before the parameter's first step or
     *     for a tensor the optimizer doesn't hold
     */
    public Map<String, NDArray> state(Tensor param) {
        Map<String, NDArray> s = state.get(param);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /**
     * Fails as PyTorch's optimizer constructors do, {@code Invalid <what>: <value>}, unless the
     * value is at least 0 (NaN fails too).
     *
     * @param what the option as PyTorch's message names it, e.g. {@code "learning rate"}
     * @param value the option's value
     * @throws IllegalArgumentException if the value is negative or NaN
     */
    static void requireNonNegative(String what, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + PyFormat.repr(value));
        }
    }

    /**
     * Runs {@code update} on every parameter that has a gradient, group by group, without recording
     * gradients: the loop of an optimizer's {@link #step()}.
     *
     * @param update what one step does to one parameter, given its group (for the options)
     */
    protected final void forEachParameterWithGrad(BiConsumer<ParamGroup, Tensor> update) {
        // A plain try/finally: the scope is used only for its close, which try-with-resources lints.
        GradMode.Scope noGrad = Tensor.noGrad();
        try {
            for (ParamGroup group : paramGroups) {
                for (Tensor p : group.params()) {
                    if (p.grad() != null) {
                        update.accept(group, p);
                    }
                }
            }
        } finally {
            noGrad.close();
        }
    }

    /**
     * The parameter's mutable state, created empty on first use; what {@link #stateDict()} saves.
     *
     * @param param one of the optimizer's parameters (looked up by identity)
     * @return the live state map, for the subclass to read and fill
     */
    protected Map<String, NDArray> stateOf(Tensor param) {
        return state.computeIfAbsent(param, k -> new LinkedHashMap<>());
    }

    /**
     * Work buffer {@code slot} for {@code param}, allocated on first use and reused by every step;
     * not part of the state. Its contents are left over from the last use.
     *
     * @param param one of the optimizer's parameters (looked up by identity)
     * @param slot 0 or 1
     * @return an array of the parameter's shape and dtype
     * @throws ArrayIndexOutOfBoundsException if {@code slot} is not 0 or 1
     */
    protected NDArray scratch(Tensor param, int slot) {
        NDArray[] bufs = scratch.computeIfAbsent(param, k -> new NDArray[2]);
        if (bufs[slot] == null) {
            NDArray d = param.data();
            bufs[slot] = NDArray.empty(d.dtype(), d.shape().toArray());
        }
        return bufs[slot];
    }

    // ---------------------------------------------------------------- state dict

    /**
     * A snapshot of the optimizer: per parameter index (counted across groups in order) its state
     * tensors, copied, and per group its options with {@code params} as indices. Load it with
     * {@link #loadStateDict} into an optimizer built over the same parameters to resume exactly.
     * PyTorch's {@code optimizer.state_dict()}.
     *
     * @return a new state dict; changing it doesn't change this optimizer
     */
    public OptimizerStateDict stateDict() {
        Map<Integer, Map<String, Tensor>> packedState = new LinkedHashMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        int index = 0;
        for (ParamGroup g : paramGroups) {
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                Map<String, NDArray> s = state.get(p);
                if (s != null && !s.isEmpty()) {
                    Map<String, Tensor> copy = new LinkedHashMap<>();
                    s.forEach((k, v) -> copy.put(k, Tensor.of(v.clone())));
                    packedState.put(index, copy);
                }
                ids.add(index++);
            }
            Map<String, Object> options = g.options();
            options.put("params", List.copyOf(ids));
            groups.add(options);
        }
        return new OptimizerStateDict(packedState, groups, schema() == null ? null : schema().name);
    }

    /**
     * Restores a {@link #stateDict()}: the groups' options and the per-parameter state, copied and
     * cast to each parameter's floating-point dtype (except {@code step}, as in PyTorch). PyTorch's
     * {@code optimizer.load_state_dict(state_dict)}; the state it replaces is dropped. Everything is
     * checked first against what this optimizer expects (the options' types and ranges, the state
     * tensors' names and shapes), so that a bad state dict fails here and never in {@link #step()}.
     *
     * @param stateDict a state dict from {@link #stateDict()} or {@link OptimizerStateDict#load}, taken
     *     over the same parameters in the same groups
     * @throws IllegalArgumentException if the state dict was made by another optimizer, or the number
     *     of groups, a group's size, a state's parameter index, an option or a state tensor doesn't fit
     *     this optimizer (naming the key and the expectation)
     */
    public void loadStateDict(OptimizerStateDict stateDict) {
        OptimizerSchema schema = schema();
        if (schema != null
                && stateDict.optimizer() != null
                && !stateDict.optimizer().equals(schema.name)) {
            throw new IllegalArgumentException(
                    "loaded state dict was made by " + stateDict.optimizer() + ", not by " + schema.name);
        }
        List<Map<String, Object>> saved = stateDict.paramGroups();
        if (saved.size() != paramGroups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups");
        }
        List<Tensor> byIndex = new ArrayList<>();
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            Object ids = saved.get(i).get("params");
            int n = ids instanceof List ? ((List<?>) ids).size() : -1;
            if (n != paramGroups.get(i).params().size()) {
                throw new IllegalArgumentException(
                        "loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
            }
            byIndex.addAll(paramGroups.get(i).params());
            Map<String, Object> groupOptions = new LinkedHashMap<>(saved.get(i));
            groupOptions.remove("params");
            String prefix = "param_groups." + i;
            options.add(schema == null ? groupOptions : checked(() -> schema.checkGroup(prefix, groupOptions)));
        }
        Map<Tensor, Map<String, NDArray>> restored = new IdentityHashMap<>();
        for (Map.Entry<Integer, Map<String, Tensor>> e : stateDict.state().entrySet()) {
            int id = e.getKey();
            if (id < 0 || id >= byIndex.size()) {
                throw new IllegalArgumentException("loaded state dict has state for parameter " + id
                        + " but the optimizer has " + byIndex.size() + " parameters");
            }
            Tensor p = byIndex.get(id);
            if (schema != null) {
                checked(() -> {
                    schema.checkState(
                            "state." + id,
                            OptimizerStateDict.arrays(e.getValue()),
                            p.data().shape().toArray());
                    return null;
                });
            }
            Map<String, NDArray> s = new LinkedHashMap<>();
            e.getValue().forEach((k, v) -> {
                NDArray value = v.data();
                if (!k.equals("step") && p.dtype().isFloatingPoint() && value.dtype() != p.dtype()) {
                    value = value.to(p.dtype());
                }
                s.put(k, value.clone());
            });
            restored.put(p, s);
        }
        state.clear();
        state.putAll(restored);
        for (int i = 0; i < saved.size(); i++) {
            ParamGroup g = paramGroups.get(i);
            options.get(i).forEach(g::set);
        }
    }

    /** Runs a schema check, turning its failure into the IllegalArgumentException of {@link #loadStateDict}. */
    private static <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (OptimizerSchema.Invalid e) {
            throw new IllegalArgumentException("loaded state dict: " + e.key + ": " + e.getMessage(), e);
        }
    }

    /**
     * PyTorch's repr: {@code SGD (\nParameter Group 0\n    lr: 0.1\n    ...\n)}, options sorted by name.
     *
     * @return the repr, one line per group option
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (");
        for (int i = 0; i < paramGroups.size(); i++) {
            sb.append("\nParameter Group ").append(i).append('\n');
            paramGroups.get(i).options().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> sb.append("    ")
                            .append(e.getKey())
                            .append(": ")
                            .append(Options.repr(e.getValue()))
                            .append('\n'));
        }
        return sb.append(')').toString();
    }
}
