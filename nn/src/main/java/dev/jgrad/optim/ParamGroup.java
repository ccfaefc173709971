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

    public ParamGroup(Iterable<Tensor> params) {
        List<Tensor> list = new ArrayList<>();
        for (Tensor p : params) {
            list.add(p);
        }
        this.params = Collections.unmodifiableList(list);
    }

    public static ParamGroup of(Iterable<Tensor> params) {
        return new ParamGroup(params);
    }

    /** The group's parameters, in order. */
    public List<Tensor> params() {
        return params;
    }

    /** Sets an option: a Double, Integer, Boolean or double[] (betas); returns this group. */
    public ParamGroup set(String key, Object value) {
        if (key.equals("params")) {
            throw new IllegalArgumentException("the params of a group are fixed when it is made");
        }
        options.put(key, value instanceof double[] ? ((double[]) value).clone() : value);
        return this;
    }

    /** Whether the option is set. */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    /** The option's value as stored. */
    public Object get(String key) {
        if (!options.containsKey(key)) {
            throw new IllegalArgumentException("parameter group has no option '" + key + "'");
        }
        Object v = options.get(key);
        return v instanceof double[] ? ((double[]) v).clone() : v;
    }

    public double getDouble(String key) {
        return ((Number) get(key)).doubleValue();
    }

    public boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    public double[] getDoubles(String key) {
        return (double[]) get(key);
    }

    /** The learning rate, {@code group['lr']}. */
    public double lr() {
        return getDouble("lr");
    }

    /** Sets the learning rate, as schedulers do. */
    public ParamGroup setLr(double lr) {
        return set("lr", lr);
    }

    /** The options (without {@code params}), in the order they were set. */
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
