package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.broadcastable;
import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static dev.jgrad.autograd.GradCheck.shape;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Gradient checks of the elementwise ops, with broadcasting and non-contiguous inputs. */
class PointwiseGradTest {
    private static final int TRIALS = 25;

    /** Random broadcast pairs: either side may be the smaller one. */
    private static void binary(String name, long seed, BinaryOperator<Tensor> op, boolean positiveRight) {
        Random rng = new Random(seed);
        for (int trial = 0; trial < TRIALS; trial++) {
            int[] full = shape(rng, 0, 4, true);
            int[] small = broadcastable(rng, full);
            boolean swap = rng.nextBoolean();
            Tensor a = leaf(rng, swap ? small : full, rng.nextBoolean());
            Tensor b = leaf(rng, swap ? full : small, rng.nextBoolean());
            if (positiveRight) {
                b = Tensor.of(b.data().abs().add(0.5)).requiresGrad_();
            }
            check(
                    name + " " + Arrays.toString(a.shape().toArray()) + " "
                            + Arrays.toString(b.shape().toArray()),
                    rng,
                    in -> op.apply(in[0], in[1]),
                    a,
                    b);
        }
    }

    private static void unary(String name, long seed, UnaryOperator<Tensor> op, boolean positive) {
        GradCheck.unary(name, seed, TRIALS, op, positive);
    }

    @Test
    void add() {
        binary("add", 1, Tensor::add, false);
        binary("add alpha", 2, (a, b) -> a.add(b, -2.5), false);
        unary("add scalar", 3, a -> a.add(1.5), false);
    }

    @Test
    void sub() {
        binary("sub", 4, Tensor::sub, false);
        binary("sub alpha", 5, (a, b) -> a.sub(b, 0.5), false);
        unary("sub scalar", 6, a -> a.sub(2), false);
    }

    @Test
    void mul() {
        binary("mul", 7, Tensor::mul, false);
        unary("mul scalar", 8, a -> a.mul(-3), false);
        unary("square by mul", 9, a -> a.mul(a), false);
    }

    @Test
    void div() {
        binary("div", 10, Tensor::div, true);
        unary("div scalar", 11, a -> a.div(4), false);
    }

    @Test
    void negAndAbs() {
        unary("neg", 12, Tensor::neg, false);
        unary("abs", 13, Tensor::abs, false);
    }

    @Test
    void pow() {
        for (double e : new double[] {2, 3, -1.5, 0.5, 0, 1}) {
            unary("pow " + e, 14, a -> a.pow(e), e != Math.rint(e) || e < 0);
        }
        binary("pow tensor", 15, (a, b) -> b.pow(a), true);
    }

    @Test
    void expLogSqrt() {
        unary("exp", 16, Tensor::exp, false);
        unary("log", 17, Tensor::log, true);
        unary("sqrt", 18, Tensor::sqrt, true);
    }

    @Test
    void activations() {
        unary("sigmoid", 19, Tensor::sigmoid, false);
        unary("tanh", 20, Tensor::tanh, false);
        unary("relu", 21, Tensor::relu, false);
    }

    @Test
    void clamp() {
        unary("clamp", 22, a -> a.clamp(-0.5, 0.7), false);
        unary("clampMin", 23, a -> a.clampMin(0.1), false);
        unary("clampMax", 24, a -> a.clampMax(-0.2), false);
    }

    @Test
    void maximumMinimum() {
        binary("maximum", 25, Tensor::maximum, false);
        binary("minimum", 26, Tensor::minimum, false);
    }

    @Test
    void where() {
        Random rng = new Random(27);
        for (int trial = 0; trial < TRIALS; trial++) {
            int[] full = shape(rng, 0, 4, true);
            Tensor cond =
                    Tensor.of(GradCheck.randn(rng, broadcastable(rng, full)).gt(0));
            Tensor a = leaf(rng, broadcastable(rng, full), rng.nextBoolean());
            Tensor b = leaf(rng, full, rng.nextBoolean());
            check("where", rng, in -> Tensor.where(cond, in[0], in[1]), a, b);
        }
    }

    @Test
    void chainedWithSharedInputs() {
        Random rng = new Random(28);
        for (int trial = 0; trial < TRIALS; trial++) {
            int[] s = shape(rng, 1, 3, false);
            Tensor a = leaf(rng, s, rng.nextBoolean());
            Tensor b = leaf(rng, broadcastable(rng, s), false);
            check(
                    "chain",
                    rng,
                    in -> in[0].mul(in[1]).add(in[0].tanh()).sub(in[1].exp().mul(in[0])),
                    a,
                    b);
        }
    }
}
