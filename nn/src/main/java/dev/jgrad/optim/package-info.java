/**
 * Optimizers, as PyTorch's {@code torch.optim}: {@link dev.jgrad.optim.SGD}, {@link dev.jgrad.optim.Adam} and
 * {@link dev.jgrad.optim.AdamW}, each computing PyTorch's update operation for operation.
 *
 * <p>Build one over a model's {@code parameters()}, then per batch: {@code zeroGrad()}, {@code loss.backward()},
 * {@code step()}. {@link dev.jgrad.optim.Optimizer} is the base (parameter groups, per-parameter state,
 * {@code stateDict()} to checkpoint and resume); {@link dev.jgrad.optim.ParamGroup} gives groups of parameters their
 * own options. Learning-rate schedules are in {@code dev.jgrad.optim.lr_scheduler}.
 */
package dev.jgrad.optim;
