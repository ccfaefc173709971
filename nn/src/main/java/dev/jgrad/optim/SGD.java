package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent, optionally with momentum, Nesterov momentum and weight decay:
 * PyTorch's {@code optim.SGD}, with PyTorch 1.13's update, operation for operation:
 *
 * <pre>
 * d = grad + weight_decay·p                      (when weight_decay ≠ 0)
 * buf = d (first step), else momentum·buf + (1 - dampening)·d
 * d = d + momentum·buf (nesterov), else d = buf  (when momentum ≠ 0)
 * p = p - lr·d
 * </pre>
 */
public final class SGD extends Optimizer {
    /** What an SGD state dict holds: PyTorch's options and checks, and an optional momentum buffer. */
    static final OptimizerSchema SCHEMA = OptimizerSchema.builder("SGD")
            .option("lr", OptimizerSchema.numberAtLeast(0))
            .option("momentum", OptimizerSchema.numberAtLeast(0))
            .option("dampening", OptimizerSchema.anyNumber())
            .option("weight_decay", OptimizerSchema.numberAtLeast(0))
            .option("nesterov", OptimizerSchema.bool())
            .groupCheck(g -> {
                boolean nesterov = (Boolean) g.get("nesterov");
                if (nesterov && ((Double) g.get("momentum") <= 0 || (Double) g.get("dampening") != 0)) {
                    throw new OptimizerSchema.Invalid(
                            "nesterov",
                            "expected False, or a momentum > 0 and a"
                                    + " dampening of 0 (Nesterov momentum needs them), found True with momentum "
                                    + g.get("momentum")
                                    + " and dampening " + g.get("dampening"));
                }
            })
            .optionalState("momentum_buffer", OptimizerSchema.StateKind.LIKE_PARAM)
            .build();

    /**
     * Plain SGD, {@code optim.SGD(params, lr)}: no momentum, no weight decay.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @param lr the learning rate
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, momentum or weight decay is negative, or Nesterov lacks momentum or has dampening
     */
    public SGD(Iterable<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    /**
     * SGD with momentum, {@code optim.SGD(params, lr, momentum)}: no dampening, no weight decay.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @param lr the learning rate
     * @param momentum the momentum factor (0 for none)
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, momentum or weight decay is negative, or Nesterov lacks momentum or has dampening
     */
    public SGD(Iterable<Tensor> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false);
    }

    /**
     * SGD with every option: {@code optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov)}.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @param lr the learning rate
     * @param momentum the momentum factor (0 for none)
     * @param dampening the dampening of the momentum's new term
     * @param weightDecay the L2 penalty added to the gradient (0 for none)
     * @param nesterov whether to use Nesterov momentum (needs momentum and zero dampening)
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, momentum or weight decay is negative, or Nesterov lacks momentum or has dampening
     */
    public SGD(
            Iterable<Tensor> params,
            double lr,
            double momentum,
            double dampening,
            double weightDecay,
            boolean nesterov) {
        this(single(params), lr, momentum, dampening, weightDecay, nesterov);
    }

    /**
     * SGD with named options, PyTorch's keywords: {@code new SGD(params, SGD.options().lr(0.1).momentum(0.9))}.
     *
     * @param params the parameters to update
     * @param options the settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public SGD(Iterable<Tensor> params, Options options) {
        this(single(params), options);
    }

    /**
     * Several groups with named default options; each group's own options override them.
     *
     * @param groups the parameter groups
     * @param options the defaults
     * @throws IllegalArgumentException if a setting is out of range
     */
    public SGD(List<ParamGroup> groups, Options options) {
        this(groups, options.lr(), options.momentum(), options.dampening(), options.weightDecay(), options.nesterov());
    }

    /**
     * PyTorch's defaults: lr 1e-3 (PyTorch 2's), no momentum, dampening or weight decay, no Nesterov.
     *
     * @return the default options, to change with their {@code with}-style setters
     */
    public static Options options() {
        return new Options(1e-3, 0, 0, 0, false);
    }

    /**
     * SGD's keywords. Each one-argument method returns a copy with that option changed, so the
     * options read as PyTorch's keywords: {@code SGD.options().lr(0.1).momentum(0.9).nesterov(true)}.
     *
     * @param lr the learning rate
     * @param momentum the momentum factor
     * @param dampening the dampening of the momentum
     * @param weightDecay the L2 penalty
     * @param nesterov whether to use Nesterov momentum
     */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        /**
         * These options with {@code lr} changed.
         *
         * @param lr the learning rate
         * @return a copy with it
         */
        public Options lr(double lr) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov);
        }

        /**
         * These options with {@code momentum} changed.
         *
         * @param momentum the momentum factor
         * @return a copy with it
         */
        public Options momentum(double momentum) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov);
        }

        /**
         * These options with {@code dampening} changed.
         *
         * @param dampening the dampening of the momentum
         * @return a copy with it
         */
        public Options dampening(double dampening) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov);
        }

        /**
         * These options with {@code weightDecay} changed.
         *
         * @param weightDecay the L2 penalty
         * @return a copy with it
         */
        public Options weightDecay(double weightDecay) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov);
        }

        /**
         * These options with {@code nesterov} changed.
         *
         * @param nesterov whether to use Nesterov momentum
         * @return a copy with it
         */
        public Options nesterov(boolean nesterov) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov);
        }
    }

    /**
     * SGD over several groups; each group's own options override these defaults, and are checked as
     * they are: {@code optim.SGD([{'params': ...}, ...], lr, ...)}.
     *
     * @param groups the parameter groups; a group's own options override the defaults below
     * @param lr the default learning rate
     * @param momentum the default momentum factor (0 for none)
     * @param dampening the default dampening of the momentum's new term
     * @param weightDecay the default L2 penalty added to the gradient (0 for none)
     * @param nesterov whether to use Nesterov momentum by default
     * @throws IllegalArgumentException if there are no groups or parameters, a parameter is not a leaf
     *     or appears twice, or a default or a group's option is out of range as above
     * @throws ClassCastException if a group sets an option to a value of the wrong type
     */
    public SGD(
            List<ParamGroup> groups,
            double lr,
            double momentum,
            double dampening,
            double weightDecay,
            boolean nesterov) {
        super(groups, defaults(lr, momentum, dampening, weightDecay, nesterov));
        for (ParamGroup g : paramGroups()) {
            check(
                    g.getDouble("lr"),
                    g.getDouble("momentum"),
                    g.getDouble("dampening"),
                    g.getDouble("weight_decay"),
                    g.getBoolean("nesterov"));
        }
    }

    private static Map<String, Object> defaults(
            double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        check(lr, momentum, dampening, weightDecay, nesterov);
        return SCHEMA.defaults(lr, momentum, dampening, weightDecay, nesterov);
    }

    private static void check(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        requireNonNegative("learning rate", lr);
        requireNonNegative("momentum value", momentum);
        requireNonNegative("weight_decay value", weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
    }

    @Override
    OptimizerSchema schema() {
        return SCHEMA;
    }

    /**
     * One SGD update of every parameter that has a gradient, by the formula in the class comment,
     * in place and without recording gradients; the first step creates each parameter's
     * {@code momentum_buffer} (when momentum ≠ 0).
     */
    @Override
    public void step() {
        forEachParameterWithGrad((group, p) -> update(
                p,
                group.getDouble("lr"),
                group.getDouble("momentum"),
                group.getDouble("dampening"),
                group.getDouble("weight_decay"),
                group.getBoolean("nesterov")));
    }

    private void update(Tensor p, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        NDArray param = p.data();
        NDArray d = p.grad().data();
        if (weightDecay != 0) {
            // d_p = d_p.add(param, alpha=weight_decay), into a reused buffer
            NDArray withDecay = scratch(p, 0);
            withDecay.copy_(d).add_(param, weightDecay);
            d = withDecay;
        }
        if (momentum != 0) {
            Map<String, NDArray> state = stateOf(p);
            NDArray buf = state.get("momentum_buffer");
            if (buf == null) {
                buf = d.clone();
                state.put("momentum_buffer", buf);
            } else {
                buf.mul_(momentum).add_(d, 1 - dampening);
            }
            if (nesterov) {
                NDArray look = scratch(p, 0);
                if (look != d) {
                    look.copy_(d);
                }
                look.add_(buf, momentum);
                d = look;
            } else {
                d = buf;
            }
        }
        param.add_(d, -lr);
    }
}
