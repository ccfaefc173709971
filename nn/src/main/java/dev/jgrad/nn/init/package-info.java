/**
 * Weight initialisation, as PyTorch's {@code torch.nn.init}: {@link dev.jgrad.nn.init.Init} fills a tensor in place
 * (uniform, normal, constant, Xavier, Kaiming, ...) without recording gradients, drawing from jgrad's seedable
 * generator. Layers already start as PyTorch's do; use these to re-initialise them.
 */
package dev.jgrad.nn.init;
