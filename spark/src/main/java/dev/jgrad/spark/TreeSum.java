package dev.jgrad.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sum over partitions that has the same bits whatever order Spark merges the partial sums in:
 * the aggregate value of the training's {@code treeAggregate}.
 *
 * <p>Spark's {@code reduce} and {@code treeAggregate} combine partial results in the order tasks
 * finish, and floating-point addition is not associative, so a plain running sum would differ in its
 * last bits from run to run. Here the sum is always the one binary tree over partition indices
 * (node {@code (level, i)} covers partitions {@code [i 2^level, (i + 1) 2^level)}): a partial sum
 * holds the complete subtrees it has, and merging adds two siblings, left + right, as soon as both
 * are present. So every internal node, and the root, is the same float64 sum on every run, while the
 * partial sums still travel up Spark's tree of tasks and never all go to the driver.
 */
final class TreeSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int leaves;
    private final int top;
    /** Complete subtrees by (level << 32 | index). */
    private final TreeMap<Long, double[]> nodes = new TreeMap<>();

    /** An empty sum over {@code leaves} partitions. */
    TreeSum(int leaves) {
        this.leaves = leaves;
        this.top = 32 - Integer.numberOfLeadingZeros(Math.max(1, leaves) - 1);
    }

    /** Adds partition {@code leaf}'s values (taken over: not copied). */
    TreeSum add(int leaf, double[] values) {
        if (leaf < 0 || leaf >= leaves) {
            throw new IllegalArgumentException("partition " + leaf + " is not in [0, " + leaves + ")");
        }
        put(0, leaf, values);
        return this;
    }

    /** Merges another partial sum over the same partitions into this one. */
    TreeSum merge(TreeSum other) {
        if (other.leaves != leaves) {
            throw new IllegalArgumentException("sums over " + leaves + " and " + other.leaves + " partitions");
        }
        for (Map.Entry<Long, double[]> e : other.nodes.entrySet()) {
            put((int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue());
        }
        return this;
    }

    private void put(int level, int index, double[] values) {
        double[] v = values;
        int i = index;
        for (int l = level; l < top; l++) {
            int sibling = i ^ 1;
            if (((long) sibling << l) < leaves) {
                double[] s = nodes.remove(key(l, sibling));
                if (s == null) {
                    if (nodes.putIfAbsent(key(l, i), v) != null) {
                        throw new IllegalStateException("partition range (" + l + ", " + i + ") added twice");
                    }
                    return;
                }
                double[] left = (i & 1) == 0 ? v : s;
                double[] right = (i & 1) == 0 ? s : v;
                if (left.length != right.length) {
                    throw new IllegalStateException(
                            "partial sums of " + left.length + " and " + right.length + " values");
                }
                for (int k = 0; k < left.length; k++) {
                    left[k] += right[k];
                }
                v = left;
            } // else the sibling covers no partition: this subtree is its parent
            i >>= 1;
        }
        if (nodes.putIfAbsent(key(top, 0), v) != null) {
            throw new IllegalStateException("the total was completed twice");
        }
    }

    private static long key(int level, int index) {
        return ((long) level << 32) | (index & 0xffffffffL);
    }

    /** The sum over all partitions; fails when some partition has not been added. */
    double[] total() {
        double[] root = nodes.get(key(top, 0));
        if (root == null || nodes.size() != 1) {
            throw new IllegalStateException("the sum is missing partitions (" + nodes.size() + " partial subtrees)");
        }
        return root;
    }
}
