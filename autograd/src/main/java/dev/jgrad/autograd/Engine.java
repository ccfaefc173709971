package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Storage;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs backward: one walk over the graph in reverse topological order, each node receiving the sum
 * of its gradients before it runs.
 */
final class Engine {
    private Engine() {}

    /**
     * {@code output.backward(gradient, retainGraph)}: checks the seed against the output (null means 1 for a
     * one-element output), then backpropagates it.
     */
    static void backward(Tensor output, Tensor gradient, boolean retainGraph) {
        Node root = output.gradEdge();
        if (root == null) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        NDArray data = output.data();
        NDArray seed;
        if (gradient == null) {
            if (data.numel() != 1) {
                throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs");
            }
            seed = NDArray.onesLike(data);
        } else {
            NDArray given = gradient.data();
            if (!given.shape().equals(data.shape())) {
                throw new IllegalArgumentException("Mismatch in shape: grad_output[0] has a shape of " + given.shape()
                        + " and output[0] has a shape of " + data.shape() + ".");
            }
            seed = given.dtype() == data.dtype() ? given : given.to(data.dtype());
        }
        backward(root, seed, gradient != null, retainGraph);
    }

    /**
     * Backpropagates {@code seed}, the gradient of {@code root}'s value, into every leaf that requires
     * grad. {@code seedShared}: the caller still holds the seed, so it must not become a leaf's grad.
     */
    static void backward(Node root, NDArray seed, boolean seedShared, boolean retainGraph) {
        Map<Node, int[]> dependencies = countDependencies(root);
        Map<Node, NDArray> pending = new IdentityHashMap<>();
        Holders holders = new Holders();
        PriorityQueue<Node> ready = new PriorityQueue<>((a, b) -> Long.compare(b.sequenceNr, a.sequenceNr));

        pending.put(root, seed);
        holders.hold(seed);
        if (seedShared) {
            // The caller keeps it: it never becomes a leaf's grad.
            holders.hold(seed);
        }
        ready.add(root);
        while (!ready.isEmpty()) {
            Node node = ready.poll();
            NDArray grad = pending.remove(node);
            if (node instanceof AccumulateGrad) {
                if (grad != null) {
                    ((AccumulateGrad) node).accumulate(grad, holders.soleHolder(grad));
                    holders.drop(grad);
                }
                continue;
            }
            if (grad != null && node.retainer != null) {
                node.retainer.retainGradient(grad);
            }
            NDArray[] grads = grad == null ? null : node.apply(grad);
            if (grad != null) {
                holders.drop(grad);
            }
            if (!retainGraph) {
                node.release();
            }
            for (int i = 0; i < node.next.length; i++) {
                Node target = node.next[i];
                if (target == null) {
                    continue;
                }
                NDArray g = grads == null ? null : grads[i];
                if (g != null) {
                    g = fit(node, i, g, target);
                    NDArray before = pending.get(target);
                    if (before == null) {
                        pending.put(target, g);
                        holders.hold(g);
                    } else {
                        NDArray sum = before.add(g);
                        holders.drop(before);
                        pending.put(target, sum);
                        holders.hold(sum);
                    }
                }
                if (--dependencies.get(target)[0] == 0) {
                    ready.add(target);
                }
            }
        }
    }

    /**
     * How many pending gradients share each buffer. A leaf may keep the gradient it receives without
     * a copy only when no other pending gradient (nor the caller) shares its buffer; gradients that
     * merely passed through views on the way still qualify.
     */
    private static final class Holders {
        private final Map<Storage, int[]> count = new IdentityHashMap<>();

        void hold(NDArray g) {
            count.computeIfAbsent(g.storage(), s -> new int[1])[0]++;
        }

        void drop(NDArray g) {
            int[] c = count.get(g.storage());
            if (--c[0] == 0) {
                count.remove(g.storage());
            }
        }

        boolean soleHolder(NDArray g) {
            return count.get(g.storage())[0] == 1;
        }
    }

    /** How many edges lead into each node reachable from the root. */
    private static Map<Node, int[]> countDependencies(Node root) {
        Map<Node, int[]> count = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        count.put(root, new int[1]);
        stack.push(root);
        while (!stack.isEmpty()) {
            for (Node n : stack.pop().next) {
                if (n == null) {
                    continue;
                }
                int[] c = count.get(n);
                if (c == null) {
                    count.put(n, new int[] {1});
                    stack.push(n);
                } else {
                    c[0]++;
                }
            }
        }
        return count;
    }

    /** Sums a broadcast gradient down to the input's shape and casts it to the input's dtype. */
    private static NDArray fit(Node producer, int index, NDArray g, Node target) {
        if (!SumToShape.sameShape(g, target.shape)) {
            if (!SumToShape.expandable(target.shape, g)) {
                throw new IllegalStateException(
                        "Function " + producer.name() + " returned an invalid gradient at index "
                                + index + " - got " + Arrays.toString(g.shape().toArray())
                                + " but expected shape compatible with " + Arrays.toString(target.shape));
            }
            g = SumToShape.apply(g, target.shape);
        }
        return g.dtype() == target.dtype ? g : g.to(target.dtype);
    }
}
