package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.List;
import java.util.Map;

/**
 * RMSprop: PyTorch's {@code optim.RMSprop}, with PyTorch 1.13's update, operation for operation:
 *
 * <pre>
 * step += 1
 * g = grad + weight_decay·p                     (when weight_decay ≠ 0)
 * v = α·v + (1 - α)·g·g
 * avg = √(v - ḡ·ḡ) + eps, ḡ = α·ḡ + (1 - α)·g   (centered), else √v + eps
 * buf = momentum·buf + g/avg; p = p - lr·buf    (when momentum &gt; 0)
 * p = p - lr·g/avg                              (otherwise)
 * </pre>
 *
 * State per parameter: {@code step} (a 0-dim float32 tensor), {@code square_avg}, and
 * {@code momentum_buffer} with momentum, {@code grad_avg} when centered. Defaults: lr 1e-2,
 * alpha 0.99, eps 1e-8, no weight decay or momentum, not centered.
 */
public final class RMSprop extends Optimizer {
    /** What an RMSprop state dict holds: its options, and each parameter's step and averages. */
    static final OptimizerSchema SCHEMA = OptimizerSchema.builder("RMSprop")
            .option("lr", OptimizerSchema.numberAtLeast(0))
            .option("alpha", OptimizerSchema.numberAtLeast(0))
            .option("eps", OptimizerSchema.numberAtLeast(0))
            .option("weight_decay", OptimizerSchema.numberAtLeast(0))
            .option("momentum", OptimizerSchema.numberAtLeast(0))
            .option("centered", OptimizerSchema.bool())
            .requiredState("step", OptimizerSchema.StateKind.SCALAR)
            .requiredState("square_avg", OptimizerSchema.StateKind.LIKE_PARAM)
            .optionalState("momentum_buffer", OptimizerSchema.StateKind.LIKE_PARAM)
            .optionalState("grad_avg", OptimizerSchema.StateKind.LIKE_PARAM)
            .build();

    /**
     * RMSprop with PyTorch's defaults.
     *
     * @param params the parameters to update
     */
    public RMSprop(Iterable<Tensor> params) {
        this(params, options());
    }

    /**
     * RMSprop with named options: {@code new RMSprop(params, RMSprop.options().lr(1e-3).momentum(0.9))}.
     *
     * @param params the parameters to update
     * @param options the settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public RMSprop(Iterable<Tensor> params, Options options) {
        this(single(params), options);
    }

    /**
     * Several groups with named default options; each group's own options override them.
     *
     * @param groups the parameter groups
     * @param options the defaults
     * @throws IllegalArgumentException if a setting is out of range
     */
    public RMSprop(List<ParamGroup> groups, Options options) {
        super(groups, defaults(options));
        for (ParamGroup g : paramGroups()) {
            check(
                    g.getDouble("lr"),
                    g.getDouble("alpha"),
                    g.getDouble("eps"),
                    g.getDouble("weight_decay"),
                    g.getDouble("momentum"));
        }
    }

    /**
     * PyTorch's defaults: lr 1e-2, alpha 0.99, eps 1e-8, weight decay 0, momentum 0, not centered.
     *
     * @return the default options
     */
    public static Options options() {
        return new Options(1e-2, 0.99, 1e-8, 0, 0, false);
    }

    /**
     * RMSprop's keywords; each one-argument method returns a copy with that option changed.
     *
     * @param lr the learning rate
     * @param alpha the decay of the squared-gradient average
     * @param eps added to the denominator
     * @param weightDecay the L2 penalty
     * @param momentum the momentum factor
     * @param centered whether to divide by the gradient's estimated variance instead of its second moment
     */
    public record Options(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        /**
         * These options with {@code lr} changed.
         *
         * @param lr the learning rate
         * @return a copy with it
         */
        public Options lr(double lr) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered);
        }

        /**
         * These options with {@code alpha} changed.
         *
         * @param alpha the decay of the squared-gradient average
         * @return a copy with it
         */
        public Options alpha(double alpha) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered);
        }

        /**
         * These options with {@code eps} changed.
         *
         * @param eps added to the denominator
         * @return a copy with it
         */
        public Options eps(double eps) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered);
        }

        /**
         * These options with {@code weightDecay} changed.
         *
         * @param weightDecay the L2 penalty
         * @return a copy with it
         */
        public Options weightDecay(double weightDecay) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered);
        }

        /**
         * These options with {@code momentum} changed.
         *
         * @param momentum the momentum factor
         * @return a copy with it
         */
        public Options momentum(double momentum) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered);
        }

        /**
         * These options with {@code centered} changed.
         *
         * @param centered whether to center the second moment
         * @return a copy with it
         */
        public Options centered(boolean centered) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered);
        }
    }

    @Override
    OptimizerSchema schema() {
        return SCHEMA;
    }

    private static Map<String, Object> defaults(Options o) {
        check(o.lr(), o.alpha(), o.eps(), o.weightDecay(), o.momentum());
        return SCHEMA.defaults(o.lr(), o.alpha(), o.eps(), o.weightDecay(), o.momentum(), o.centered());
    }

    private static void check(double lr, double alpha, double eps, double weightDecay, double momentum) {
        requireNonNegative("learning rate", lr);
        requireNonNegative("epsilon value", eps);
        requireNonNegative("momentum value", momentum);
        requireNonNegative("weight_decay value", weightDecay);
        requireNonNegative("alpha value", alpha);
    }

    @Override
    public void step() {
        forEachParameterWithGrad((group, p) -> update(
                p,
                group.getDouble("lr"),
                group.getDouble("alpha"),
                group.getDouble("eps"),
                group.getDouble("weight_decay"),
                group.getDouble("momentum"),
                group.getBoolean("centered")));
    }

    private void update(
            Tensor p, double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        NDArray param = p.data();
        NDArray grad = p.grad().data();
        Map<String, NDArray> state = stateOf(p);
        int[] shape = param.shape().toArray();
        if (state.isEmpty()) {
            state.put("step", NDArray.scalar(0, DType.FLOAT32));
            state.put("square_avg", NDArray.zeros(param.dtype(), shape));
        }
        if (momentum > 0 && !state.containsKey("momentum_buffer")) {
            state.put("momentum_buffer", NDArray.zeros(param.dtype(), shape));
        }
        if (centered && !state.containsKey("grad_avg")) {
            state.put("grad_avg", NDArray.zeros(param.dtype(), shape));
        }
        state.get("step").add_(1);
        NDArray a = scratch(p, 0);
        NDArray b = scratch(p, 1);
        if (weightDecay != 0) {
            a.copy_(grad).add_(param, weightDecay);
            grad = a;
        }
        // square_avg.mul_(alpha).addcmul_(grad, grad, value=1-alpha): self + (value·grad)·grad
        NDArray squareAvg = state.get("square_avg");
        b.copy_(grad).mul_(1 - alpha).mul_(grad);
        squareAvg.mul_(alpha).add_(b);
        if (centered) {
            NDArray gradAvg = state.get("grad_avg");
            gradAvg.mul_(alpha).add_(grad, 1 - alpha);
            // avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_(): self + (-1·ḡ)·ḡ
            b.copy_(gradAvg).mul_(-1).mul_(gradAvg).add_(squareAvg).sqrt_();
        } else {
            b.copy_(squareAvg).sqrt_();
        }
        NDArray avg = b.add_(eps);
        if (momentum > 0) {
            // buf.mul_(momentum).addcdiv_(grad, avg): self + (1·grad)/avg
            NDArray buf = state.get("momentum_buffer");
            buf.mul_(momentum);
            NDArray step = grad == a ? a : a.copy_(grad);
            buf.add_(step.div_(avg));
            param.add_(buf, -lr);
        } else {
            // param.addcdiv_(grad, avg, value=-lr): self + (-lr·grad)/avg
            NDArray step = grad == a ? a : a.copy_(grad);
            param.add_(step.mul_(-lr).div_(avg));
        }
    }
}
