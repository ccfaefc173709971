package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;

/** The node at a leaf that requires grad: adds incoming gradients into the leaf's {@code grad}. */
final class AccumulateGrad extends Node {
    private static final Node[] NONE = new Node[0];
    final AutogradMeta leaf;

    AccumulateGrad(AutogradMeta leaf) {
        // Runs as soon as it is ready, like PyTorch's (sequence number UINT64_MAX).
        super(NONE, Long.MAX_VALUE);
        this.leaf = leaf;
        this.shape = leaf.data().shape().toArray();
        this.dtype = leaf.data().dtype();
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    @Override
    NDArray[] apply(NDArray grad) {
        throw new AssertionError("the engine accumulates leaf gradients itself");
    }

    /**
     * Adds {@code g} to the leaf's grad. The first gradient is kept as is when nothing else can see
     * it ({@code exclusive}) and it is a whole contiguous buffer; otherwise it is copied, so that
     * updating one leaf's grad in place never changes another's. Later gradients add in place, as
     * in PyTorch.
     */
    void accumulate(NDArray g, boolean exclusive) {
        synchronized (leaf) {
            Tensor current = leaf.grad();
            if (current == null) {
                boolean whole = g.isContiguous()
                        && g.storageOffset() == 0
                        && g.numel() == g.storage().length();
                NDArray own = exclusive && whole ? g : g.isContiguous() ? g.clone() : g.contiguous();
                leaf.setGradUnchecked(Tensor.of(own));
            } else {
                current.data().add_(g);
            }
        }
    }
}
