package dev.jgrad.optim;

import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What one optimizer keeps in its state dict, declared next to it: each group option with the
 * values it may take, and the named state tensors of a parameter. Loading checks a state dict
 * against it, so that a bad file fails at load time with the key and the expectation, never
 * later in {@code step()}.
 *
 * <p>To add an optimizer: build its schema as a static field of its class, return it from
 * {@link Optimizer#schema()}, and list it in {@link OptimizerStateDict}'s known schemas.
 */
final class OptimizerSchema {
    /** A state dict entry that breaks the schema: {@code key} is the metadata key or tensor name. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String key;

        Invalid(String key, String message) {
            super(message);
            this.key = key;
        }
    }

    /** How a state tensor relates to its parameter. */
    enum StateKind {
        /** A floating-point tensor of the parameter's shape (momentum, moments). */
        LIKE_PARAM,
        /** A floating-point tensor of one element (Adam's step count). */
        SCALAR
    }

    /**
     * Options any optimizer's groups may carry besides their own, because LR schedulers add them:
     * every scheduler {@code initial_lr}; OneCycleLR also {@code max_lr} and {@code min_lr}, and
     * {@code max_momentum} and {@code base_momentum} when it cycles the momentum (as PyTorch's do).
     */
    private static final Map<String, UnaryOperator<Object>> SHARED_OPTIONAL = Map.of(
            "initial_lr", numberAtLeast(0),
            "max_lr", numberAtLeast(0),
            "min_lr", numberAtLeast(0),
            "max_momentum", numberAtLeast(0),
            "base_momentum", numberAtLeast(0));

    final String name;
    private final Map<String, UnaryOperator<Object>> options;
    private final List<String> optionNames;
    private final List<Consumer<Map<String, Object>>> groupChecks;
    /** State a parameter has either all of or none of (before its first step). */
    private final Map<String, StateKind> requiredState;

    private final Map<String, StateKind> optionalState;

    private OptimizerSchema(Builder b) {
        this.name = b.name;
        this.options = Map.copyOf(b.options);
        this.groupChecks = List.copyOf(b.groupChecks);
        this.requiredState = new LinkedHashMap<>(b.requiredState);
        this.optionalState = new LinkedHashMap<>(b.optionalState);
        this.optionNames = List.copyOf(b.options.keySet());
    }

    /**
     * An optimizer's defaults map: the schema's options, in their order, with {@code values}.
     *
     * @param values one value per option, in the order the schema lists them
     * @return a new insertion-ordered map from option name to value
     * @throws IllegalStateException if the count of values is not the count of options
     */
    Map<String, Object> defaults(Object... values) {
        if (values.length != optionNames.size()) {
            throw new IllegalStateException(
                    name + " has options " + optionNames + " but " + values.length + " values were given");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            d.put(optionNames.get(i), values[i]);
        }
        return d;
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a schema: options in the order the optimizer's defaults list them. */
    static final class Builder {
        private final String name;
        private final Map<String, UnaryOperator<Object>> options = new LinkedHashMap<>();
        private final List<Consumer<Map<String, Object>>> groupChecks = new ArrayList<>();
        private final Map<String, StateKind> requiredState = new LinkedHashMap<>();
        private final Map<String, StateKind> optionalState = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** An option whose check returns the value as the optimizer reads it, or throws Invalid (key filled later). */
        Builder option(String option, UnaryOperator<Object> check) {
            options.put(option, check);
            return this;
        }

        /** A check across a group's (already converted) options, e.g. nesterov needs momentum. */
        Builder groupCheck(Consumer<Map<String, Object>> check) {
            groupChecks.add(check);
            return this;
        }

        Builder requiredState(String state, StateKind kind) {
            requiredState.put(state, kind);
            return this;
        }

        Builder optionalState(String state, StateKind kind) {
            optionalState.put(state, kind);
            return this;
        }

        OptimizerSchema build() {
            return new OptimizerSchema(this);
        }
    }

    // ------------------------------------------------------------------ option checks

    /** A finite number at least {@code min}; an integer is read as a double. */
    static UnaryOperator<Object> numberAtLeast(double min) {
        return v -> {
            double d = number(v, "a number >= " + Options.repr(min));
            if (!(d >= min)) {
                throw new Invalid(null, "expected a number >= " + Options.repr(min) + ", found " + Options.repr(v));
            }
            return d;
        };
    }

    /** Any finite number. */
    static UnaryOperator<Object> anyNumber() {
        return v -> number(v, "a number");
    }

    /** True or False. */
    static UnaryOperator<Object> bool() {
        return v -> {
            if (!(v instanceof Boolean)) {
                throw new Invalid(null, "expected True or False, found " + Options.repr(v));
            }
            return v;
        };
    }

    /** A pair of numbers, each in [0, 1): Adam's betas. */
    static UnaryOperator<Object> betas() {
        return v -> {
            String expected = "expected two numbers (beta1, beta2), each in [0, 1), found " + Options.repr(v);
            if (!(v instanceof double[]) || ((double[]) v).length != 2) {
                throw new Invalid(null, expected);
            }
            double[] b = ((double[]) v).clone();
            for (double x : b) {
                if (!(x >= 0 && x < 1)) {
                    throw new Invalid(null, expected);
                }
            }
            return b;
        };
    }

    private static double number(Object v, String expected) {
        if (v instanceof Double || v instanceof Long || v instanceof Integer) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw new Invalid(null, "expected " + expected + ", found " + Options.repr(v));
    }

    // ------------------------------------------------------------------ checking a state dict

    /** Whether a group with these option names (params aside) is one of this optimizer's. */
    boolean hasOptions(Set<String> names) {
        Set<String> own = new LinkedHashSet<>(names);
        own.remove("params");
        own.removeAll(SHARED_OPTIONAL.keySet());
        return own.equals(Set.copyOf(optionNames));
    }

    /**
     * Checks one group's options ({@code params} excluded) and returns them as the optimizer
     * reads them (numbers as Double, betas as double[]), in declaration order.
     *
     * @param prefix the group's key prefix, {@code param_groups.<g>}
     */
    Map<String, Object> checkGroup(String prefix, Map<String, Object> group) {
        for (String k : group.keySet()) {
            if (!options.containsKey(k) && !SHARED_OPTIONAL.containsKey(k)) {
                throw new Invalid(
                        prefix + "." + k,
                        "expected one of " + name + "'s options " + optionNames + ", found an unknown option");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : optionNames) {
            String key = prefix + "." + k;
            if (!group.containsKey(k)) {
                throw new Invalid(key, "missing (" + name + " needs " + optionNames + " in every group)");
            }
            try {
                out.put(k, options.get(k).apply(group.get(k)));
            } catch (Invalid e) {
                throw new Invalid(key, e.getMessage());
            }
        }
        for (Map.Entry<String, UnaryOperator<Object>> e : SHARED_OPTIONAL.entrySet()) {
            if (group.containsKey(e.getKey())) {
                try {
                    out.put(e.getKey(), e.getValue().apply(group.get(e.getKey())));
                } catch (Invalid bad) {
                    throw new Invalid(prefix + "." + e.getKey(), bad.getMessage());
                }
            }
        }
        for (Consumer<Map<String, Object>> check : groupChecks) {
            try {
                check.accept(out);
            } catch (Invalid e) {
                throw new Invalid(prefix + "." + e.key, e.getMessage());
            }
        }
        return out;
    }

    /**
     * Checks one parameter's state tensors: known names, the required ones all there, floating
     * point, and shapes that agree with each other and, when given, with the parameter's.
     *
     * @param prefix     the parameter's key prefix, {@code state.<index>}
     * @param paramShape the parameter's shape, or null when it is not known (a file on its own)
     */
    void checkState(String prefix, Map<String, NDArray> state, int[] paramShape) {
        Set<String> known = new LinkedHashSet<>(requiredState.keySet());
        known.addAll(optionalState.keySet());
        for (String k : state.keySet()) {
            if (!known.contains(k)) {
                throw new Invalid(
                        prefix + "." + k,
                        "expected one of " + name + "'s state tensors " + known + ", found an unknown one");
            }
        }
        for (String k : requiredState.keySet()) {
            if (!state.containsKey(k)) {
                throw new Invalid(
                        prefix,
                        "expected all of " + requiredState.keySet() + " for a parameter with " + name
                                + " state, found only " + state.keySet() + " (missing " + k + ")");
            }
        }
        int[] likeParam = paramShape;
        String likeParamName = "the parameter";
        for (Map.Entry<String, NDArray> e : state.entrySet()) {
            String key = prefix + "." + e.getKey();
            NDArray t = e.getValue();
            StateKind kind = requiredState.containsKey(e.getKey())
                    ? requiredState.get(e.getKey())
                    : optionalState.get(e.getKey());
            if (!t.dtype().isFloatingPoint()) {
                throw new Invalid(key, "expected a float32 or float64 tensor, found " + t.dtype());
            }
            int[] shape = t.shape().toArray();
            if (kind == StateKind.SCALAR) {
                if (t.numel() != 1) {
                    throw new Invalid(key, "expected a tensor of one element, found shape " + Arrays.toString(shape));
                }
            } else if (likeParam == null) {
                likeParam = shape;
                likeParamName = e.getKey();
            } else if (!Arrays.equals(likeParam, shape)) {
                throw new Invalid(
                        key,
                        "expected the shape " + Arrays.toString(likeParam) + " of " + likeParamName + ", found shape "
                                + Arrays.toString(shape));
            }
        }
    }
}
