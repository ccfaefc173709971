package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.List;
import java.util.Map;

/**
 * Adagrad: PyTorch's {@code optim.Adagrad}, with PyTorch 1.13's update, operation for operation:
 *
 * <pre>
 * step += 1
 * g = grad + weight_decay·p                (when weight_decay ≠ 0)
 * clr = lr / (1 + (step - 1)·lr_decay)
 * sum = sum + g·g
 * p = p - clr·g / (√sum + eps)
 * </pre>
 *
 * As in PyTorch, the state of every parameter exists from the start: {@code step} (a 0-dim float32
 * tensor at 0) and {@code sum} (filled with {@code initial_accumulator_value}). Defaults: lr 1e-2,
 * lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10.
 */
public final class Adagrad extends Optimizer {
    /** What an Adagrad state dict holds: its options, and each parameter's step and sum of squares. */
    static final OptimizerSchema SCHEMA = OptimizerSchema.builder("Adagrad")
            .option("lr", OptimizerSchema.numberAtLeast(0))
            .option("lr_decay", OptimizerSchema.numberAtLeast(0))
            .option("weight_decay", OptimizerSchema.numberAtLeast(0))
            .option("initial_accumulator_value", OptimizerSchema.numberAtLeast(0))
            .option("eps", OptimizerSchema.numberAtLeast(0))
            .requiredState("step", OptimizerSchema.StateKind.SCALAR)
            .requiredState("sum", OptimizerSchema.StateKind.LIKE_PARAM)
            .build();

    /**
     * Adagrad with PyTorch's defaults.
     *
     * @param params the parameters to update
     */
    public Adagrad(Iterable<Tensor> params) {
        this(params, options());
    }

    /**
     * Adagrad with named options: {@code new Adagrad(params, Adagrad.options().lr(0.1).lrDecay(1e-4))}.
     *
     * @param params the parameters to update
     * @param options the settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Adagrad(Iterable<Tensor> params, Options options) {
        this(single(params), options);
    }

    /**
     * Several groups with named default options; each group's own options override them.
     *
     * @param groups the parameter groups
     * @param options the defaults
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Adagrad(List<ParamGroup> groups, Options options) {
        super(groups, defaults(options));
        for (ParamGroup g : paramGroups()) {
            double initial = g.getDouble("initial_accumulator_value");
            check(g.getDouble("lr"), g.getDouble("lr_decay"), g.getDouble("weight_decay"), initial, g.getDouble("eps"));
            for (Tensor p : g.params()) {
                initState(p, initial);
            }
        }
    }

    /** A parameter's starting state: step 0 and the sum filled with the initial accumulator value. */
    private void initState(Tensor p, double initialAccumulatorValue) {
        Map<String, NDArray> state = stateOf(p);
        state.put("step", NDArray.scalar(0, DType.FLOAT32));
        NDArray d = p.data();
        state.put(
                "sum",
                NDArray.full(d.dtype(), initialAccumulatorValue, d.shape().toArray()));
    }

    /**
     * PyTorch's defaults: lr 1e-2, lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10.
     *
     * @return the default options
     */
    public static Options options() {
        return new Options(1e-2, 0, 0, 0, 1e-10);
    }

    /**
     * Adagrad's keywords; each one-argument method returns a copy with that option changed.
     *
     * @param lr the learning rate
     * @param lrDecay the learning rate's decay per step
     * @param weightDecay the L2 penalty
     * @param initialAccumulatorValue the starting value of the squared-gradient sum
     * @param eps added to the denominator
     */
    public record Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps) {
        /**
         * These options with {@code lr} changed.
         *
         * @param lr the learning rate
         * @return a copy with it
         */
        public Options lr(double lr) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
        }

        /**
         * These options with {@code lrDecay} changed.
         *
         * @param lrDecay the learning rate's decay per step
         * @return a copy with it
         */
        public Options lrDecay(double lrDecay) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
        }

        /**
         * These options with {@code weightDecay} changed.
         *
         * @param weightDecay the L2 penalty
         * @return a copy with it
         */
        public Options weightDecay(double weightDecay) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
        }

        /**
         * These options with {@code initialAccumulatorValue} changed.
         *
         * @param initialAccumulatorValue the starting value of the squared-gradient sum
         * @return a copy with it
         */
        public Options initialAccumulatorValue(double initialAccumulatorValue) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
        }

        /**
         * These options with {@code eps} changed.
         *
         * @param eps added to the denominator
         * @return a copy with it
         */
        public Options eps(double eps) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
        }
    }

    @Override
    OptimizerSchema schema() {
        return SCHEMA;
    }

    private static Map<String, Object> defaults(Options o) {
        check(o.lr(), o.lrDecay(), o.weightDecay(), o.initialAccumulatorValue(), o.eps());
        return SCHEMA.defaults(o.lr(), o.lrDecay(), o.weightDecay(), o.initialAccumulatorValue(), o.eps());
    }

    private static void check(double lr, double lrDecay, double weightDecay, double initial, double eps) {
        requireNonNegative("learning rate", lr);
        requireNonNegative("lr_decay value", lrDecay);
        requireNonNegative("weight_decay value", weightDecay);
        requireNonNegative("initial_accumulator_value value", initial);
        requireNonNegative("epsilon value", eps);
    }

    @Override
    public void step() {
        forEachParameterWithGrad((group, p) -> {
            if (!state(p).containsKey("sum")) {
                // a group added after construction, whose state PyTorch's constructor never made
                initState(p, group.getDouble("initial_accumulator_value"));
            }
            update(
                    p,
                    group.getDouble("lr"),
                    group.getDouble("lr_decay"),
                    group.getDouble("weight_decay"),
                    group.getDouble("eps"));
        });
    }

    private void update(Tensor p, double lr, double lrDecay, double weightDecay, double eps) {
        NDArray param = p.data();
        NDArray grad = p.grad().data();
        Map<String, NDArray> state = stateOf(p);
        NDArray stepT = state.get("step");
        NDArray sum = state.get("sum");
        stepT.add_(1);
        double step = stepT.item();
        NDArray a = scratch(p, 0);
        NDArray b = scratch(p, 1);
        if (weightDecay != 0) {
            a.copy_(grad).add_(param, weightDecay);
            grad = a;
        }
        double clr = lr / (1 + (step - 1) * lrDecay);
        // state_sum.addcmul_(grad, grad, value=1)
        b.copy_(grad).mul_(grad);
        sum.add_(b);
        // std = state_sum.sqrt().add_(eps); param.addcdiv_(grad, std, value=-clr): self + (-clr·grad)/std
        NDArray std = b.copy_(sum).sqrt_().add_(eps);
        NDArray update = grad == a ? a : a.copy_(grad);
        param.add_(update.mul_(-clr).div_(std));
    }
}
