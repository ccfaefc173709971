package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.internal.BackwardKernels;
import java.util.function.UnaryOperator;

/** Elementwise functions of one tensor, each with its derivative. */
final class UnaryOps {
    private UnaryOps() {}

    static Tensor exp(Tensor a) {
        NDArray out = a.data().exp();
        OpNode n = OpNode.record("ExpBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue so = n.save(out);
        return n.finish(out, g -> new NDArray[] {g.mul(so.get())});
    }

    static Tensor log(Tensor a) {
        NDArray out = a.data().log();
        OpNode n = OpNode.record("LogBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> new NDArray[] {g.div(sa.get())});
    }

    static Tensor sqrt(Tensor a) {
        NDArray out = a.data().sqrt();
        OpNode n = OpNode.record("SqrtBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue so = n.save(out);
        return n.finish(out, g -> new NDArray[] {g.div(so.get().mul(2))});
    }

    static Tensor abs(Tensor a) {
        NDArray out = a.data().abs();
        OpNode n = OpNode.record("AbsBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> new NDArray[] {g.mul(sign(sa.get()))});
    }

    /** -1, 0 or 1 per element, in x's dtype (the derivative of abs is 0 at 0, as in PyTorch). */
    private static NDArray sign(NDArray x) {
        DType dt = x.dtype();
        return x.gt(0).to(dt).sub(x.lt(0).to(dt));
    }

    static Tensor sigmoid(Tensor a) {
        NDArray out = a.data().sigmoid();
        OpNode n = OpNode.record("SigmoidBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue so = n.save(out);
        return n.finish(out, g -> {
            NDArray y = so.get();
            return new NDArray[] {g.mul(y.neg().add(1)).mul(y)};
        });
    }

    static Tensor tanh(Tensor a) {
        NDArray out = a.data().tanh();
        OpNode n = OpNode.record("TanhBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue so = n.save(out);
        return n.finish(out, g -> {
            NDArray y = so.get();
            return new NDArray[] {g.mul(y.mul(y).neg().add(1))};
        });
    }

    static Tensor relu(Tensor a) {
        NDArray out = a.data().relu();
        OpNode n = OpNode.record("ReluBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue so = n.save(out);
        return n.finish(out, g -> new NDArray[] {BackwardKernels.thresholdBackward(g, so.get(), 0)});
    }

    static Tensor clamp(Tensor a, double min, double max) {
        NDArray out = a.data().clamp(min, max);
        OpNode n = OpNode.record("ClampBackward1", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> {
            NDArray x = sa.get();
            return new NDArray[] {NDArray.where(x.ge(min).logicalAnd(x.le(max)), g, PointwiseOps.zero(g))};
        });
    }

    static Tensor clampMin(Tensor a, double min) {
        NDArray out = a.data().clampMin(min);
        OpNode n = OpNode.record("ClampMinBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> new NDArray[] {NDArray.where(sa.get().ge(min), g, PointwiseOps.zero(g))});
    }

    static Tensor clampMax(Tensor a, double max) {
        NDArray out = a.data().clampMax(max);
        OpNode n = OpNode.record("ClampMaxBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> new NDArray[] {NDArray.where(sa.get().le(max), g, PointwiseOps.zero(g))});
    }

    static Tensor sin(Tensor a) {
        NDArray out = a.data().sin();
        OpNode n = OpNode.record("SinBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> new NDArray[] {g.mul(sa.get().cos())});
    }

    static Tensor cos(Tensor a) {
        NDArray out = a.data().cos();
        OpNode n = OpNode.record("CosBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> new NDArray[] {g.mul(sa.get().sin().neg())});
    }

    /** d/dx erf(x) = 2/sqrt(pi) e^(-x^2). */
    static Tensor erf(Tensor a) {
        NDArray out = a.data().erf();
        OpNode n = OpNode.record("ErfBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> {
            NDArray x = sa.get();
            return new NDArray[] {g.mul(x.mul(x).neg().exp().mul(2 / Math.sqrt(Math.PI)))};
        });
    }

    /** d/dx (e^x - 1) = e^x = out + 1. */
    static Tensor expm1(Tensor a) {
        NDArray out = a.data().expm1();
        OpNode n = OpNode.record("Expm1Backward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue so = n.save(out);
        return n.finish(out, g -> new NDArray[] {g.mul(so.get().add(1))});
    }

    static Tensor log1p(Tensor a) {
        NDArray out = a.data().log1p();
        OpNode n = OpNode.record("Log1PBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        return n.finish(out, g -> new NDArray[] {g.div(sa.get().add(1))});
    }

    /**
     * floor, ceil, round, trunc and sign: piecewise constant, so their gradient is zero everywhere
     * (PyTorch's choice at the jumps too).
     */
    static Tensor stepwise(Tensor a, String backwardName, UnaryOperator<NDArray> op) {
        NDArray out = op.apply(a.data());
        OpNode n = OpNode.record(backwardName, a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {NDArray.zerosLike(g)});
    }

    /** {@code other - a}: PyTorch's rsub with a number. */
    static Tensor rsub(Tensor a, double other) {
        NDArray out = a.data().rsub(other);
        OpNode n = OpNode.record("RsubBackward1", a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g.neg()});
    }

    /** {@code to(dtype)}: the same tensor when the dtype already matches, as in PyTorch. */
    static Tensor to(Tensor a, DType dtype) {
        if (a.data().dtype() == dtype) {
            return a;
        }
        NDArray out = a.data().to(dtype);
        OpNode n = OpNode.record("ToCopyBackward0", a);
        // The engine casts the gradient back to the input's dtype.
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g});
    }

    static Tensor clone(Tensor a) {
        return copy(a, a.data().clone());
    }

    static Tensor contiguous(Tensor a) {
        return a.data().isContiguous() ? a : copy(a, a.data().contiguous());
    }

    private static Tensor copy(Tensor a, NDArray out) {
        OpNode n = OpNode.record("CloneBackward0", a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g});
    }
}
