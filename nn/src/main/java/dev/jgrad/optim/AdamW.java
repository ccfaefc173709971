package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;
import java.util.List;

/**
 * Adam with decoupled weight decay: PyTorch's {@code optim.AdamW}. Each step first shrinks the
 * weights, {@code p = p·(1 - lr·weight_decay)}, then applies Adam's update without the L2 term
 * (PyTorch 1.13's order). Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2.
 */
public class AdamW extends Adam {
    /** Adam's options and state, under AdamW's name. */
    static final OptimizerSchema SCHEMA = Adam.schema("AdamW");

    /**
     * AdamW with PyTorch's defaults, {@code optim.AdamW(params)}: lr 1e-3, betas (0.9, 0.999), eps 1e-8,
     * weight decay 1e-2, no amsgrad.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, eps or weight decay is negative, or a beta is outside [0, 1)
     */
    public AdamW(Iterable<Tensor> params) {
        this(params, 1e-3);
    }

    /**
     * AdamW with a learning rate and PyTorch's other defaults, {@code optim.AdamW(params, lr)}.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @param lr the learning rate
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, eps or weight decay is negative, or a beta is outside [0, 1)
     */
    public AdamW(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false);
    }

    /**
     * AdamW with every option: {@code optim.AdamW(params, lr, betas=(beta1, beta2), eps, weight_decay, amsgrad)}.
     *
     * @param params the parameters to optimize, e.g. {@code model.parameters()}; leaf tensors, each once
     * @param lr the learning rate
     * @param beta1 the decay rate of the first moment
     * @param beta2 the decay rate of the second moment
     * @param eps added to the denominator, for stability
     * @param weightDecay the decoupled weight decay (0 for none)
     * @param amsgrad whether to use the maximum of the past second moments
     * @throws IllegalArgumentException if there are no parameters, a parameter is not a leaf or appears
     *     twice, lr, eps or weight decay is negative, or a beta is outside [0, 1)
     */
    public AdamW(
            Iterable<Tensor> params,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            boolean amsgrad) {
        super(params, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /**
     * AdamW over several groups; each group's own options override these defaults, and are checked
     * as they are.
     *
     * @param groups the parameter groups; a group's own options override the defaults below
     * @param lr the default learning rate
     * @param beta1 the default decay rate of the first moment
     * @param beta2 the default decay rate of the second moment
     * @param eps the default term added to the denominator
     * @param weightDecay the default decoupled weight decay (0 for none)
     * @param amsgrad whether to use amsgrad by default
     * @throws IllegalArgumentException if there are no groups or parameters, a parameter is not a leaf
     *     or appears twice, or a default or a group's option is out of range as above
     * @throws ClassCastException if a group sets an option to a value of the wrong type
     */
    public AdamW(
            List<ParamGroup> groups,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            boolean amsgrad) {
        super(groups, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /**
     * AdamW with named options: {@code new AdamW(params, AdamW.options().lr(3e-4).weightDecay(0.05))}.
     *
     * @param params the parameters to update
     * @param options the settings; start from {@link #options()}, whose weight decay is AdamW's 1e-2
     * @throws IllegalArgumentException if a setting is out of range
     */
    public AdamW(Iterable<Tensor> params, Adam.Options options) {
        super(params, options);
    }

    /**
     * Several groups with named default options; each group's own options override them.
     *
     * @param groups the parameter groups
     * @param options the defaults
     * @throws IllegalArgumentException if a setting is out of range
     */
    public AdamW(List<ParamGroup> groups, Adam.Options options) {
        super(groups, options);
    }

    /**
     * PyTorch's AdamW defaults: Adam's, but weight decay 1e-2.
     *
     * @return the default options
     */
    public static Adam.Options options() {
        return Adam.options().weightDecay(1e-2);
    }

    @Override
    OptimizerSchema schema() {
        return SCHEMA;
    }

    @Override
    boolean decoupledWeightDecay() {
        return true;
    }
}
