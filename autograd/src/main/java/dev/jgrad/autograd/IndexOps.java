package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;

/** Gathering, selecting and joining, each with its derivative. */
final class IndexOps {
    private IndexOps() {}

    static Tensor gather(Tensor a, int dim, Tensor index) {
        NDArray out = a.data().gather(dim, index.data());
        OpNode n = OpNode.record("GatherBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] shape = a.data().shape().toArray();
        SavedValue si = n.save(index);
        return n.finish(out, g -> {
            NDArray grad = NDArray.zeros(g.dtype(), shape);
            grad.scatterAdd_(dim, si.get(), g);
            return new NDArray[] {grad};
        });
    }

    static Tensor indexSelect(Tensor a, int dim, Tensor index) {
        NDArray out = a.data().indexSelect(dim, index.data());
        OpNode n = OpNode.record("IndexSelectBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] shape = a.data().shape().toArray();
        int d = Dims.wrap(dim, shape.length);
        SavedValue si = n.save(index);
        return n.finish(out, g -> {
            NDArray grad = NDArray.zeros(g.dtype(), shape);
            if (g.dim() == 0) {
                grad.scatterAdd_(0, si.get().toLong().reshape(1), g.reshape(1));
                return new NDArray[] {grad};
            }
            // index_add along dim, as a scatter-add whose index is broadcast over the other dims.
            int[] along = new int[g.dim()];
            java.util.Arrays.fill(along, 1);
            along[d] = -1;
            NDArray idx = si.get().toLong().reshape(along).expand(g.shape().toArray());
            grad.scatterAdd_(d, idx, g);
            return new NDArray[] {grad};
        });
    }

    static Tensor maskedSelect(Tensor a, Tensor mask) {
        NDArray out = a.data().maskedSelect(mask.data());
        OpNode n = OpNode.record("MaskedSelectBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] full = Dims.broadcastShape(
                a.data().shape().toArray(), mask.data().shape().toArray());
        SavedValue sm = n.save(mask);
        return n.finish(out, g -> {
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
        });
    }

    static Tensor cat(List<Tensor> tensors, int dim) {
        List<NDArray> parts = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            parts.add(t.data());
        }
        NDArray out = NDArray.cat(parts, dim);
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        OpNode n = OpNode.record("CatBackward0", inputs);
        if (n == null) {
            return Tensor.of(out);
        }
        int d = Dims.wrap(dim, out.dim());
        int[][] shapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            shapes[i] = inputs[i].data().shape().toArray();
        }
        return n.finish(out, g -> {
            NDArray[] grads = new NDArray[shapes.length];
            int offset = 0;
            for (int i = 0; i < shapes.length; i++) {
                int[] s = shapes[i];
                if (s.length == 1 && s[0] == 0 && g.dim() != 1) {
                    // cat skips legacy empty 1-D inputs.
                    grads[i] = n.needs(i) ? NDArray.zeros(g.dtype(), 0) : null;
                    continue;
                }
                if (n.needs(i)) {
                    grads[i] = g.narrow(d, offset, s[d]);
                }
                offset += s[d];
            }
            return grads;
        });
    }

    static Tensor stack(List<Tensor> tensors, int dim) {
        List<NDArray> parts = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            parts.add(t.data());
        }
        NDArray out = NDArray.stack(parts, dim);
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        OpNode n = OpNode.record("StackBackward0", inputs);
        if (n == null) {
            return Tensor.of(out);
        }
        int d = Dims.wrap(dim, out.dim());
        return n.finish(out, g -> {
            NDArray[] grads = new NDArray[inputs.length];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = n.needs(i) ? g.select(d, i) : null;
            }
            return grads;
        });
    }

    /** Pieces of {@code a} along {@code dim} with the sizes the NDArray split produced, as narrow views. */
    static List<Tensor> pieces(Tensor a, List<NDArray> split, int dim) {
        List<Tensor> out = new ArrayList<>(split.size());
        if (!a.requiresGrad() || !GradMode.isEnabled()) {
            for (NDArray p : split) {
                out.add(Tensor.of(p));
            }
            return out;
        }
        int d = Dims.wrap(dim, a.data().dim());
        int start = 0;
        for (NDArray p : split) {
            out.add(ViewOps.narrow(a, d, start, p.size(d)));
            start += p.size(d);
        }
        return out;
    }
}
