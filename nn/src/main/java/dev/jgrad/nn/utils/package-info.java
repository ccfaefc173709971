/**
 * Helpers for training loops, as PyTorch's {@code torch.nn.utils}: {@link dev.jgrad.nn.utils.ClipGrad} clips
 * gradients by norm or value ({@code clip_grad_norm_}, {@code clip_grad_value_}), and
 * {@link dev.jgrad.nn.utils.Grads} clears them.
 */
package dev.jgrad.nn.utils;
