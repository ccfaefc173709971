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
    private Engine() {
    }

    /**
     * Backpropagates {@code seed}, the gradient of {@code root}'s value, into every leaf that requires
     * grad. {@code seedShared}: the caller still holds the seed, so it must not become a leaf's grad.
     */
    static void backward(Node root, NDArray seed, boolean seedShared, boolean retainGraph) {
        Map<Node, int[]> dependencies = countDependencies(root);
        Map<Node, NDArray> pending = new IdentityHashMap<>();
        // How many places each gradient buffer was handed to: a leaf may keep one only it received.
        Map<Storage, int[]> handedOut = new IdentityHashMap<>();
        PriorityQueue<Node> ready = new PriorityQueue<>((a, b) -> Long.compare(b.sequenceNr, a.sequenceNr));

        pending.put(root, seed);
        handedOut.put(seed.storage(), new int[] {seedShared ? 2 : 1});
        ready.add(root);
        while (!ready.isEmpty()) {
            Node node = ready.poll();
            NDArray grad = pending.remove(node);
            if (node instanceof AccumulateGrad) {
                if (grad != null) {
                    // A buffer never handed out is a sum made here, seen by nobody else.
                    int[] uses = handedOut.get(grad.storage());
                    ((AccumulateGrad) node).accumulate(grad, uses == null || uses[0] == 1);
                }
                continue;
            }
            if (grad != null && node.retainer != null) {
                node.retainer.retainGradient(grad);
            }
            NDArray[] grads = grad == null ? null : node.apply(grad);
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
                    handedOut.computeIfAbsent(g.storage(), s -> new int[1])[0]++;
                    NDArray before = pending.get(target);
                    pending.put(target, before == null ? g : before.add(g));
                }
                if (--dependencies.get(target)[0] == 0) {
                    ready.add(target);
                }
            }
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
                throw new IllegalStateException("Function " + producer.name() + " returned an invalid gradient at index "
                        + index + " - got " + Arrays.toString(g.shape().toArray())
                        + " but expected shape compatible with " + Arrays.toString(target.shape));
            }
            g = SumToShape.apply(g, target.shape);
        }
        return g.dtype() == target.dtype ? g : g.to(target.dtype);
    }
}
