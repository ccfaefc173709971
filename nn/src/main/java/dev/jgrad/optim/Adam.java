package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.format.PyFormat;
import java.util.List;
import java.util.Map;

/**
 * Adam: PyTorch's {@code optim.Adam}, with PyTorch 1.13's update, operation for operation:
 *
 * <pre>
 * step += 1
 * g = grad + weight_decay·p                             (L2 penalty, when weight_decay ≠ 0)
 * m = β1·m + (1 - β1)·g
 * v = β2·v + (1 - β2)·g·g
 * v̂ = max(v̂, v) (amsgrad; v̂ is used below instead of v)
 * denom = √v / √(1 - β2^step) + eps
 * p = p - (lr / (1 - β1^step))·m / denom
 * </pre>
 *
 * The scalars are computed in double as Python does, the tensor arithmetic in the parameter's
 * dtype, in the same order. State per parameter: {@code step} (a 0-dim float32 tensor, as in
 * 1.13), {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}.
 */
public class Adam extends Optimizer {
    /** What an Adam state dict holds: PyTorch's options and checks; step and both moments, or none of them. */
    static final OptimizerSchema SCHEMA = schema("Adam");

    /** Adam's schema under another optimizer's name (AdamW keeps the same options and state). */
    static OptimizerSchema schema(String name) {
        return OptimizerSchema.builder(name)
                .option("lr", OptimizerSchema.numberAtLeast(0))
                .option("betas", OptimizerSchema.betas())
                .option("eps", OptimizerSchema.numberAtLeast(0))
                .option("weight_decay", OptimizerSchema.numberAtLeast(0))
                .option("amsgrad", OptimizerSchema.bool())
                .requiredState("step", OptimizerSchema.StateKind.SCALAR)
                .requiredState("exp_avg", OptimizerSchema.StateKind.LIKE_PARAM)
                .requiredState("exp_avg_sq", OptimizerSchema.StateKind.LIKE_PARAM)
                .optionalState("max_exp_avg_sq", OptimizerSchema.StateKind.LIKE_PARAM)
                .build();
    }

    /**
     * Adam with PyTorch's defaults, {@code optim.Adam(params)}: lr 1e-3, betas (0.9, 0.999), eps 1e-8,
     * no weight decay, no amsgrad.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, eps or weight decay is negative, or a beta is outside [0, 1)
     */
    public Adam(Iterable<Tensor> params) {
        this(params, 1e-3);
    }

    /**
     * Adam with a learning rate and PyTorch's other defaults, {@code optim.Adam(params, lr)}.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @param lr the learning rate
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, eps or weight decay is negative, or a beta is outside [0, 1)
     */
    public Adam(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /**
     * Adam with every option: {@code optim.Adam(params, lr, betas=(beta1, beta2), eps, weight_decay, amsgrad)}.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @param lr the learning rate
     * @param beta1 the decay rate of the first moment
     * @param beta2 the decay rate of the second moment
     * @param eps added to the denominator, for stability
     * @param weightDecay the L2 penalty added to the gradient (0 for none)
     * @param amsgrad whether to use the maximum of the past second moments
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, eps or weight decay is negative, or a beta is outside [0, 1)
     */
    public Adam(
            Iterable<Tensor> params,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            boolean amsgrad) {
        this(single(params), lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /**
     * Adam with named options, PyTorch's keywords:
     * {@code new Adam(params, Adam.options().lr(1e-3).weightDecay(1e-4))}.
     *
     * @param params the parameters to update
     * @param options the settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Adam(Iterable<Tensor> params, Options options) {
        this(single(params), options);
    }

    /**
     * Several groups with named default options; each group's own options override them.
     *
     * @param groups the parameter groups
     * @param options the defaults
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Adam(List<ParamGroup> groups, Options options) {
        this(
                groups,
                options.lr(),
                options.beta1(),
                options.beta2(),
                options.eps(),
                options.weightDecay(),
                options.amsgrad());
    }

    /**
     * PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay, no AMSGrad.
     *
     * @return the default options, to change with their {@code with}-style setters
     */
    public static Options options() {
        return new Options(1e-3, 0.9, 0.999, 1e-8, 0, false);
    }

    /**
     * Adam's (and AdamW's) keywords. Each one-argument method returns a copy with that option
     * changed: {@code Adam.options().lr(1e-3).betas(0.9, 0.98).weightDecay(1e-4)}.
     *
     * @param lr the learning rate
     * @param beta1 the decay of the first moment
     * @param beta2 the decay of the second moment
     * @param eps added to the denominator
     * @param weightDecay the L2 penalty (AdamW: the decoupled decay)
     * @param amsgrad whether to use the maximum of the second moments
     */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        /**
         * These options with {@code lr} changed.
         *
         * @param lr the learning rate
         * @return a copy with it
         */
        public Options lr(double lr) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad);
        }

        /**
         * PyTorch's {@code betas=(beta1, beta2)}.
         *
         * @param beta1 the decay of the first moment
         * @param beta2 the decay of the second moment
         * @return a copy with them
         */
        public Options betas(double beta1, double beta2) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad);
        }

        /**
         * These options with {@code eps} changed.
         *
         * @param eps added to the denominator
         * @return a copy with it
         */
        public Options eps(double eps) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad);
        }

        /**
         * These options with {@code weightDecay} changed.
         *
         * @param weightDecay the L2 penalty (AdamW: the decoupled decay)
         * @return a copy with it
         */
        public Options weightDecay(double weightDecay) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad);
        }

        /**
         * These options with {@code amsgrad} changed.
         *
         * @param amsgrad whether to use the maximum of the second moments
         * @return a copy with it
         */
        public Options amsgrad(boolean amsgrad) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad);
        }
    }

    /**
     * Adam over several groups; each group's own options override these defaults (a group sets both
     * betas as a {@code double[]} under {@code "betas"}), and are checked as they are.
     *
     * @param groups the parameter groups; a group's own options override the defaults below
     * @param lr the default learning rate
     * @param beta1 the default decay rate of the first moment
     * @param beta2 the default decay rate of the second moment
     * @param eps the default term added to the denominator
     * @param weightDecay the default L2 penalty (0 for none)
     * @param amsgrad whether to use amsgrad by default
     * @throws IllegalArgumentException if there are no groups or parameters, a parameter is not a leaf
     *     or appears twice, or a default or a group's option is out of range as above
     * @throws ClassCastException if a group sets an option to a value of the wrong type
     */
    public Adam(
            List<ParamGroup> groups,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            boolean amsgrad) {
        super(groups, defaults(lr, beta1, beta2, eps, weightDecay, amsgrad));
        // The groups themselves, now holding the defaults: paramGroups() is overridable (AdamW) and
        // a subclass is not yet initialized here.
        for (ParamGroup g : groups) {
            double[] betas = g.getDoubles("betas");
            check(g.getDouble("lr"), betas[0], betas[1], g.getDouble("eps"), g.getDouble("weight_decay"));
        }
    }

    private static Map<String, Object> defaults(
            double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        check(lr, beta1, beta2, eps, weightDecay);
        // AdamW's schema has the same options
        return SCHEMA.defaults(lr, new double[] {beta1, beta2}, eps, weightDecay, amsgrad);
    }

    private static void check(double lr, double beta1, double beta2, double eps, double weightDecay) {
        requireNonNegative("learning rate", lr);
        requireNonNegative("epsilon value", eps);
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index 0: " + PyFormat.repr(beta1));
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index 1: " + PyFormat.repr(beta2));
        }
        requireNonNegative("weight_decay value", weightDecay);
    }

    @Override
    OptimizerSchema schema() {
        return SCHEMA;
    }

    /** AdamW decays the weights directly instead of adding an L2 term to the gradient. */
    boolean decoupledWeightDecay() {
        return false;
    }

    /**
     * One Adam update of every parameter that has a gradient, by the formula in the class comment,
     * in place and without recording gradients; the first step creates each parameter's state.
     */
    @Override
    public void step() {
        forEachParameterWithGrad((group, p) -> {
            double[] betas = group.getDoubles("betas");
            update(
                    p,
                    group.getDouble("lr"),
                    betas[0],
                    betas[1],
                    group.getDouble("eps"),
                    group.getDouble("weight_decay"),
                    group.getBoolean("amsgrad"));
        });
    }

    private void update(
            Tensor p, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        NDArray param = p.data();
        NDArray grad = p.grad().data();
        Map<String, NDArray> state = stateOf(p);
        if (state.isEmpty()) {
            int[] shape = param.shape().toArray();
            state.put("step", NDArray.scalar(0, DType.FLOAT32));
            state.put("exp_avg", NDArray.zeros(param.dtype(), shape));
            state.put("exp_avg_sq", NDArray.zeros(param.dtype(), shape));
        }
        if (amsgrad && !state.containsKey("max_exp_avg_sq")) {
            state.put(
                    "max_exp_avg_sq", NDArray.zeros(param.dtype(), param.shape().toArray()));
        }
        NDArray stepT = state.get("step");
        NDArray expAvg = state.get("exp_avg");
        NDArray expAvgSq = state.get("exp_avg_sq");
        stepT.add_(1);
        NDArray a = scratch(p, 0);
        NDArray b = scratch(p, 1);
        if (weightDecay != 0) {
            if (decoupledWeightDecay()) {
                param.mul_(1 - lr * weightDecay);
            } else {
                a.copy_(grad).add_(param, weightDecay);
                grad = a;
            }
        }
        expAvg.mul_(beta1).add_(grad, 1 - beta1);
        // addcmul_(grad, grad, value=1-β2) is self + (value·grad)·grad
        b.copy_(grad).mul_(1 - beta2).mul_(grad);
        expAvgSq.mul_(beta2).add_(b);

        double step = stepT.item();
        double biasCorrection1 = 1 - StrictMath.pow(beta1, step);
        double biasCorrection2 = 1 - StrictMath.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);

        NDArray second = expAvgSq;
        if (amsgrad) {
            NDArray max = state.get("max_exp_avg_sq");
            max.maximum(expAvgSq, max);
            second = max;
        }
        // a is free again: denom = (second.sqrt() / √bc2).add_(eps)
        NDArray denom = a;
        denom.copy_(second).sqrt_().div_(biasCorrection2Sqrt).add_(eps);
        // addcdiv_(exp_avg, denom, value=-step_size) is self + (value·exp_avg) / denom
        b.copy_(expAvg).mul_(-stepSize).div_(denom);
        param.add_(b);
    }
}
