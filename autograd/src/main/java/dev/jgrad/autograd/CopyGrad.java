package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;

/**
 * The derivatives of tensor-core's {@code Copy} ops: to, clone, contiguous, and the values copy_ and fill_ write
 * (the out-of-place halves of those in-place ops, see {@link AutogradMeta#inplace}).
 */
final class CopyGrad {
    private CopyGrad() {}

    /** The gradient passes through unchanged (the engine casts it back to the input's dtype). */
    private static final OpNode.Rule PASS = n -> g -> new NDArray[] {g};

    /** {@code to(dtype)}: the same tensor when the dtype already matches, as in PyTorch. */
    static Tensor to(Tensor a, DType dtype) {
        if (a.data().dtype() == dtype) {
            return a;
        }
        return OpNode.apply("ToCopyBackward0", a.data().to(dtype), a, PASS);
    }

    static Tensor clone(Tensor a) {
        return OpNode.apply("CloneBackward0", a.data().clone(), a, PASS);
    }

    static Tensor contiguous(Tensor a) {
        return a.data().isContiguous()
                ? a
                : OpNode.apply("CloneBackward0", a.data().contiguous(), a, PASS);
    }

    /** The value a tensor gets from copy_: src, cast and broadcast; its old value gets a zero gradient. */
    static Tensor copied(Tensor self, Tensor src) {
        NDArray out = src.data()
                .to(self.data().dtype())
                .broadcastTo(self.data().shape().toArray());
        int[] shape = self.data().shape().toArray();
        return OpNode.apply(
                "CopyBackwards",
                out,
                self,
                src,
                n -> g -> new NDArray[] {n.needs(0) ? NDArray.zeros(g.dtype(), shape) : null, n.needs(1) ? g : null});
    }

    /** The value fill_ gives. */
    static Tensor filled(Tensor self, double value) {
        return constant(self, value, "FillBackward0");
    }

    /** The value zero_ gives. */
    static Tensor zeroed(Tensor self) {
        return constant(self, 0, "ZeroBackward0");
    }

    /** A constant, so the old value gets a zero gradient. */
    private static Tensor constant(Tensor self, double value, String name) {
        int[] shape = self.data().shape().toArray();
        return OpNode.apply(
                name,
                NDArray.fullLike(self.data(), value),
                self,
                n -> g -> new NDArray[] {NDArray.zeros(g.dtype(), shape)});
    }
}
