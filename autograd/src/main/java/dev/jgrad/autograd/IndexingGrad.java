package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.Arrays;

/**
 * The derivatives of tensor-core's {@code Indexing} ops: gather, indexSelect, maskedSelect, maskedFill, and the values
 * scatter_ and scatterAdd_ write (the out-of-place halves of those in-place ops, see {@link AutogradMeta#inplace}).
 */
final class IndexingGrad {
    private IndexingGrad() {}

    static Tensor gather(Tensor a, int dim, Tensor index) {
        return OpNode.apply("GatherBackward0", a.data().gather(dim, index.data()), a, n -> {
            int[] shape = n.inputShape(0);
            SavedValue si = n.save(index);
            return g -> {
                NDArray grad = NDArray.zeros(g.dtype(), shape);
                grad.scatterAdd_(dim, si.get(), g);
                return new NDArray[] {grad};
            };
        });
    }

    static Tensor indexSelect(Tensor a, int dim, Tensor index) {
        return OpNode.apply("IndexSelectBackward0", a.data().indexSelect(dim, index.data()), a, n -> {
            int[] shape = n.inputShape(0);
            int d = Dims.wrap(dim, shape.length);
            SavedValue si = n.save(index);
            return g -> {
                NDArray grad = NDArray.zeros(g.dtype(), shape);
                if (g.dim() == 0) {
                    grad.scatterAdd_(0, si.get().toLong().reshape(1), g.reshape(1));
                    return new NDArray[] {grad};
                }
                // index_add along dim, as a scatter-add whose index is broadcast over the other dims.
                int[] along = new int[g.dim()];
                Arrays.fill(along, 1);
                along[d] = -1;
                NDArray idx = si.get().toLong().reshape(along).expand(g.shape().toArray());
                grad.scatterAdd_(d, idx, g);
                return new NDArray[] {grad};
            };
        });
    }

    static Tensor maskedSelect(Tensor a, Tensor mask) {
        return OpNode.apply("MaskedSelectBackward0", a.data().maskedSelect(mask.data()), a, n -> {
            int[] full =
                    Dims.broadcastShape(n.inputShape(0), mask.data().shape().toArray());
            SavedValue sm = n.save(mask);
            return g -> {
                // The selected elements' row-major positions in the broadcast shape, in selection order.
                int total = 1;
                for (int s : full) {
                    total *= s;
                }
                NDArray positions = NDArray.arange(total).view(full).maskedSelect(sm.get());
                NDArray grad = NDArray.zeros(g.dtype(), total);
                if (g.numel() > 0) {
                    grad.scatter_(0, positions, g);
                }
                return new NDArray[] {grad.view(full)};
            };
        });
    }

    static Tensor maskedFill(Tensor a, Tensor mask, double value) {
        NDArray m = mask.data();
        return OpNode.apply(
                "MaskedFillBackward0", a.data().maskedFill(m, value), a, n -> g -> new NDArray[] {g.maskedFill(m, 0)});
    }

    /** scatter(dim, index, src) out of place: written positions get no gradient from the old value. */
    static Tensor scattered(Tensor self, int dim, Tensor index, Tensor src) {
        NDArray out = self.data().clone();
        out.scatter_(dim, index.data(), src.data());
        return OpNode.apply("ScatterBackward0", out, self, src, n -> {
            SavedValue si = n.save(index);
            return g -> {
                NDArray ga = null;
                if (n.needs(0)) {
                    ga = g.clone();
                    ga.scatter_(dim, si.get(), 0);
                }
                return new NDArray[] {ga, n.needs(1) ? g.gather(dim, si.get()) : null};
            };
        });
    }

    /** scatter_add(dim, index, src) out of place: self's gradient passes through, src's is gathered. */
    static Tensor scatterAdded(Tensor self, int dim, Tensor index, Tensor src) {
        NDArray out = self.data().clone();
        out.scatterAdd_(dim, index.data(), src.data());
        return OpNode.apply("ScatterAddBackward0", out, self, src, n -> {
            SavedValue si = n.save(index);
            return g -> new NDArray[] {n.needs(0) ? g : null, n.needs(1) ? g.gather(dim, si.get()) : null};
        });
    }

    static Tensor scattered(Tensor self, int dim, Tensor index, double value) {
        NDArray out = self.data().clone();
        out.scatter_(dim, index.data(), value);
        return OpNode.apply("ScatterBackward1", out, self, n -> {
            SavedValue si = n.save(index);
            return g -> {
                NDArray ga = g.clone();
                ga.scatter_(dim, si.get(), 0);
                return new NDArray[] {ga};
            };
        });
    }
}
