package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * In-place ops. With nothing to record they write straight into the data. Otherwise the
 * out-of-place op runs on the old value, its result is copied in, and its node becomes the tensor's
 * new history, so backward sees the op as PyTorch's in-place ops show it.
 */
final class InplaceOps {
    private InplaceOps() {}

    /**
     * @param direct the write itself, used when nothing records
     * @param outOfPlace the same op, out of place, applied to the old value
     * @param readsSelf whether outOfPlace's derivative saves the old value (then it gets a copy of its own)
     */
    static Tensor run(
            Tensor self, Runnable direct, UnaryOperator<Tensor> outOfPlace, boolean readsSelf, Tensor... others) {
        boolean any = self.requiresGrad();
        for (Tensor o : others) {
            any |= o.requiresGrad();
        }
        if (!any || !GradMode.isEnabled()) {
            direct.run();
            return self;
        }
        self.checkInplaceAllowed();
        Tensor before = self.valueBeforeInplace(readsSelf);
        Tensor r = outOfPlace.apply(before);
        NDArray target = self.data();
        if (!r.data().shape().equals(target.shape())) {
            throw new IllegalArgumentException("output with shape "
                    + Arrays.toString(target.shape().toArray()) + " doesn't match the broadcast shape "
                    + Arrays.toString(r.data().shape().toArray()));
        }
        if (r.data().dtype().isFloatingPoint() && !target.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(
                    "result type " + r.data().dtype().scalarTypeName() + " can't be cast to the desired output type "
                            + target.dtype().scalarTypeName());
        }
        target.copy_(r.data());
        self.rebaseHistory((OpNode) r.gradFn());
        return self;
    }

    /** The value a tensor gets from copy_: src, cast and broadcast; its old value gets a zero gradient. */
    static Tensor copied(Tensor self, Tensor src) {
        NDArray out = src.data()
                .to(self.data().dtype())
                .broadcastTo(self.data().shape().toArray());
        OpNode n = OpNode.record("CopyBackwards", self, src);
        int[] shape = self.data().shape().toArray();
        return n.finish(out, g ->
                new NDArray[] {n.needs(0) ? NDArray.zeros(g.dtype(), shape) : null, n.needs(1) ? g : null});
    }

    /** The value fill_ and zero_ give: a constant, so the old value gets a zero gradient. */
    static Tensor filled(Tensor self, double value, String name) {
        NDArray out = NDArray.fullLike(self.data(), value);
        OpNode n = OpNode.record(name, self);
        int[] shape = self.data().shape().toArray();
        return n.finish(out, g -> new NDArray[] {NDArray.zeros(g.dtype(), shape)});
    }

    /** scatter(dim, index, src) out of place: written positions get no gradient from the old value. */
    static Tensor scattered(Tensor self, int dim, Tensor index, Tensor src) {
        NDArray out = self.data().clone();
        out.scatter_(dim, index.data(), src.data());
        OpNode n = OpNode.record("ScatterBackward0", self, src);
        SavedValue si = n.save(index);
        return n.finish(out, g -> {
            NDArray ga = null;
            if (n.needs(0)) {
                ga = g.clone();
                ga.scatter_(dim, si.get(), 0);
            }
            return new NDArray[] {ga, n.needs(1) ? g.gather(dim, si.get()) : null};
        });
    }

    /** scatter_add(dim, index, src) out of place: self's gradient passes through, src's is gathered. */
    static Tensor scatterAdded(Tensor self, int dim, Tensor index, Tensor src) {
        NDArray out = self.data().clone();
        out.scatterAdd_(dim, index.data(), src.data());
        OpNode n = OpNode.record("ScatterAddBackward0", self, src);
        SavedValue si = n.save(index);
        return n.finish(out, g -> new NDArray[] {n.needs(0) ? g : null, n.needs(1) ? g.gather(dim, si.get()) : null});
    }

    static Tensor scattered(Tensor self, int dim, Tensor index, double value) {
        NDArray out = self.data().clone();
        out.scatter_(dim, index.data(), value);
        OpNode n = OpNode.record("ScatterBackward1", self);
        SavedValue si = n.save(index);
        return n.finish(out, g -> {
            NDArray ga = g.clone();
            ga.scatter_(dim, si.get(), 0);
            return new NDArray[] {ga};
        });
    }
}
