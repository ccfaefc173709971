package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tree sum has the same bits whatever order partitions are added and partial sums merged in. */
class TreeSumTest {
    private static double[][] leaves(Random rnd, int p, int n) {
        double[][] v = new double[p][n];
        for (double[] row : v) {
            for (int i = 0; i < n; i++) {
                // Magnitudes far apart, so that the order of additions changes the rounding.
                row[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4));
            }
        }
        return v;
    }

    /** The reference: the fixed binary tree over partition indices, written recursively. */
    private static double tree(double[][] v, int i, int lo, int size) {
        if (lo >= v.length) {
            return Double.NaN; // no partition here: the caller skips it
        }
        if (size == 1) {
            return v[lo][i];
        }
        double left = tree(v, i, lo, size / 2);
        double right = tree(v, i, lo + size / 2, size / 2);
        return Double.isNaN(right) ? left : left + right;
    }

    @Test
    void anyOrderOfAddingAndMergingGivesTheFixedTreesBits() {
        Random rnd = new Random(5);
        for (int p : new int[] {1, 2, 3, 5, 7, 8, 13}) {
            double[][] v = leaves(rnd, p, 50);
            int size = Integer.highestOneBit(Math.max(1, p - 1)) * 2;
            double[] want = new double[50];
            for (int i = 0; i < 50; i++) {
                want[i] = tree(v, i, 0, p == 1 ? 1 : size);
            }
            for (int trial = 0; trial < 20; trial++) {
                List<Integer> order = new ArrayList<>();
                for (int k = 0; k < p; k++) {
                    order.add(k);
                }
                Collections.shuffle(order, rnd);
                // Split the shuffled partitions into random groups (tasks' partial sums), then merge groups in a random
                // order.
                List<TreeSum> parts = new ArrayList<>();
                TreeSum cur = new TreeSum(p);
                for (int k : order) {
                    cur.add(k, v[k].clone());
                    if (rnd.nextInt(3) == 0) {
                        parts.add(cur);
                        cur = new TreeSum(p);
                    }
                }
                parts.add(cur);
                Collections.shuffle(parts, rnd);
                TreeSum total = new TreeSum(p);
                for (TreeSum part : parts) {
                    total.merge(part);
                }
                assertArrayEquals(want, total.total(), "p=" + p + " trial " + trial);
            }
        }
    }

    @Test
    void aMissingOrRepeatedPartitionFails() {
        TreeSum s = new TreeSum(3);
        s.add(0, new double[] {1});
        s.add(2, new double[] {1});
        assertThrows(IllegalStateException.class, s::total);
        assertThrows(IllegalStateException.class, () -> s.add(2, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> s.add(3, new double[] {1}));
    }
}
