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

    @Override
    OptimizerSchema schema() {
        return SCHEMA;
    }

    @Override
    boolean decoupledWeightDecay() {
        return true;
    }
}
