package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static dev.jgrad.autograd.GradCheck.shape;

import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Gradient checks of the reductions, over everything and over each dim, keepdim both ways. */
class ReduceGradTest {
    private static final int TRIALS = 15;

    /** Runs {@code op(x, dim)} for every dim of random shapes (negative dims too). */
    private static DynamicTest eachDim(
            String name, long seed, boolean allowEmpty, BiFunction<Tensor, Integer, Tensor> op) {
        return eachDim(name, seed, allowEmpty, false, op);
    }

    /** {@code atLeastTwo}: no size-1 dims, for unbiased var/std (one sample has no variance). */
    private static DynamicTest eachDim(
            String name, long seed, boolean allowEmpty, boolean atLeastTwo, BiFunction<Tensor, Integer, Tensor> op) {
        return DynamicTest.dynamicTest(
                name,
                () -> GradCheck.trials(seed, TRIALS, rng -> {
                    Tensor a = leaf(rng, sizes(rng, 1, allowEmpty, atLeastTwo), rng.nextBoolean());
                    for (int d = -a.dim(); d < a.dim(); d++) {
                        int dim = d;
                        check(name + " dim " + dim + " of " + a.shape(), rng, in -> op.apply(in[0], dim), a);
                    }
                }));
    }

    private static DynamicTest whole(String name, long seed, boolean allowEmpty, UnaryOperator<Tensor> op) {
        return whole(name, seed, allowEmpty, false, op);
    }

    private static DynamicTest whole(
            String name, long seed, boolean allowEmpty, boolean atLeastTwo, UnaryOperator<Tensor> op) {
        return DynamicTest.dynamicTest(
                name,
                () -> GradCheck.trials(seed, TRIALS, rng -> {
                    Tensor a = leaf(rng, sizes(rng, atLeastTwo ? 1 : 0, allowEmpty, atLeastTwo), rng.nextBoolean());
                    check(name + " of " + a.shape(), rng, in -> op.apply(in[0]), a);
                }));
    }

    private static int[] sizes(Random rng, int minDim, boolean allowEmpty, boolean atLeastTwo) {
        int[] s = shape(rng, minDim, 4, allowEmpty);
        if (atLeastTwo) {
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.max(s[i], 2);
            }
        }
        return s;
    }

    @TestFactory
    Stream<DynamicTest> gradientsMatchNumeric() {
        return Stream.of(
                whole("sum", 1, true, Tensor::sum),
                eachDim("sum", 2, true, Tensor::sum),
                eachDim("sum keepdim", 3, true, (x, d) -> x.sum(d, true)),
                whole("mean", 5, false, Tensor::mean),
                eachDim("mean", 6, false, Tensor::mean),
                eachDim("mean keepdim", 7, false, (x, d) -> x.mean(d, true)),
                whole("prod", 9, true, Tensor::prod),
                eachDim("prod", 10, true, (x, d) -> x.prod(d, false)),
                eachDim("prod keepdim", 11, true, (x, d) -> x.prod(d, true)),
                whole("max", 13, false, Tensor::max),
                whole("min", 14, false, Tensor::min),
                eachDim("max dim", 15, false, (x, d) -> x.max(d).values()),
                eachDim("min dim keepdim", 16, false, (x, d) -> x.min(d, true).values()),
                whole("var", 17, false, true, Tensor::var),
                whole("std", 18, false, true, Tensor::std),
                eachDim("var dim", 19, false, true, Tensor::var),
                eachDim("var biased keepdim", 20, false, (x, d) -> x.var(d, false, true)),
                eachDim("std biased", 21, false, true, (x, d) -> x.std(d, false, false)),
                eachDim("std keepdim", 22, false, true, (x, d) -> x.std(d, true, true)),
                eachDim("logsumexp", 23, false, Tensor::logsumexp),
                eachDim("logsumexp keepdim", 24, false, (x, d) -> x.logsumexp(d, true)),
                eachDim("softmax", 25, true, Tensor::softmax),
                eachDim("logSoftmax", 26, true, Tensor::logSoftmax));
    }

    @Test
    void sumOverSeveralDims() {
        Random rng = new Random(4);
        Tensor a = leaf(rng, new int[] {3, 1, 4, 2}, true);
        check("sum dims", rng, in -> in[0].sum(new int[] {0, -1}, false), a);
        check("sum dims keepdim", rng, in -> in[0].sum(new int[] {2, 1}, true), a);
    }

    @Test
    void meanOverSeveralDims() {
        Random rng = new Random(8);
        Tensor a = leaf(rng, new int[] {3, 2, 5}, true);
        check("mean dims", rng, in -> in[0].mean(new int[] {0, 2}, false), a);
    }

    @Test
    void prodWithZeros() {
        Random rng = new Random(12);
        Tensor oneZero = Tensor.tensor(new double[][] {{2, 0, 3}, {4, 5, 6}}).requiresGrad_();
        check("prod one zero", rng, in -> in[0].prod(), oneZero);
        check("prod dim one zero", rng, in -> in[0].prod(1, false), oneZero);
        check("prod dim0 one zero", rng, in -> in[0].prod(0, true), oneZero);
        Tensor twoZeros = Tensor.tensor(new double[][] {{0, 0, 3}, {4, 0, 6}}).requiresGrad_();
        check("prod two zeros", rng, in -> in[0].prod(), twoZeros);
        check("prod dim two zeros", rng, in -> in[0].prod(1, false), twoZeros);
    }

    @Test
    void maxTiesShareTheGradient() {
        Tensor x = Tensor.tensor(new double[] {1, 3, 3, 2}).requiresGrad_();
        x.max().backward();
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new double[] {0, 0.5, 0.5, 0}, x.grad().toDoubleArray());
    }
}
