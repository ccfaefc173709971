package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gradient checks of the matrix products, for every dim combination matmul handles. */
class LinalgGradTest {
    private static void matmul(Random rng, int[] a, int[] b) {
        for (boolean nonContiguous : new boolean[] {false, true}) {
            Tensor x = leaf(rng, a, nonContiguous);
            Tensor y = leaf(rng, b, !nonContiguous);
            check("matmul " + Arrays.toString(a) + " @ " + Arrays.toString(b), rng, in -> in[0].matmul(in[1]), x, y);
        }
    }

    @Test
    void matmulAllDimCombinations() {
        Random rng = new Random(1);
        matmul(rng, new int[] {3}, new int[] {3});
        matmul(rng, new int[] {4, 3}, new int[] {3});
        matmul(rng, new int[] {3}, new int[] {3, 5});
        matmul(rng, new int[] {4, 3}, new int[] {3, 5});
        matmul(rng, new int[] {2, 4, 3}, new int[] {3, 5});
        matmul(rng, new int[] {2, 4, 3}, new int[] {3});
        matmul(rng, new int[] {3}, new int[] {2, 3, 5});
        matmul(rng, new int[] {2, 4, 3}, new int[] {2, 3, 5});
        matmul(rng, new int[] {2, 1, 4, 3}, new int[] {3, 3, 2});
        matmul(rng, new int[] {4, 3}, new int[] {2, 3, 1});
        matmul(rng, new int[] {1, 1}, new int[] {1, 1});
        matmul(rng, new int[] {0, 3}, new int[] {3, 2});
        matmul(rng, new int[] {2, 0}, new int[] {0, 3});
    }

    @Test
    void mmWithTransposedOperands() {
        GradCheck.trials(2, 10, rng -> {
            int n = 1 + rng.nextInt(5);
            int k = 1 + rng.nextInt(5);
            int m = 1 + rng.nextInt(5);
            Tensor a = leaf(rng, new int[] {k, n}, rng.nextBoolean());
            Tensor w = leaf(rng, new int[] {m, k}, rng.nextBoolean());
            check("a.t() mm w.t()", rng, in -> in[0].t().mm(in[1].t()), a, w);
            Tensor b = leaf(rng, new int[] {n, k}, false);
            check("b mm w.t()", rng, in -> in[0].mm(in[1].t()), b, w);
        });
    }

    @Test
    void bmmDotOuter() {
        Random rng = new Random(3);
        check(
                "bmm",
                rng,
                in -> in[0].bmm(in[1]),
                leaf(rng, new int[] {3, 2, 4}, true),
                leaf(rng, new int[] {3, 4, 5}, false));
        check(
                "bmm transposed",
                rng,
                in -> in[0].bmm(in[1].transpose(1, 2)),
                leaf(rng, new int[] {2, 2, 3}, false),
                leaf(rng, new int[] {2, 4, 3}, true));
        check("dot", rng, in -> in[0].dot(in[1]), leaf(rng, new int[] {5}, true), leaf(rng, new int[] {5}, false));
        check("outer", rng, in -> in[0].outer(in[1]), leaf(rng, new int[] {3}, false), leaf(rng, new int[] {4}, true));
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    @Test
    void gradientOfDataBatchIsNotComputed() {
        // x @ W with x a data batch: W is not saved, so changing W in place after the forward
        // leaves backward intact; were the gradient of x computed, it would need the old W.
        Tensor x = Tensor.randn(4, 3);
        Tensor w = Tensor.randn(3, 2).requiresGrad_();
        Tensor y = x.mm(w).sum();
        try (var s = Tensor.noGrad()) {
            w.data().add_(1);
        }
        y.backward();
        org.junit.jupiter.api.Assertions.assertTrue(
                x.data().sum(0).allclose(w.grad().data().select(1, 0)));
    }

    @Test
    void transposedWeightGetsAContiguousGradient() {
        Tensor x = Tensor.randn(4, 3);
        Tensor w = Tensor.randn(2, 3).requiresGrad_();
        x.matmul(w.t()).sum().backward();
        org.junit.jupiter.api.Assertions.assertTrue(w.grad().isContiguous());
        org.junit.jupiter.api.Assertions.assertTrue(
                w.grad().data().allclose(x.data().sum(0).expand(2, 3)));
    }
}
