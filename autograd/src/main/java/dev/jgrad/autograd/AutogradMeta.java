package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The autograd half of a {@link Tensor}, as PyTorch keeps {@code AutogradMeta} beside {@code TensorImpl}: whether it
 * requires grad, its {@code grad_fn} and {@code grad}, and the history logic of views and in-place ops. A tensor that
 * never meets autograd has none.
 *
 * <p>A differentiable view knows its base and how to redo itself from it. An in-place op gives its tensor a new
 * history ({@link #rebaseHistory}); when that tensor is a view, the base gets a {@link CopySlices} node instead and a
 * new epoch, and every view of the base redoes its own history from the base the next time it is asked for it
 * ({@link #refreshViewHistory}).
 */
final class AutogradMeta {
    /** The owner's values: their shape and dtype are the gradient's. */
    private final NDArray data;

    private boolean requiresGrad;
    private Node gradFn;
    private Tensor grad;
    private AccumulateGrad accumulator;
    private boolean retainsGrad;

    private Tensor viewBase;
    private UnaryOperator<Tensor> viewReplay;
    private int seenEpoch;
    /** Bumped whenever an in-place op gives this tensor a new history. */
    private int epoch;

    AutogradMeta(NDArray data, Node gradFn) {
        this.data = data;
        this.gradFn = gradFn;
    }

    NDArray data() {
        return data;
    }

    boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    boolean isLeaf() {
        return gradFn == null;
    }

    void setRequiresGrad(boolean flag) {
        if (gradFn != null) {
            if (!flag) {
                throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you"
                        + " want to use a computed variable in a subgraph that doesn't require differentiation use"
                        + " var_no_grad = var.detach().");
            }
            return;
        }
        if (flag && !data.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(
                    "only Tensors of floating point and complex dtype can require gradients");
        }
        requiresGrad = flag;
    }

    /** The grad_fn, redone first when this is a view whose base an in-place op changed. */
    Node gradFn() {
        refreshViewHistory();
        return gradFn;
    }

    /** The grad_fn as it stands, for naming the producer of a saved value. */
    Node gradFnForSaving() {
        return gradFn;
    }

    Tensor grad() {
        return grad;
    }

    void setGrad(Tensor g) {
        if (g != null) {
            if (!g.data().shape().equals(data.shape())) {
                throw new IllegalArgumentException("assigned grad has data of a different size");
            }
            if (g.data().dtype() != data.dtype()) {
                throw new IllegalArgumentException("assigned grad has data of a different type");
            }
        }
        grad = g;
    }

    /** Sets the grad the engine accumulated, without the checks of {@link #setGrad} (it made it to fit). */
    void setGradUnchecked(Tensor g) {
        grad = g;
    }

    void zeroGrad() {
        if (grad != null) {
            grad.data().zero_();
        }
    }

    void retainGrad() {
        if (gradFn == null) {
            if (!requiresGrad) {
                throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
            }
            return;
        }
        retainsGrad = true;
        gradFn().retainer = this;
    }

    boolean retainsGrad() {
        return retainsGrad;
    }

    /** Called by the engine when the grad_fn of a tensor that retains its gradient receives {@code g}. */
    void retainGradient(NDArray g) {
        grad = grad == null
                ? Tensor.of(g.isContiguous() ? g.clone() : g.contiguous())
                : Tensor.of(grad.data().add(g));
    }

    /** Where a gradient of this tensor goes: its grad_fn, its leaf accumulator, or null when it needs none. */
    Node gradEdge() {
        refreshViewHistory();
        if (gradFn != null) {
            return gradFn;
        }
        if (!requiresGrad) {
            return null;
        }
        synchronized (this) {
            if (accumulator == null) {
                accumulator = new AccumulateGrad(this);
            }
            return accumulator;
        }
    }

    /** {@code grad_fn=<...>} or {@code requires_grad=True}, as PyTorch's repr ends; none without autograd state. */
    static List<String> printSuffixes(AutogradMeta meta) {
        List<String> suffixes = new ArrayList<>(1);
        if (meta == null) {
            return suffixes;
        }
        Node fn = meta.gradFn();
        if (fn != null) {
            suffixes.add("grad_fn=<" + fn.name() + ">");
        } else if (meta.requiresGrad) {
            suffixes.add("requires_grad=True");
        }
        return suffixes;
    }

    // ---------------------------------------------------------------- views

    /**
     * The result {@code out} of a view op on {@code base} recorded as {@code n}. When it shares the base's storage it
     * remembers the first base (a view of a view points at the original) and how to replay itself on it.
     */
    static Tensor viewResult(Tensor base, NDArray out, OpNode n, UnaryOperator<Tensor> replay) {
        Tensor t = new Tensor(out, n);
        if (out.storage() == base.data().storage()) {
            AutogradMeta from = base.meta();
            AutogradMeta view = t.meta();
            if (from.viewBase == null) {
                view.viewBase = base;
                view.viewReplay = replay;
            } else {
                UnaryOperator<Tensor> first = from.viewReplay;
                view.viewBase = from.viewBase;
                view.viewReplay = x -> replay.apply(first.apply(x));
            }
            view.seenEpoch = view.viewBase.meta().epoch;
        }
        return t;
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    private void refreshViewHistory() {
        if (viewBase == null || seenEpoch == viewBase.meta().epoch) {
            return;
        }
        Tensor redone;
        try (GradMode.Scope s = GradMode.scope(true)) {
            redone = viewReplay.apply(viewBase);
        }
        seenEpoch = viewBase.meta().epoch;
        setHistory(redone.meta().gradFn);
    }

    private void setHistory(Node n) {
        if (retainsGrad) {
            if (gradFn != null) {
                gradFn.retainer = null;
            }
            n.retainer = this;
        }
        gradFn = n;
    }

    // ---------------------------------------------------------------- in place

    /**
     * Runs an in-place op on {@code self}. With nothing to record it writes straight into the data. Otherwise the
     * out-of-place op runs on the old value, its result is copied in, and its node becomes the tensor's new history,
     * so backward sees the op as PyTorch's in-place ops show it.
     *
     * @param direct the write itself, used when nothing records
     * @param outOfPlace the same op, out of place, applied to the old value
     * @param readsSelf whether outOfPlace's derivative saves the old value (then it gets a copy of its own)
     */
    static Tensor inplace(
            Tensor self, Runnable direct, UnaryOperator<Tensor> outOfPlace, boolean readsSelf, Tensor... others) {
        boolean any = self.requiresGrad();
        for (Tensor o : others) {
            any |= o.requiresGrad();
        }
        if (!any || !GradMode.isEnabled()) {
            direct.run();
            return self;
        }
        AutogradMeta meta = self.meta();
        meta.checkInplaceAllowed();
        Tensor before =
                new Tensor(readsSelf ? meta.data.clone() : meta.data, meta.requiresGrad() ? meta.gradEdge() : null);
        Tensor r = outOfPlace.apply(before);
        NDArray target = meta.data;
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
        meta.rebaseHistory((OpNode) r.gradFn());
        return self;
    }

    private void checkInplaceAllowed() {
        if (gradFn == null && requiresGrad) {
            throw new IllegalStateException(
                    "a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (viewBase != null && viewBase.meta().gradFn == null && viewBase.meta().requiresGrad) {
            throw new IllegalStateException(
                    "a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /**
     * Makes {@code op}, recorded on this tensor's old value, its new history. For a view the base's history becomes a
     * {@link CopySlices} of {@code op}, and the view's own is redone from the base.
     */
    private void rebaseHistory(OpNode op) {
        op.dtype = data.dtype();
        if (viewBase == null) {
            setHistory(op);
            epoch++;
            return;
        }
        AutogradMeta base = viewBase.meta();
        Node oldBase = base.gradEdge();
        base.setHistory(
                new CopySlices(oldBase, viewReplay, op, base.data.shape().toArray(), base.data.dtype()));
        base.epoch++;
        refreshViewHistory();
    }
}
