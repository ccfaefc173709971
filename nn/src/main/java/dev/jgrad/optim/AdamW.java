package dev.jgrad.optim;

import dev.jgrad.autograd.Tensor;

import java.util.List;

/**
 * Adam with decoupled weight decay: PyTorch's {@code optim.AdamW}. Each step first shrinks the
 * weights, {@code p = p·(1 - lr·weight_decay)}, then applies Adam's update without the L2 term
 * (PyTorch 1.13's order). Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2.
 */
public class AdamW extends Adam {
    public AdamW(Iterable<Tensor> params) {
        this(params, 1e-3);
    }

    public AdamW(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false);
    }

    public AdamW(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        super(params, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    public AdamW(List<ParamGroup> groups, double lr, double beta1, double beta2, double eps, double weightDecay,
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
    boolean decoupledWeightDecay() {
        return true;
    }
}
