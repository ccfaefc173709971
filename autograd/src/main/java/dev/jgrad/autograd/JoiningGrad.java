package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;

/** The derivatives of tensor-core's {@code Joining} ops: cat and stack (copies), split and chunk (views). */
final class JoiningGrad {
    private JoiningGrad() {}

    static Tensor cat(List<Tensor> tensors, int dim) {
        NDArray out = NDArray.cat(values(tensors), dim);
        return OpNode.apply("CatBackward0", out, tensors.toArray(new Tensor[0]), n -> {
            int d = Dims.wrap(dim, out.dim());
            int[][] shapes = new int[tensors.size()][];
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = n.inputShape(i);
            }
            return g -> {
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
            };
        });
    }

    static Tensor stack(List<Tensor> tensors, int dim) {
        NDArray out = NDArray.stack(values(tensors), dim);
        return OpNode.apply("StackBackward0", out, tensors.toArray(new Tensor[0]), n -> {
            int d = Dims.wrap(dim, out.dim());
            int count = tensors.size();
            return g -> {
                NDArray[] grads = new NDArray[count];
                for (int i = 0; i < grads.length; i++) {
                    grads[i] = n.needs(i) ? g.select(d, i) : null;
                }
                return grads;
            };
        });
    }

    private static List<NDArray> values(List<Tensor> tensors) {
        List<NDArray> parts = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            parts.add(t.data());
        }
        return parts;
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
            out.add(ViewsGrad.narrow(a, d, start, p.size(d)));
            start += p.size(d);
        }
        return out;
    }
}
