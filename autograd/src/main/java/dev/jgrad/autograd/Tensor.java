package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * PyTorch's tensor: an {@link NDArray} that, when it requires grad, remembers how it was computed
 * so that {@link #backward()} can differentiate through it.
 *
 * <p>It has NDArray's factories and ops under the same names, so a line of PyTorch is a line of
 * jgrad: {@code torch.zeros(1, requires_grad=True)} is {@code Tensor.zeros(1).requiresGrad_()},
 * {@code x_train * W + b} is {@code xTrain.mul(W).add(b)}, {@code torch.mean((h - y) ** 2)} is
 * {@code h.sub(y).pow(2).mean()}. Ops on tensors that don't require grad, or that run under
 * {@link #noGrad()}, record nothing and cost what the NDArray op costs.
 *
 * <p>Not thread-safe for writes, like PyTorch's; many threads may read one tensor (e.g. run a model
 * under {@code noGrad}) at once.
 */
public final class Tensor {
    private final NDArray data;
    private boolean requiresGrad;
    private Node gradFn;
    private Tensor grad;
    private AccumulateGrad accumulator;
    private boolean retainsGrad;

    // A differentiable view knows its base and how to redo itself from it, so that its history can
    // follow in-place changes to the base (see rebaseHistory).
    private Tensor viewBase;
    private UnaryOperator<Tensor> viewReplay;
    private int seenEpoch;
    /** Bumped whenever an in-place op gives this tensor a new history. */
    private int epoch;

    Tensor(NDArray data, Node gradFn) {
        this.data = data;
        this.gradFn = gradFn;
    }

    /** A tensor over {@code data} (no copy) that doesn't require grad. */
    public static Tensor of(NDArray data) {
        if (data == null) {
            throw new NullPointerException("data");
        }
        return new Tensor(data, null);
    }

    /**
     * The values, shared (no copy). A write through them is an in-place write outside autograd: it
     * records no history, but it bumps the storage's version counter like any in-place op, so a
     * backward that needs the values saved before the write fails with PyTorch's "modified by an
     * inplace operation" error instead of computing a wrong gradient. That is PyTorch's
     * {@code detach()} sharing; PyTorch's {@code .data} alone skips the version counter.
     *
     * @return this tensor's values, sharing its storage
     */
    public NDArray data() {
        return data;
    }

    // ---------------------------------------------------------------- creation

    public static Tensor tensor(float[] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(float[][] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(float[][][] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(double[] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(double[][] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(long[] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(long[][] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(int[] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(byte[] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor tensor(boolean[] values) {
        return of(NDArray.tensor(values));
    }

    public static Tensor scalar(double value) {
        return of(NDArray.scalar(value));
    }

    public static Tensor scalar(double value, DType dtype) {
        return of(NDArray.scalar(value, dtype));
    }

    public static Tensor zeros(int... shape) {
        return of(NDArray.zeros(shape));
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return of(NDArray.zeros(dtype, shape));
    }

    public static Tensor ones(int... shape) {
        return of(NDArray.ones(shape));
    }

    public static Tensor ones(DType dtype, int... shape) {
        return of(NDArray.ones(dtype, shape));
    }

    public static Tensor full(double value, int... shape) {
        return of(NDArray.full(value, shape));
    }

    public static Tensor full(DType dtype, double value, int... shape) {
        return of(NDArray.full(dtype, value, shape));
    }

    public static Tensor empty(DType dtype, int... shape) {
        return of(NDArray.empty(dtype, shape));
    }

    public static Tensor arange(long end) {
        return of(NDArray.arange(end));
    }

    public static Tensor arange(long start, long end) {
        return of(NDArray.arange(start, end));
    }

    public static Tensor arange(double start, double end, double step) {
        return of(NDArray.arange(start, end, step));
    }

    public static Tensor linspace(double start, double end, int steps) {
        return of(NDArray.linspace(start, end, steps));
    }

    public static Tensor eye(int n) {
        return of(NDArray.eye(n));
    }

    public static Tensor eye(int n, int m) {
        return of(NDArray.eye(n, m));
    }

    public static Tensor zerosLike(Tensor t) {
        return of(NDArray.zerosLike(t.data));
    }

    public static Tensor onesLike(Tensor t) {
        return of(NDArray.onesLike(t.data));
    }

    public static Tensor fullLike(Tensor t, double value) {
        return of(NDArray.fullLike(t.data, value));
    }

    public static Tensor rand(int... shape) {
        return of(NDArray.rand(shape));
    }

    public static Tensor rand(Generator g, int... shape) {
        return of(NDArray.rand(g, shape));
    }

    public static Tensor randn(int... shape) {
        return of(NDArray.randn(shape));
    }

    public static Tensor randn(Generator g, int... shape) {
        return of(NDArray.randn(g, shape));
    }

    public static Tensor randint(long low, long high, int... shape) {
        return of(NDArray.randint(low, high, shape));
    }

    public static Tensor randint(Generator g, long low, long high, int... shape) {
        return of(NDArray.randint(g, low, high, shape));
    }

    public static Tensor randperm(int n) {
        return of(NDArray.randperm(n));
    }

    public static Tensor randperm(Generator g, int n) {
        return of(NDArray.randperm(g, n));
    }

    // ---------------------------------------------------------------- metadata and values

    public int dim() {
        return data.dim();
    }

    public Size shape() {
        return data.shape();
    }

    public Size size() {
        return data.size();
    }

    public int size(int d) {
        return data.size(d);
    }

    public int numel() {
        return data.numel();
    }

    public DType dtype() {
        return data.dtype();
    }

    public int[] strides() {
        return data.strides();
    }

    public int stride(int d) {
        return data.stride(d);
    }

    public int storageOffset() {
        return data.storageOffset();
    }

    public boolean isContiguous() {
        return data.isContiguous();
    }

    /** PyTorch's {@code _version}: how many in-place writes the storage has seen. */
    public int version() {
        return data.storage().version();
    }

    public double item() {
        return data.item();
    }

    public long itemLong() {
        return data.itemLong();
    }

    public double getDouble(int... index) {
        return data.getDouble(index);
    }

    public long getLong(int... index) {
        return data.getLong(index);
    }

    public float[] toFloatArray() {
        return data.toFloatArray();
    }

    public double[] toDoubleArray() {
        return data.toDoubleArray();
    }

    public long[] toLongArray() {
        return data.toLongArray();
    }

    public int[] toIntArray() {
        return data.toIntArray();
    }

    public byte[] toByteArray() {
        return data.toByteArray();
    }

    public boolean[] toBooleanArray() {
        return data.toBooleanArray();
    }

    public boolean equal(Tensor other) {
        return data.equal(other.data);
    }

    public boolean allclose(Tensor other) {
        return data.allclose(other.data);
    }

    public boolean allclose(Tensor other, double rtol, double atol) {
        return data.allclose(other.data, rtol, atol);
    }

    public Tensor isclose(Tensor other, double rtol, double atol) {
        return of(data.isclose(other.data, rtol, atol));
    }

    // ---------------------------------------------------------------- autograd

    /** Whether gradients flow to this tensor: a leaf that asked for them, or the result of an op on one. */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    /** {@code requires_grad_()}: this leaf starts to collect gradients. */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /** {@code requires_grad_(flag)} on a leaf; returns this tensor. */
    public Tensor requiresGrad_(boolean flag) {
        if (gradFn != null) {
            if (!flag) {
                throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you"
                        + " want to use a computed variable in a subgraph that doesn't require differentiation use"
                        + " var_no_grad = var.detach().");
            }
            return this;
        }
        if (flag && !data.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point and complex dtype can require gradients");
        }
        requiresGrad = flag;
        return this;
    }

    /**
     * The factory option {@code requires_grad=flag}: a new leaf over the same values with the flag
     * set, e.g. {@code Tensor.zeros(1).requiresGrad(true)}. This tensor is left as it was.
     */
    public Tensor requiresGrad(boolean flag) {
        return new Tensor(data, null).requiresGrad_(flag);
    }

    /** Whether this tensor was made by the user rather than by an op that recorded history. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The node that made this tensor (PyTorch's {@code grad_fn}), or null for a leaf. */
    public Node gradFn() {
        refreshViewHistory();
        return gradFn;
    }

    /**
     * The gradient accumulated by backward: set for leaves that require grad, and for other tensors
     * after {@link #retainGrad()}. Null until the first backward reaches it.
     */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the gradient ({@code x.grad = g}); null clears it, as {@code zero_grad(set_to_none=True)} does. */
    public void setGrad(Tensor g) {
        if (g != null) {
            if (!g.data.shape().equals(data.shape())) {
                throw new IllegalArgumentException("assigned grad has data of a different size");
            }
            if (g.data.dtype() != data.dtype()) {
                throw new IllegalArgumentException("assigned grad has data of a different type");
            }
        }
        grad = g;
    }

    void setGradUnchecked(Tensor g) {
        grad = g;
    }

    /** Sets the gradient to zero in place, keeping its buffer; does nothing when there is none. */
    public Tensor zeroGrad_() {
        if (grad != null) {
            grad.data.zero_();
        }
        return this;
    }

    /** Keeps this non-leaf tensor's gradient in {@link #grad()} during backward. */
    public Tensor retainGrad() {
        if (gradFn == null) {
            if (!requiresGrad) {
                throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
            }
            return this;
        }
        retainsGrad = true;
        gradFn().retainer = this;
        return this;
    }

    public boolean retainsGrad() {
        return retainsGrad;
    }

    void retainGradient(NDArray g) {
        grad = grad == null ? of(g.isContiguous() ? g.clone() : g.contiguous()) : of(grad.data.add(g));
    }

    /** A tensor over the same values that doesn't require grad and has no history. */
    public Tensor detach() {
        return new Tensor(data, null);
    }

    /** Backpropagates from this one-element tensor, seeding its gradient with 1. */
    public void backward() {
        backward(null, false);
    }

    /** Backpropagates {@code gradient}, the gradient of some scalar with respect to this tensor. */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /**
     * Backpropagates {@code gradient} (null: 1, for a one-element tensor). Without
     * {@code retainGraph} the values the graph saved are freed, so a second backward through it fails.
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        Node root = gradEdge();
        if (root == null) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        NDArray seed;
        if (gradient == null) {
            if (data.numel() != 1) {
                throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs");
            }
            seed = NDArray.onesLike(data);
        } else {
            if (!gradient.data.shape().equals(data.shape())) {
                throw new IllegalArgumentException("Mismatch in shape: grad_output[0] has a shape of "
                        + gradient.data.shape() + " and output[0] has a shape of " + data.shape() + ".");
            }
            seed = gradient.data.dtype() == data.dtype() ? gradient.data : gradient.data.to(data.dtype());
        }
        Engine.backward(root, seed, gradient != null, retainGraph);
    }

    /** {@code with torch.no_grad():} as {@code try (var s = Tensor.noGrad()) { ... }}, for this thread. */
    public static GradMode.Scope noGrad() {
        return GradMode.scope(false);
    }

    /** {@code with torch.enable_grad():}, to record again inside a {@link #noGrad()} scope. */
    public static GradMode.Scope enableGrad() {
        return GradMode.scope(true);
    }

    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /** Where this tensor's gradient goes when it is an op's input: its gradFn, or its leaf accumulator. */
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

    Node gradFnForSaving() {
        return gradFn;
    }

    /** Wraps a view op's result, remembering its base when it shares the input's storage. */
    Tensor viewResult(OpNode n, NDArray out, Derivative d, UnaryOperator<Tensor> replay) {
        n.attach(out, d);
        Tensor t = new Tensor(out, n);
        if (out.storage() == data.storage()) {
            if (viewBase == null) {
                t.viewBase = this;
                t.viewReplay = replay;
            } else {
                UnaryOperator<Tensor> first = viewReplay;
                t.viewBase = viewBase;
                t.viewReplay = x -> replay.apply(first.apply(x));
            }
            t.seenEpoch = t.viewBase.epoch;
        }
        return t;
    }

    /** After an in-place op gave this view's base a new history, redo the view from the base's. */
    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    private void refreshViewHistory() {
        if (viewBase == null || seenEpoch == viewBase.epoch) {
            return;
        }
        Tensor redone;
        try (GradMode.Scope s = GradMode.scope(true)) {
            redone = viewReplay.apply(viewBase);
        }
        seenEpoch = viewBase.epoch;
        setHistory(redone.gradFn);
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

    void checkInplaceAllowed() {
        if (gradFn == null && requiresGrad) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (viewBase != null && viewBase.gradFn == null && viewBase.requiresGrad) {
            throw new IllegalStateException(
                    "a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** The value an in-place op reads, with this tensor's history; a copy when the op saves it. */
    Tensor valueBeforeInplace(boolean saved) {
        return new Tensor(saved ? data.clone() : data, requiresGrad() ? gradEdge() : null);
    }

    /** Makes {@code op} (recorded on this tensor's old value) this tensor's history, or its base's. */
    void rebaseHistory(OpNode op) {
        op.dtype = data.dtype();
        if (viewBase == null) {
            setHistory(op);
            epoch++;
            return;
        }
        Tensor base = viewBase;
        Node oldBase = base.gradEdge();
        base.setHistory(new CopySlices(oldBase, viewReplay, op, base.data.shape().toArray(), base.data.dtype()));
        base.epoch++;
        refreshViewHistory();
    }

    // ---------------------------------------------------------------- elementwise

    public Tensor add(Tensor other) {
        return PointwiseOps.add(this, other, 1);
    }

    public Tensor add(double other) {
        return PointwiseOps.add(this, other);
    }

    public Tensor add(Tensor other, double alpha) {
        return PointwiseOps.add(this, other, alpha);
    }

    public Tensor sub(Tensor other) {
        return PointwiseOps.sub(this, other, 1);
    }

    public Tensor sub(double other) {
        return PointwiseOps.sub(this, other);
    }

    public Tensor sub(Tensor other, double alpha) {
        return PointwiseOps.sub(this, other, alpha);
    }

    public Tensor mul(Tensor other) {
        return PointwiseOps.mul(this, other);
    }

    public Tensor mul(double other) {
        return PointwiseOps.mul(this, other);
    }

    public Tensor div(Tensor other) {
        return PointwiseOps.div(this, other);
    }

    public Tensor div(double other) {
        return PointwiseOps.div(this, other);
    }

    public Tensor neg() {
        return PointwiseOps.neg(this);
    }

    public Tensor abs() {
        return UnaryOps.abs(this);
    }

    public Tensor pow(double exponent) {
        return PointwiseOps.pow(this, exponent);
    }

    public Tensor pow(Tensor exponent) {
        return PointwiseOps.pow(this, exponent);
    }

    public Tensor sqrt() {
        return UnaryOps.sqrt(this);
    }

    public Tensor exp() {
        return UnaryOps.exp(this);
    }

    public Tensor log() {
        return UnaryOps.log(this);
    }

    public Tensor sigmoid() {
        return UnaryOps.sigmoid(this);
    }

    public Tensor tanh() {
        return UnaryOps.tanh(this);
    }

    public Tensor relu() {
        return UnaryOps.relu(this);
    }

    public Tensor clamp(double min, double max) {
        return UnaryOps.clamp(this, min, max);
    }

    public Tensor clampMin(double min) {
        return UnaryOps.clampMin(this, min);
    }

    public Tensor clampMax(double max) {
        return UnaryOps.clampMax(this, max);
    }

    public Tensor maximum(Tensor other) {
        return PointwiseOps.maximum(this, other);
    }

    public Tensor minimum(Tensor other) {
        return PointwiseOps.minimum(this, other);
    }

    /** {@code torch.where(condition, a, b)}; differentiable in a and b. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return PointwiseOps.where(condition, a, b);
    }

    // Comparisons and logic give bool tensors, which have no gradient.

    public Tensor eq(Tensor other) {
        return of(data.eq(other.data));
    }

    public Tensor eq(double other) {
        return of(data.eq(other));
    }

    public Tensor ne(Tensor other) {
        return of(data.ne(other.data));
    }

    public Tensor ne(double other) {
        return of(data.ne(other));
    }

    public Tensor lt(Tensor other) {
        return of(data.lt(other.data));
    }

    public Tensor lt(double other) {
        return of(data.lt(other));
    }

    public Tensor le(Tensor other) {
        return of(data.le(other.data));
    }

    public Tensor le(double other) {
        return of(data.le(other));
    }

    public Tensor gt(Tensor other) {
        return of(data.gt(other.data));
    }

    public Tensor gt(double other) {
        return of(data.gt(other));
    }

    public Tensor ge(Tensor other) {
        return of(data.ge(other.data));
    }

    public Tensor ge(double other) {
        return of(data.ge(other));
    }

    public Tensor logicalAnd(Tensor other) {
        return of(data.logicalAnd(other.data));
    }

    public Tensor logicalOr(Tensor other) {
        return of(data.logicalOr(other.data));
    }

    public Tensor logicalNot() {
        return of(data.logicalNot());
    }

    // ---------------------------------------------------------------- in place

    public Tensor add_(Tensor other) {
        return InplaceOps.run(this, () -> data.add_(other.data), t -> t.add(other), false, other);
    }

    public Tensor add_(double other) {
        return InplaceOps.run(this, () -> data.add_(other), t -> t.add(other), false);
    }

    public Tensor add_(Tensor other, double alpha) {
        return InplaceOps.run(this, () -> data.add_(other.data, alpha), t -> t.add(other, alpha), false, other);
    }

    public Tensor sub_(Tensor other) {
        return InplaceOps.run(this, () -> data.sub_(other.data), t -> t.sub(other), false, other);
    }

    public Tensor sub_(double other) {
        return InplaceOps.run(this, () -> data.sub_(other), t -> t.sub(other), false);
    }

    public Tensor sub_(Tensor other, double alpha) {
        return InplaceOps.run(this, () -> data.sub_(other.data, alpha), t -> t.sub(other, alpha), false, other);
    }

    public Tensor mul_(Tensor other) {
        return InplaceOps.run(this, () -> data.mul_(other.data), t -> t.mul(other), true, other);
    }

    public Tensor mul_(double other) {
        return InplaceOps.run(this, () -> data.mul_(other), t -> t.mul(other), false);
    }

    public Tensor div_(Tensor other) {
        return InplaceOps.run(this, () -> data.div_(other.data), t -> t.div(other), true, other);
    }

    public Tensor div_(double other) {
        return InplaceOps.run(this, () -> data.div_(other), t -> t.div(other), false);
    }

    public Tensor clamp_(double min, double max) {
        return InplaceOps.run(this, () -> data.clamp_(min, max), t -> t.clamp(min, max), true);
    }

    public Tensor fill_(double value) {
        return InplaceOps.run(this, () -> data.fill_(value), t -> InplaceOps.filled(t, value, "FillBackward0"), false);
    }

    public Tensor zero_() {
        return InplaceOps.run(this, data::zero_, t -> InplaceOps.filled(t, 0, "ZeroBackward0"), false);
    }

    public Tensor copy_(Tensor src) {
        return InplaceOps.run(this, () -> data.copy_(src.data), t -> InplaceOps.copied(t, src), false, src);
    }

    public Tensor scatter_(int dim, Tensor index, Tensor src) {
        return InplaceOps.run(this, () -> data.scatter_(dim, index.data, src.data),
                t -> InplaceOps.scattered(t, dim, index, src), false, src);
    }

    public Tensor scatter_(int dim, Tensor index, double value) {
        return InplaceOps.run(this, () -> data.scatter_(dim, index.data, value),
                t -> InplaceOps.scattered(t, dim, index, value), false);
    }

    // ---------------------------------------------------------------- reductions

    public Tensor sum() {
        return ReduceOps.sum(this);
    }

    public Tensor sum(int dim) {
        return ReduceOps.sum(this, new int[] {dim}, false);
    }

    public Tensor sum(int dim, boolean keepdim) {
        return ReduceOps.sum(this, new int[] {dim}, keepdim);
    }

    public Tensor sum(int[] dims, boolean keepdim) {
        return ReduceOps.sum(this, dims.clone(), keepdim);
    }

    public Tensor mean() {
        return ReduceOps.mean(this);
    }

    public Tensor mean(int dim) {
        return ReduceOps.mean(this, new int[] {dim}, false);
    }

    public Tensor mean(int dim, boolean keepdim) {
        return ReduceOps.mean(this, new int[] {dim}, keepdim);
    }

    public Tensor mean(int[] dims, boolean keepdim) {
        return ReduceOps.mean(this, dims.clone(), keepdim);
    }

    public Tensor prod() {
        return ReduceOps.prod(this);
    }

    public Tensor prod(int dim, boolean keepdim) {
        return ReduceOps.prod(this, dim, keepdim);
    }

    public Tensor max() {
        return ReduceOps.extreme(this, true);
    }

    public Tensor min() {
        return ReduceOps.extreme(this, false);
    }

    public ValuesIndices max(int dim) {
        return ReduceOps.extreme(this, dim, false, true);
    }

    public ValuesIndices max(int dim, boolean keepdim) {
        return ReduceOps.extreme(this, dim, keepdim, true);
    }

    public ValuesIndices min(int dim) {
        return ReduceOps.extreme(this, dim, false, false);
    }

    public ValuesIndices min(int dim, boolean keepdim) {
        return ReduceOps.extreme(this, dim, keepdim, false);
    }

    public Tensor argmax() {
        return of(data.argmax());
    }

    public Tensor argmax(int dim) {
        return of(data.argmax(dim));
    }

    public Tensor argmax(int dim, boolean keepdim) {
        return of(data.argmax(dim, keepdim));
    }

    public Tensor argmin() {
        return of(data.argmin());
    }

    public Tensor argmin(int dim) {
        return of(data.argmin(dim));
    }

    public Tensor argmin(int dim, boolean keepdim) {
        return of(data.argmin(dim, keepdim));
    }

    /** Standard deviation of all elements, unbiased (Bessel's correction), as torch.std. */
    public Tensor std() {
        return ReduceOps.variance(this, null, true, false, true);
    }

    public Tensor std(int dim) {
        return ReduceOps.variance(this, dim, true, false, true);
    }

    public Tensor std(int dim, boolean unbiased, boolean keepdim) {
        return ReduceOps.variance(this, dim, unbiased, keepdim, true);
    }

    /** Variance of all elements, unbiased, as torch.var. */
    public Tensor var() {
        return ReduceOps.variance(this, null, true, false, false);
    }

    public Tensor var(int dim) {
        return ReduceOps.variance(this, dim, true, false, false);
    }

    public Tensor var(int dim, boolean unbiased, boolean keepdim) {
        return ReduceOps.variance(this, dim, unbiased, keepdim, false);
    }

    public Tensor logsumexp(int dim) {
        return ReduceOps.logsumexp(this, dim, false);
    }

    public Tensor logsumexp(int dim, boolean keepdim) {
        return ReduceOps.logsumexp(this, dim, keepdim);
    }

    // ---------------------------------------------------------------- linear algebra

    public Tensor matmul(Tensor other) {
        return LinalgOps.matmul(this, other);
    }

    public Tensor mm(Tensor other) {
        return LinalgOps.mm(this, other);
    }

    public Tensor bmm(Tensor other) {
        return LinalgOps.bmm(this, other);
    }

    public Tensor dot(Tensor other) {
        return LinalgOps.dot(this, other);
    }

    public Tensor outer(Tensor other) {
        return LinalgOps.outer(this, other);
    }

    // ---------------------------------------------------------------- joining and indexing

    public static Tensor cat(List<Tensor> tensors, int dim) {
        return IndexOps.cat(tensors, dim);
    }

    public static Tensor stack(List<Tensor> tensors, int dim) {
        return IndexOps.stack(tensors, dim);
    }

    public List<Tensor> split(int splitSize, int dim) {
        return IndexOps.pieces(this, data.split(splitSize, dim), dim);
    }

    public List<Tensor> split(int[] sizes, int dim) {
        return IndexOps.pieces(this, data.split(sizes, dim), dim);
    }

    public List<Tensor> chunk(int chunks, int dim) {
        return IndexOps.pieces(this, data.chunk(chunks, dim), dim);
    }

    public Tensor gather(int dim, Tensor index) {
        return IndexOps.gather(this, dim, index);
    }

    public Tensor indexSelect(int dim, Tensor index) {
        return IndexOps.indexSelect(this, dim, index);
    }

    public Tensor maskedSelect(Tensor mask) {
        return IndexOps.maskedSelect(this, mask);
    }

    public Tensor softmax(int dim) {
        return SoftmaxOps.softmax(this, dim);
    }

    public Tensor logSoftmax(int dim) {
        return SoftmaxOps.logSoftmax(this, dim);
    }

    // ---------------------------------------------------------------- casting

    public Tensor to(DType dtype) {
        return UnaryOps.to(this, dtype);
    }

    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    public Tensor toLong() {
        return to(DType.INT64);
    }

    public Tensor toInt() {
        return to(DType.INT32);
    }

    public Tensor toBool() {
        return to(DType.BOOL);
    }

    public Tensor toByte() {
        return to(DType.UINT8);
    }

    // ---------------------------------------------------------------- views

    /** {@code t[i, j, ...]}: successive selects on dims 0, 1, ... */
    public Tensor get(int... indices) {
        return ViewOps.get(this, indices);
    }

    public Tensor select(int dim, int index) {
        return ViewOps.select(this, dim, index);
    }

    public Tensor narrow(int dim, int start, int length) {
        return ViewOps.narrow(this, dim, start, length);
    }

    public Tensor slice(int dim, int start, int end, int step) {
        return ViewOps.slice(this, dim, start, end, step);
    }

    public Tensor slice(int dim, int start, int end) {
        return ViewOps.slice(this, dim, start, end, 1);
    }

    /** {@code t[start:]} along {@code dim}. */
    public Tensor slice(int dim, int start) {
        return ViewOps.slice(this, dim, start, Integer.MAX_VALUE, 1);
    }

    public Tensor view(int... shape) {
        return ViewOps.view(this, shape);
    }

    public Tensor reshape(int... shape) {
        return ViewOps.reshape(this, shape);
    }

    public Tensor squeeze() {
        return ViewOps.squeeze(this);
    }

    public Tensor squeeze(int dim) {
        return ViewOps.squeeze(this, dim);
    }

    public Tensor unsqueeze(int dim) {
        return ViewOps.unsqueeze(this, dim);
    }

    public Tensor transpose(int dim0, int dim1) {
        return ViewOps.transpose(this, dim0, dim1);
    }

    public Tensor t() {
        return ViewOps.t(this);
    }

    public Tensor permute(int... dims) {
        return ViewOps.permute(this, dims);
    }

    public Tensor expand(int... sizes) {
        return ViewOps.expand(this, sizes);
    }

    public Tensor expandAs(Tensor other) {
        return ViewOps.expand(this, other.data.shape().toArray());
    }

    public Tensor broadcastTo(int... shape) {
        return ViewOps.expand(this, shape);
    }

    public Tensor flatten() {
        return ViewOps.flatten(this, 0, -1);
    }

    public Tensor flatten(int startDim, int endDim) {
        return ViewOps.flatten(this, startDim, endDim);
    }

    public Tensor contiguous() {
        return UnaryOps.contiguous(this);
    }

    @Override
    public Tensor clone() {
        return UnaryOps.clone(this);
    }

    // ---------------------------------------------------------------- printing

    /**
     * PyTorch's repr: {@code tensor([0.], requires_grad=True)} for a leaf that requires grad,
     * {@code tensor(1.3687, grad_fn=<MeanBackward0>)} for an op's result.
     */
    @Override
    public String toString() {
        List<String> suffixes = new ArrayList<>(1);
        Node fn = gradFn();
        if (fn != null) {
            suffixes.add("grad_fn=<" + fn.name() + ">");
        } else if (requiresGrad) {
            suffixes.add("requires_grad=True");
        }
        return data.toString(suffixes);
    }
}
