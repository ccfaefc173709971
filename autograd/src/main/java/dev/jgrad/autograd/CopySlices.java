package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.function.UnaryOperator;

/**
 * The new history of a base tensor after an in-place op wrote into one of its views (PyTorch's
 * CopySlices): outside the view the gradient flows to the base's old history unchanged; inside it,
 * through the in-place op's own derivative.
 */
final class CopySlices extends Node {
    private final UnaryOperator<Tensor> view;
    private final OpNode op;

    /**
     * @param oldBase where the base's gradient went before the write
     * @param view replays the view on a base-shaped value
     * @param op the node of the op the view underwent; its input 0 is the view's old value
     */
    CopySlices(Node oldBase, UnaryOperator<Tensor> view, OpNode op, int[] baseShape, DType baseDtype) {
        super(edges(oldBase, op));
        this.view = view;
        this.op = op;
        this.shape = baseShape;
        this.dtype = baseDtype;
    }

    private static Node[] edges(Node oldBase, OpNode op) {
        Node[] e = op.next.clone();
        e[0] = oldBase;
        return e;
    }

    @Override
    public String name() {
        return "CopySlices";
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    @Override
    NDArray[] apply(NDArray grad) {
        NDArray result = grad.isContiguous() ? grad.clone() : grad.contiguous();
        NDArray slice;
        try (GradMode.Scope s = GradMode.scope(false)) {
            slice = view.apply(Tensor.of(result)).data();
        }
        NDArray[] grads = op.apply(slice.clone());
        if (grads[0] != null) {
            slice.copy_(grads[0]);
        } else {
            slice.zero_();
        }
        grads[0] = result;
        return grads;
    }

    @Override
    void release() {
        op.release();
    }
}
