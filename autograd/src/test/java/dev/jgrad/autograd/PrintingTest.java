package dev.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tensors print as PyTorch prints them, with requires_grad or the grad_fn's PyTorch name. */
class PrintingTest {
    @Test
    void leafThatRequiresGrad() {
        assertEquals(
                "tensor([0.], requires_grad=True)",
                Tensor.zeros(1).requiresGrad_().toString());
        assertEquals(
                "tensor([1., 2.], dtype=float64, requires_grad=True)",
                Tensor.tensor(new double[] {1, 2}).requiresGrad_().toString());
    }

    @Test
    void resultOfAnOp() {
        Tensor x = Tensor.tensor(new float[] {1.3687f}).requiresGrad_();
        assertEquals("tensor(1.3687, grad_fn=<MeanBackward0>)", x.mean().toString());
        Tensor w = Tensor.zeros(1).requiresGrad_();
        Tensor xTrain = Tensor.tensor(new float[][] {{1}, {2}, {3}});
        assertEquals(
                "tensor([[0.],\n        [0.],\n        [0.]], grad_fn=<AddBackward0>)",
                xTrain.mul(w).add(w).toString());
    }

    @Test
    void plainTensorsAndGradsPrintWithoutSuffix() {
        Tensor w = Tensor.zeros(2).requiresGrad_();
        w.mul(3).sum().backward();
        assertEquals("tensor([3., 3.])", w.grad().toString());
        assertEquals("tensor([0., 0.])", w.detach().toString());
    }

    @Test
    void gradFnNamesArePyTorchs() {
        Tensor a = Tensor.ones(2, 2).requiresGrad_();
        Tensor v = Tensor.ones(2).requiresGrad_();
        Object[][] cases = {
            {a.add(a), "AddBackward0"},
            {a.add(1), "AddBackward0"},
            {a.sub(a), "SubBackward0"},
            {a.mul(a), "MulBackward0"},
            {a.mul(2), "MulBackward0"},
            {a.div(a), "DivBackward0"},
            {a.neg(), "NegBackward0"},
            {a.pow(2), "PowBackward0"},
            {a.pow(a), "PowBackward1"},
            {a.exp(), "ExpBackward0"},
            {a.log(), "LogBackward0"},
            {a.sqrt(), "SqrtBackward0"},
            {a.abs(), "AbsBackward0"},
            {a.clamp(0, 1), "ClampBackward1"},
            {a.clampMin(0), "ClampMinBackward0"},
            {a.clampMax(0), "ClampMaxBackward0"},
            {a.sigmoid(), "SigmoidBackward0"},
            {a.tanh(), "TanhBackward0"},
            {a.relu(), "ReluBackward0"},
            {a.maximum(a), "MaximumBackward0"},
            {a.minimum(a), "MinimumBackward0"},
            {a.sum(), "SumBackward0"},
            {a.sum(0), "SumBackward1"},
            {a.mean(), "MeanBackward0"},
            {a.mean(1), "MeanBackward1"},
            {a.prod(), "ProdBackward0"},
            {a.prod(0, false), "ProdBackward1"},
            {a.max(), "MaxBackward1"},
            {a.max(0).values(), "MaxBackward0"},
            {a.min(), "MinBackward1"},
            {a.min(1).values(), "MinBackward0"},
            {a.var(), "VarBackward0"},
            {a.std(0), "StdBackward0"},
            {a.logsumexp(1), "LogsumexpBackward0"},
            {a.mm(a), "MmBackward0"},
            {a.matmul(a), "MmBackward0"},
            {v.dot(v), "DotBackward0"},
            {v.matmul(v), "DotBackward0"},
            {a.matmul(v), "MvBackward0"},
            {a.unsqueeze(0).bmm(a.unsqueeze(0)), "BmmBackward0"},
            {a.view(4), "ViewBackward0"},
            {a.reshape(4), "ViewBackward0"},
            {a.t().reshape(4), "UnsafeViewBackward0"},
            {a.squeeze(), "SqueezeBackward0"},
            {a.squeeze(0), "SqueezeBackward1"},
            {a.unsqueeze(0), "UnsqueezeBackward0"},
            {a.transpose(0, 1), "TransposeBackward0"},
            {a.t(), "TBackward0"},
            {a.permute(1, 0), "PermuteBackward0"},
            {v.expand(3, 2), "ExpandBackward0"},
            {a.narrow(0, 0, 1), "SliceBackward0"},
            {a.slice(1, 1), "SliceBackward0"},
            {a.select(0, 1), "SelectBackward0"},
            {a.get(0), "SelectBackward0"},
            {a.gather(1, Tensor.tensor(new long[][] {{0}, {1}})), "GatherBackward0"},
            {a.indexSelect(0, Tensor.tensor(new long[] {1})), "IndexSelectBackward0"},
            {Tensor.cat(List.of(a, a), 0), "CatBackward0"},
            {Tensor.stack(List.of(a, a), 0), "StackBackward0"},
            {a.softmax(1), "SoftmaxBackward0"},
            {a.logSoftmax(1), "LogSoftmaxBackward0"},
            {Tensor.where(a.gt(0), a, a), "WhereBackward0"},
            {a.toDouble(), "ToCopyBackward0"},
            {a.clone(), "CloneBackward0"},
            {a.t().contiguous(), "CloneBackward0"},
            {a.maskedSelect(a.gt(0)), "MaskedSelectBackward0"},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], ((Tensor) c[0]).gradFn().name());
        }
    }
}
