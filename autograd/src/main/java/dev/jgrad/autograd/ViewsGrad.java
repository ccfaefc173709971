package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.function.UnaryOperator;

/**
 * The derivatives of tensor-core's {@code Views}: results that share their input's storage. Each records its
 * derivative and how to replay it on its base, which in-place ops on views need (see {@link AutogradMeta}).
 */
final class ViewsGrad {
    private ViewsGrad() {}

    /** The gradient of a reshape: g back in the input's shape. */
    private static final OpNode.Rule RESHAPE = n -> {
        int[] in = n.inputShape(0);
        return g -> new NDArray[] {g.reshape(in)};
    };

    static Tensor view(Tensor a, int... shape) {
        int[] args = shape.clone();
        return OpNode.view("ViewBackward0", a.data().view(shape), a, t -> view(t, args), RESHAPE);
    }

    static Tensor reshape(Tensor a, int... shape) {
        int[] args = shape.clone();
        return reshaped(a, a.data().reshape(shape), t -> reshape(t, args));
    }

    static Tensor flatten(Tensor a, int startDim, int endDim) {
        return reshaped(a, a.data().flatten(startDim, endDim), t -> flatten(t, startDim, endDim));
    }

    /** A reshape that viewed the input (ViewBackward0) or had to copy it (UnsafeViewBackward0). */
    private static Tensor reshaped(Tensor a, NDArray out, UnaryOperator<Tensor> replay) {
        boolean isView = out.storage() == a.data().storage();
        return OpNode.view(isView ? "ViewBackward0" : "UnsafeViewBackward0", out, a, replay, RESHAPE);
    }

    static Tensor squeeze(Tensor a) {
        return OpNode.view("SqueezeBackward0", a.data().squeeze(), a, ViewsGrad::squeeze, SQUEEZE_ALL);
    }

    /** Puts back every size-1 dim of the input. */
    private static final OpNode.Rule SQUEEZE_ALL = n -> {
        int[] in = n.inputShape(0);
        return g -> {
            for (int d = 0; d < in.length; d++) {
                if (in[d] == 1) {
                    g = g.unsqueeze(d);
                }
            }
            return new NDArray[] {g};
        };
    };

    static Tensor squeeze(Tensor a, int dim) {
        return OpNode.view("SqueezeBackward1", a.data().squeeze(dim), a, t -> squeeze(t, dim), n -> {
            int[] in = n.inputShape(0);
            int d = Dims.wrap(dim, in.length);
            boolean removed = in.length > 0 && in[d] == 1;
            return g -> new NDArray[] {removed ? g.unsqueeze(d) : g};
        });
    }

    static Tensor unsqueeze(Tensor a, int dim) {
        int d = dim < 0 ? dim + a.data().dim() + 1 : dim;
        return OpNode.view(
                "UnsqueezeBackward0",
                a.data().unsqueeze(dim),
                a,
                t -> unsqueeze(t, dim),
                n -> g -> new NDArray[] {g.squeeze(d)});
    }

    static Tensor transpose(Tensor a, int dim0, int dim1) {
        return OpNode.view(
                "TransposeBackward0",
                a.data().transpose(dim0, dim1),
                a,
                t -> transpose(t, dim0, dim1),
                n -> g -> new NDArray[] {g.transpose(dim0, dim1)});
    }

    /** {@code torch.movedim}: a permutation view; its gradient moves the dim back. */
    static Tensor movedim(Tensor a, int source, int destination) {
        NDArray out = a.data().movedim(source, destination);
        int s = Dims.wrap(source, a.dim());
        int d = Dims.wrap(destination, a.dim());
        return OpNode.view(
                "PermuteBackward0", out, a, t -> movedim(t, s, d), n -> g -> new NDArray[] {g.movedim(d, s)});
    }

    static Tensor t(Tensor a) {
        return OpNode.view("TBackward0", a.data().t(), a, ViewsGrad::t, T);
    }

    private static final OpNode.Rule T = n -> g -> new NDArray[] {g.t()};

    static Tensor permute(Tensor a, int... dims) {
        NDArray out = a.data().permute(dims);
        int[] args = dims.clone();
        return OpNode.view("PermuteBackward0", out, a, t -> permute(t, args), n -> {
            int[] inverse = new int[args.length];
            for (int i = 0; i < args.length; i++) {
                inverse[Dims.wrap(args[i], args.length)] = i;
            }
            return g -> new NDArray[] {g.permute(inverse)};
        });
    }

    static Tensor expand(Tensor a, int... sizes) {
        int[] args = sizes.clone();
        return OpNode.view("ExpandBackward0", a.data().expand(sizes), a, t -> expand(t, args), n -> {
            int[] in = n.inputShape(0);
            return g -> new NDArray[] {SumToShape.apply(g, in)};
        });
    }

    static Tensor narrow(Tensor a, int dim, int start, int length) {
        return region(
                a,
                a.data().narrow(dim, start, length),
                "SliceBackward0",
                z -> z.narrow(dim, start, length),
                t -> narrow(t, dim, start, length));
    }

    static Tensor slice(Tensor a, int dim, int start, int end, int step) {
        return region(
                a,
                a.data().slice(dim, start, end, step),
                "SliceBackward0",
                z -> z.slice(dim, start, end, step),
                t -> slice(t, dim, start, end, step));
    }

    static Tensor select(Tensor a, int dim, int index) {
        return region(
                a,
                a.data().select(dim, index),
                "SelectBackward0",
                z -> z.select(dim, index),
                t -> select(t, dim, index));
    }

    static Tensor get(Tensor a, int... indices) {
        int[] args = indices.clone();
        return region(a, a.data().get(indices), "SelectBackward0", z -> z.get(args), t -> get(t, args));
    }

    /** A view of part of the input: its gradient is zero outside that part. */
    private static Tensor region(
            Tensor a, NDArray out, String name, UnaryOperator<NDArray> part, UnaryOperator<Tensor> replay) {
        return OpNode.view(name, out, a, replay, n -> {
            int[] in = n.inputShape(0);
            return g -> new NDArray[] {embed(in, g, part)};
        });
    }

    /** A zero gradient of {@code shape} with {@code g} written into the region the view selected. */
    private static NDArray embed(int[] shape, NDArray g, UnaryOperator<NDArray> region) {
        NDArray z = NDArray.zeros(g.dtype(), shape);
        region.apply(z).copy_(g);
        return z;
    }
}
