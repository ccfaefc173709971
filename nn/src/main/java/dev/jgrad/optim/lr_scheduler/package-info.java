/**
 * Learning-rate schedules, as PyTorch's {@code torch.optim.lr_scheduler}: {@link dev.jgrad.optim.lr_scheduler.StepLR}
 * and {@link dev.jgrad.optim.lr_scheduler.CosineAnnealingLR}, on the base
 * {@link dev.jgrad.optim.lr_scheduler.LRScheduler}. Build one over an optimizer and call its {@code step()} once per
 * epoch, after {@code optimizer.step()}.
 */
package dev.jgrad.optim.lr_scheduler;
