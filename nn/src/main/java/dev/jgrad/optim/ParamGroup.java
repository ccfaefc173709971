package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of an optimizer's parameter groups: PyTorch's {@code param_groups[i]} dict, a list of
 * parameters with their own options ({@code lr}, {@code momentum}, {@code betas}, …). Options a
 * group doesn't set come from the optimizer's defaults when it is added.
 *
 * <pre>{@code
 * new SGD(List.of(ParamGroup.of(model.base.parameters()),
 *                 ParamGroup.of(model.head.parameters()).set("lr", 1e-3)), 1e-2);
 * }</pre>
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options = new LinkedHashMap<>();

    /**
     * A group of {@code params} with no options of its own yet: {@code {'params': params}}.
     *
     * @param params the parameters, in order; copied into an unmodifiable list (the optimizer checks them)
     */
    public ParamGroup(Iterable<Tensor> params) {
        List<Tensor> list = new ArrayList<>();
        for (Tensor p : params) {
            list.add(p);
        }
        this.params = Collections.unmodifiableList(list);
    }

    /**
     * A group of {@code params} with no options of its own yet, as {@link #ParamGroup(Iterable)}.
     *
     * @param params the parameters, in order
     * @return the new group
     */
    public static ParamGroup of(Iterable<Tensor> params) {
        return new ParamGroup(params);
    }

    /**
     * The group's parameters, in order: {@code group['params']}.
     *
     * @return an unmodifiable list of the parameters themselves
     */
    public List<Tensor> params() {
        return params;
    }

    /**
     * Sets an option, {@code group[key] = value}: a Double, Integer, Boolean or double[] (betas, copied).
     *
     * @param key the option's name, e.g. {@code "lr"}
     * @param value the value
     * @return this group
     * @throws IllegalArgumentException if {@code key} is {@code "params"}
     */
    public ParamGroup set(String key, Object value) {
        if (key.equals("params")) {
            throw new IllegalArgumentException("the params of a group are fixed when it is made");
        }
        options.put(key, value instanceof double[] ? ((double[]) value).clone() : value);
        return this;
    }

    /**
     * Whether the option is set: {@code key in group}.
     *
     * @param key the option's name, e.g. {@code "lr"}
     * @return true if the group holds the option (even with a null value)
     */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    /**
     * The option's value as stored, {@code group[key]}; a double[] is returned as a copy.
     *
     * @param key the option's name, e.g. {@code "lr"}
     * @return the value, possibly null
     * @throws IllegalArgumentException if the group has no such option
     */
    public Object get(String key) {
        if (!options.containsKey(key)) {
            throw new IllegalArgumentException("parameter group has no option '" + key + "'");
        }
        Object v = options.get(key);
        return v instanceof double[] ? ((double[]) v).clone() : v;
    }

    /**
     * A numeric option as a double.
     *
     * @param key the option's name, e.g. {@code "lr"}
     * @return the value
     * @throws IllegalArgumentException if the group has no such option
     * @throws ClassCastException if the value is not a Number
     * @throws NullPointerException if the value is null
     */
    public double getDouble(String key) {
        return ((Number) get(key)).doubleValue();
    }

    /**
     * A boolean option, e.g. {@code nesterov} or {@code amsgrad}.
     *
     * @param key the option's name, e.g. {@code "lr"}
     * @return the value
     * @throws IllegalArgumentException if the group has no such option
     * @throws ClassCastException if the value is not a Boolean
     * @throws NullPointerException if the value is null
     */
    public boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    /**
     * A tuple option, e.g. Adam's {@code betas}.
     *
     * @param key the option's name, e.g. {@code "lr"}
     * @return a copy of the value, or null if it is null
     * @throws IllegalArgumentException if the group has no such option
     * @throws ClassCastException if the value is not a double[]
     */
    public double[] getDoubles(String key) {
        return (double[]) get(key);
    }

    /**
     * The learning rate, {@code group['lr']}.
     *
     * @return the value of option {@code lr}
     * @throws IllegalArgumentException if the group has no {@code lr} (before it joins an optimizer)
     */
    public double lr() {
        return getDouble("lr");
    }

    /**
     * Sets the learning rate, {@code group['lr'] = lr}, as schedulers do.
     *
     * @param lr the new learning rate (not checked)
     * @return this group
     */
    public ParamGroup setLr(double lr) {
        return set("lr", lr);
    }

    /**
     * The options (without {@code params}), in the order they were set.
     *
     * @return a new map; double[] values are copies
     */
    public Map<String, Object> options() {
        Map<String, Object> copy = new LinkedHashMap<>();
        options.forEach((k, v) -> copy.put(k, v instanceof double[] ? ((double[]) v).clone() : v));
        return copy;
    }

    void setDefault(String key, Object value) {
        if (!options.containsKey(key)) {
            set(key, value);
        }
    }
}
