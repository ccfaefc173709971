/**
 * Learning-rate schedules, as PyTorch's {@code torch.optim.lr_scheduler}: {@link dev.jgrad.optim.lr_scheduler.StepLR},
 * {@link dev.jgrad.optim.lr_scheduler.CosineAnnealingLR} and {@link dev.jgrad.optim.lr_scheduler.LinearLR}, on the base
 * {@link dev.jgrad.optim.lr_scheduler.LRScheduler}. Build one over an optimizer and call its {@code step()} once per
 * epoch, after {@code optimizer.step()}; {@link dev.jgrad.optim.lr_scheduler.OneCycleLR} steps once per batch, and
 * {@link dev.jgrad.optim.lr_scheduler.ReduceLROnPlateau} takes the watched metric, {@code step(valLoss)}.
 */
package dev.jgrad.optim.lr_scheduler;
