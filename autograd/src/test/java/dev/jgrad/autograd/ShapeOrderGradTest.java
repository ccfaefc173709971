package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static dev.jgrad.autograd.GradCheck.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.ValuesIndices;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Gradient checks of sort, topk, cumsum, cumprod, norm, maskedFill, tril, triu, flip and repeat,
 * on random odd shapes (non-contiguous half the time) and every dim.
 */
class ShapeOrderGradTest {
    private static final int TRIALS = 15;

    /** op(x, dim) for a random x of 1 to 3 dims and a random dim of it (negative half the time). */
    private static void alongDim(String name, long seed, BiFunction<Tensor, Integer, Tensor> op) {
        GradCheck.trials(seed, TRIALS, rng -> {
            Tensor a = leaf(rng, shape(rng, 1, 3, false), rng.nextBoolean());
            int dim = rng.nextInt(a.dim()) - (rng.nextBoolean() ? a.dim() : 0);
            check(name + " " + a.shape() + " dim " + dim, rng, in -> op.apply(in[0], dim), a);
        });
    }

    @Test
    void sortAndTopk() {
        alongDim("sort", 1, (x, d) -> x.sort(d).values());
        alongDim("sort descending", 2, (x, d) -> x.sort(d, true).values());
        alongDim("topk", 3, (x, d) -> x.topk(Math.min(2, x.size(d)), d).values());
        alongDim("topk smallest", 4, (x, d) -> x.topk(1, d, false, true).values());
    }

    @Test
    void cumsumAndCumprod() {
        alongDim("cumsum", 5, Tensor::cumsum);
        alongDim("cumprod", 6, Tensor::cumprod);
    }

    /** cumprod's gradient with zeros in the input, where dividing by x would fail. */
    @Test
    void cumprodGradientIsExactWithZeros() {
        Tensor x = Tensor.tensor(new double[] {2, 0, 3, 0, 5}).requiresGrad_();
        x.cumprod(0).sum().backward();
        // d/dx_i of sum_j prod_{k<=j} x_k
        assertArrayEquals(new double[] {1, 2 + 6, 0, 0, 0}, x.grad().toDoubleArray());
        Random rng = new Random(7);
        Tensor z = Tensor.of(GradCheck.randn(rng, 3, 4)
                        .maskedFill(NDArray.tensor(new boolean[] {false, true, false, false}), 0))
                .requiresGrad_();
        check("cumprod with zeros", rng, in -> in[0].cumprod(1), z);
        check("cumprod with zeros dim 0", rng, in -> in[0].cumprod(0), z);
    }

    @Test
    void norms() {
        Random rng = new Random(8);
        for (double p : new double[] {2, 1, 3, 0.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int trial = 0; trial < 6; trial++) {
                Tensor a = leaf(rng, shape(rng, 1, 3, false), rng.nextBoolean());
                check("norm p=" + p + " " + a.shape(), rng, in -> in[0].norm(p), a);
                int dim = rng.nextInt(a.dim());
                boolean keep = rng.nextBoolean();
                check("norm p=" + p + " dim " + dim, rng, in -> in[0].norm(p, dim, keep), a);
            }
        }
        Tensor z = Tensor.zeros(3).toDouble().requiresGrad_();
        z.norm().backward();
        assertArrayEquals(new double[] {0, 0, 0}, z.grad().toDoubleArray(), "PyTorch's zero subgradient at 0");
    }

    @Test
    void maskedFillTrilTriuFlipRepeat() {
        GradCheck.trials(9, TRIALS, rng -> {
            int[] s = shape(rng, 2, 3, false);
            Tensor a = leaf(rng, s, rng.nextBoolean());
            Tensor mask = Tensor.of(GradCheck.randn(rng, s[s.length - 1]).gt(0));
            check("maskedFill " + a.shape(), rng, in -> in[0].maskedFill(mask, 2.5), a);
            int k = rng.nextInt(5) - 2;
            check("tril " + k, rng, in -> in[0].tril(k), a);
            check("triu " + k, rng, in -> in[0].triu(k), a);
            check("flip", rng, in -> in[0].flip(0, -1), a);
            int[] reps = new int[a.dim() + rng.nextInt(2)];
            for (int i = 0; i < reps.length; i++) {
                reps[i] = 1 + rng.nextInt(3);
            }
            check("repeat " + java.util.Arrays.toString(reps), rng, in -> in[0].repeat(reps), a);
        });
    }

    @Test
    void printingAndNonDifferentiableResults() {
        Tensor x = Tensor.tensor(new float[] {3, 1, 2}).requiresGrad_();
        ValuesIndices<Tensor> s = x.sort();
        assertEquals(
                "sort(\nvalues=tensor([1., 2., 3.], grad_fn=<SortBackward0>),\nindices=tensor([1, 2, 0]))",
                s.toString());
        assertEquals(
                "tensor([3., 4., 6.], grad_fn=<CumsumBackward0>)", x.cumsum(0).toString());
        assertEquals(
                "tensor(3.7417, grad_fn=<LinalgVectorNormBackward0>)", x.norm().toString());
        assertEquals(
                "tensor([3., 1., 3., 1.], grad_fn=<RepeatBackward0>)",
                x.narrow(0, 0, 2).repeat(2).toString());
        assertFalse(x.any().requiresGrad());
        assertEquals("tensor(True)", x.all().toString());
        assertFalse(x.argsort().requiresGrad());
        assertEquals("tensor([0, 2, 1])", x.argsort(0, true).toString());
    }
}
