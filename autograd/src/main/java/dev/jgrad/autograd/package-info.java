/**
 * Reverse-mode automatic differentiation, as PyTorch's autograd: {@link dev.jgrad.autograd.Tensor} is an
 * {@code NDArray} that records the ops it went through, and {@link dev.jgrad.autograd.Tensor#backward()} walks that
 * record backwards to fill the leaves' {@link dev.jgrad.autograd.Tensor#grad()}.
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(3, 1).requiresGrad_();
 * Tensor loss = x.matmul(w).sub(y).pow(2).mean();
 * loss.backward();                        // w.grad() now holds d(loss)/dw
 * try (var s = Tensor.noGrad()) {         // with torch.no_grad():
 *     w.sub_(w.grad().mul(0.1));
 * }
 * }</pre>
 *
 * <p>Start with {@link dev.jgrad.autograd.Tensor}. {@link dev.jgrad.autograd.GradMode} is the per-thread switch
 * behind {@code noGrad()}; {@link dev.jgrad.autograd.Node} is a recorded op ({@code grad_fn}); and
 * {@link dev.jgrad.autograd.CustomOp} adds a differentiable op with its own backward formula, as
 * {@code torch.autograd.Function} does.
 */
package dev.jgrad.autograd;
