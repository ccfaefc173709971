package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.function.UnaryOperator;

/**
 * Views: results that share their input's storage. Each records its derivative and how to replay
 * it on its base, which in-place ops on views need (see {@link Tensor#rebaseHistory}).
 */
final class ViewOps {
    private ViewOps() {}

    /** A zero gradient of {@code shape} with {@code g} written into the region the view selected. */
    static NDArray embed(int[] shape, NDArray g, UnaryOperator<NDArray> region) {
        NDArray z = NDArray.zeros(g.dtype(), shape);
        region.apply(z).copy_(g);
        return z;
    }

    private static int[] shape(Tensor a) {
        return a.data().shape().toArray();
    }

    static Tensor view(Tensor a, int... shape) {
        NDArray out = a.data().view(shape);
        OpNode n = OpNode.record("ViewBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] in = shape(a);
        int[] args = shape.clone();
        return a.viewResult(n, out, g -> new NDArray[] {g.reshape(in)}, t -> view(t, args));
    }

    static Tensor reshape(Tensor a, int... shape) {
        NDArray out = a.data().reshape(shape);
        int[] args = shape.clone();
        return reshaped(a, out, t -> reshape(t, args));
    }

    static Tensor flatten(Tensor a, int startDim, int endDim) {
        NDArray out = a.data().flatten(startDim, endDim);
        return reshaped(a, out, t -> flatten(t, startDim, endDim));
    }

    /** A reshape that viewed the input (ViewBackward0) or had to copy it (UnsafeViewBackward0). */
    private static Tensor reshaped(Tensor a, NDArray out, UnaryOperator<Tensor> replay) {
        boolean isView = out.storage() == a.data().storage();
        OpNode n = OpNode.record(isView ? "ViewBackward0" : "UnsafeViewBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] in = shape(a);
        return a.viewResult(n, out, g -> new NDArray[] {g.reshape(in)}, replay);
    }

    static Tensor squeeze(Tensor a) {
        NDArray out = a.data().squeeze();
        OpNode n = OpNode.record("SqueezeBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] in = shape(a);
        return a.viewResult(
                n,
                out,
                g -> {
                    for (int d = 0; d < in.length; d++) {
                        if (in[d] == 1) {
                            g = g.unsqueeze(d);
                        }
                    }
                    return new NDArray[] {g};
                },
                ViewOps::squeeze);
    }

    static Tensor squeeze(Tensor a, int dim) {
        NDArray out = a.data().squeeze(dim);
        OpNode n = OpNode.record("SqueezeBackward1", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] in = shape(a);
        int d = Dims.wrap(dim, in.length);
        boolean removed = in.length > 0 && in[d] == 1;
        return a.viewResult(n, out, g -> new NDArray[] {removed ? g.unsqueeze(d) : g}, t -> squeeze(t, dim));
    }

    static Tensor unsqueeze(Tensor a, int dim) {
        NDArray out = a.data().unsqueeze(dim);
        OpNode n = OpNode.record("UnsqueezeBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int d = dim < 0 ? dim + a.data().dim() + 1 : dim;
        return a.viewResult(n, out, g -> new NDArray[] {g.squeeze(d)}, t -> unsqueeze(t, dim));
    }

    static Tensor transpose(Tensor a, int dim0, int dim1) {
        NDArray out = a.data().transpose(dim0, dim1);
        OpNode n = OpNode.record("TransposeBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        return a.viewResult(n, out, g -> new NDArray[] {g.transpose(dim0, dim1)}, t -> transpose(t, dim0, dim1));
    }

    /** {@code torch.movedim}: a permutation view; its gradient moves the dim back. */
    static Tensor movedim(Tensor a, int source, int destination) {
        NDArray out = a.data().movedim(source, destination);
        OpNode n = OpNode.record("PermuteBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int s = Dims.wrap(source, a.dim());
        int d = Dims.wrap(destination, a.dim());
        return a.viewResult(n, out, g -> new NDArray[] {g.movedim(d, s)}, t -> movedim(t, s, d));
    }

    static Tensor t(Tensor a) {
        NDArray out = a.data().t();
        OpNode n = OpNode.record("TBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        return a.viewResult(n, out, g -> new NDArray[] {g.t()}, ViewOps::t);
    }

    static Tensor permute(Tensor a, int... dims) {
        NDArray out = a.data().permute(dims);
        OpNode n = OpNode.record("PermuteBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] args = dims.clone();
        int[] inverse = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            inverse[Dims.wrap(dims[i], dims.length)] = i;
        }
        return a.viewResult(n, out, g -> new NDArray[] {g.permute(inverse)}, t -> permute(t, args));
    }

    static Tensor expand(Tensor a, int... sizes) {
        NDArray out = a.data().expand(sizes);
        OpNode n = OpNode.record("ExpandBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] in = shape(a);
        int[] args = sizes.clone();
        return a.viewResult(n, out, g -> new NDArray[] {SumToShape.apply(g, in)}, t -> expand(t, args));
    }

    static Tensor narrow(Tensor a, int dim, int start, int length) {
        NDArray out = a.data().narrow(dim, start, length);
        return region(a, out, "SliceBackward0", z -> z.narrow(dim, start, length), t -> narrow(t, dim, start, length));
    }

    static Tensor slice(Tensor a, int dim, int start, int end, int step) {
        NDArray out = a.data().slice(dim, start, end, step);
        return region(
                a, out, "SliceBackward0", z -> z.slice(dim, start, end, step), t -> slice(t, dim, start, end, step));
    }

    static Tensor select(Tensor a, int dim, int index) {
        NDArray out = a.data().select(dim, index);
        return region(a, out, "SelectBackward0", z -> z.select(dim, index), t -> select(t, dim, index));
    }

    static Tensor get(Tensor a, int... indices) {
        NDArray out = a.data().get(indices);
        int[] args = indices.clone();
        return region(a, out, "SelectBackward0", z -> z.get(args), t -> get(t, args));
    }

    /** A view of part of the input: its gradient is zero outside that part. */
    private static Tensor region(
            Tensor a, NDArray out, String name, UnaryOperator<NDArray> part, UnaryOperator<Tensor> replay) {
        OpNode n = OpNode.record(name, a);
        if (n == null) {
            return Tensor.of(out);
        }
        int[] in = shape(a);
        return a.viewResult(n, out, g -> new NDArray[] {embed(in, g, part)}, replay);
    }
}
