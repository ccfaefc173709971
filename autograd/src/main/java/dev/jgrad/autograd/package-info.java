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
 *
 * <h2>How it is built</h2>
 *
 * <p>{@code Tensor} is a facade of one-line methods over an {@code NDArray} and, once it meets autograd, an
 * {@code AutogradMeta}: requires-grad, {@code grad_fn}, {@code grad}, and the history logic of views and in-place
 * ops (PyTorch keeps {@code AutogradMeta} beside {@code TensorImpl} the same way). Each op's derivative is a rule
 * handed to {@code OpNode.apply}, which records the op only when an input requires grad and grad mode is on
 * (tinygrad's {@code Function.apply}); {@code CustomOp} is the public face of the same steps.
 *
 * <p>The derivative rules live in files named after the tensor-core class whose forward they differentiate, plus
 * {@code Grad}: {@code ElementwiseGrad} for {@code Elementwise}, {@code ReductionsGrad} for {@code Reductions}, then
 * {@code RowOpsGrad}, {@code LinAlgGrad}, {@code IndexingGrad}, {@code JoiningGrad}, {@code SortingGrad},
 * {@code ScansGrad}, {@code NormsGrad}, {@code ShapeOpsGrad}, {@code ViewsGrad} and {@code CopyGrad}. An elementwise
 * function of one tensor whose derivative reads its input or its output (exp, sin, cos, ...) is one entry of
 * {@code ElementwiseGrad.Unary}, and one line in {@code Tensor}.
 *
 * <h2>Derivatives index</h2>
 *
 * <p>Each {@code grad_fn} name this package records, as PyTorch prints it, and the file whose rule records it
 * ({@code DerivativesIndexTest} keeps this list equal to the names in the code):
 *
 * <pre>
 * AbsBackward0                ElementwiseGrad
 * AccumulateGrad              AccumulateGrad
 * AddBackward0                ElementwiseGrad
 * BmmBackward0                LinAlgGrad
 * CatBackward0                JoiningGrad
 * CeilBackward0               ElementwiseGrad
 * ClampBackward1              ElementwiseGrad
 * ClampMaxBackward0           ElementwiseGrad
 * ClampMinBackward0           ElementwiseGrad
 * CloneBackward0              CopyGrad
 * CopyBackwards               CopyGrad
 * CopySlices                  CopySlices
 * CosBackward0                ElementwiseGrad
 * CumprodBackward0            ScansGrad
 * CumsumBackward0             ScansGrad
 * DivBackward0                ElementwiseGrad
 * DotBackward0                LinAlgGrad
 * ErfBackward0                ElementwiseGrad
 * ExpBackward0                ElementwiseGrad
 * ExpandBackward0             ViewsGrad
 * Expm1Backward0              ElementwiseGrad
 * FillBackward0               CopyGrad
 * FlipBackward0               ShapeOpsGrad
 * FloorBackward0              ElementwiseGrad
 * GatherBackward0             IndexingGrad
 * IndexSelectBackward0        IndexingGrad
 * LinalgVectorNormBackward0   NormsGrad
 * Log1PBackward0              ElementwiseGrad
 * LogBackward0                ElementwiseGrad
 * LogSoftmaxBackward0         RowOpsGrad
 * LogsumexpBackward0          RowOpsGrad
 * MaskedFillBackward0         IndexingGrad
 * MaskedSelectBackward0       IndexingGrad
 * MaxBackward0                ReductionsGrad
 * MaxBackward1                ReductionsGrad
 * MaximumBackward0            ElementwiseGrad
 * MeanBackward0               ReductionsGrad
 * MeanBackward1               ReductionsGrad
 * MinBackward0                ReductionsGrad
 * MinBackward1                ReductionsGrad
 * MinimumBackward0            ElementwiseGrad
 * MmBackward0                 LinAlgGrad
 * MulBackward0                ElementwiseGrad
 * MvBackward0                 LinAlgGrad
 * NegBackward0                ElementwiseGrad
 * PermuteBackward0            ViewsGrad
 * PowBackward0                ElementwiseGrad
 * PowBackward1                ElementwiseGrad
 * ProdBackward0               ReductionsGrad
 * ProdBackward1               ReductionsGrad
 * ReluBackward0               ElementwiseGrad
 * RepeatBackward0             ShapeOpsGrad
 * RoundBackward0              ElementwiseGrad
 * RsubBackward1               ElementwiseGrad
 * ScatterAddBackward0         IndexingGrad
 * ScatterBackward0            IndexingGrad
 * ScatterBackward1            IndexingGrad
 * SelectBackward0             ViewsGrad
 * SigmoidBackward0            ElementwiseGrad
 * SignBackward0               ElementwiseGrad
 * SinBackward0                ElementwiseGrad
 * SliceBackward0              ViewsGrad
 * SoftmaxBackward0            RowOpsGrad
 * SortBackward0               SortingGrad
 * SqrtBackward0               ElementwiseGrad
 * SqueezeBackward0            ViewsGrad
 * SqueezeBackward1            ViewsGrad
 * StackBackward0              JoiningGrad
 * StdBackward0                RowOpsGrad
 * SubBackward0                ElementwiseGrad
 * SumBackward0                ReductionsGrad
 * SumBackward1                ReductionsGrad
 * TBackward0                  ViewsGrad
 * TanhBackward0               ElementwiseGrad
 * ToCopyBackward0             CopyGrad
 * TopkBackward0               SortingGrad
 * TransposeBackward0          ViewsGrad
 * TrilBackward0               ShapeOpsGrad
 * TriuBackward0               ShapeOpsGrad
 * TruncBackward0              ElementwiseGrad
 * UnsafeViewBackward0         LinAlgGrad, ViewsGrad
 * UnsqueezeBackward0          ViewsGrad
 * VarBackward0                RowOpsGrad
 * ViewBackward0               ViewsGrad
 * WhereBackward0              ElementwiseGrad
 * ZeroBackward0               CopyGrad
 * </pre>
 */
package dev.jgrad.autograd;
