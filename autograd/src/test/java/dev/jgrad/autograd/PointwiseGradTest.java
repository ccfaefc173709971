package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.broadcastable;
import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static dev.jgrad.autograd.GradCheck.shape;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Gradient checks of the elementwise ops, with broadcasting and non-contiguous inputs. */
class PointwiseGradTest {
    private static final int TRIALS = 25;

    /** Random broadcast pairs: either side may be the smaller one. */
    private static void binary(String name, long seed, BinaryOperator<Tensor> op, boolean positiveRight) {
        GradCheck.trials(seed, TRIALS, rng -> {
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
        });
    }

    private static DynamicTest binaryCase(String name, long seed, BinaryOperator<Tensor> op, boolean positiveRight) {
        return DynamicTest.dynamicTest(name, () -> binary(name, seed, op, positiveRight));
    }

    private static DynamicTest unaryCase(String name, long seed, UnaryOperator<Tensor> op, boolean positive) {
        return DynamicTest.dynamicTest(name, () -> GradCheck.unary(name, seed, TRIALS, op, positive));
    }

    @TestFactory
    Stream<DynamicTest> gradientsMatchNumeric() {
        Stream<DynamicTest> fixed = Stream.of(
                binaryCase("add", 1, Tensor::add, false),
                binaryCase("add alpha", 2, (a, b) -> a.add(b, -2.5), false),
                unaryCase("add scalar", 3, a -> a.add(1.5), false),
                binaryCase("sub", 4, Tensor::sub, false),
                binaryCase("sub alpha", 5, (a, b) -> a.sub(b, 0.5), false),
                unaryCase("sub scalar", 6, a -> a.sub(2), false),
                binaryCase("mul", 7, Tensor::mul, false),
                unaryCase("mul scalar", 8, a -> a.mul(-3), false),
                unaryCase("square by mul", 9, a -> a.mul(a), false),
                binaryCase("div", 10, Tensor::div, true),
                unaryCase("div scalar", 11, a -> a.div(4), false),
                binaryCase("pow tensor", 15, (a, b) -> b.pow(a), true),
                unaryCase("clamp", 22, a -> a.clamp(-0.5, 0.7), false),
                unaryCase("clampMin", 23, a -> a.clampMin(0.1), false),
                unaryCase("clampMax", 24, a -> a.clampMax(-0.2), false),
                binaryCase("maximum", 25, Tensor::maximum, false),
                binaryCase("minimum", 26, Tensor::minimum, false),
                unaryCase("rsub scalar", 11, a -> a.rsub(1.5), false));
        // Each exponent starts from seed 14: the same inputs, raised to integer, fractional and negative powers.
        Stream<DynamicTest> powers = DoubleStream.of(2, 3, -1.5, 0.5, 0, 1)
                .mapToObj(e -> unaryCase("pow " + e, 14, a -> a.pow(e), e != Math.rint(e) || e < 0));
        return Stream.of(fixed, powers, functions(100, false, ANY_INPUT), functions(200, true, POSITIVE_INPUT))
                .flatMap(c -> c);
    }

    /** Tensor's elementwise functions without arguments, by name (floor..sign: step functions, zero gradient). */
    private static final String[] ANY_INPUT = {
        "neg", "abs", "exp", "sigmoid", "tanh", "relu", "sin", "cos", "erf", "expm1", "floor", "ceil", "round", "trunc",
        "sign"
    };

    /** The functions whose domain is the positive numbers. */
    private static final String[] POSITIVE_INPUT = {"log", "sqrt", "log1p"};

    /** One case per function, calling it by name, with seeds {@code firstSeed}, {@code firstSeed + 1}, .... */
    private static Stream<DynamicTest> functions(long firstSeed, boolean positive, String[] names) {
        return IntStream.range(0, names.length)
                .mapToObj(i -> unaryCase(names[i], firstSeed + i, a -> call(a, names[i]), positive));
    }

    private static Tensor call(Tensor a, String method) {
        try {
            return (Tensor) Tensor.class.getMethod(method).invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Tensor." + method + "()", e);
        }
    }

    @Test
    void where() {
        GradCheck.trials(27, TRIALS, rng -> {
            int[] full = shape(rng, 0, 4, true);
            Tensor cond =
                    Tensor.of(GradCheck.randn(rng, broadcastable(rng, full)).gt(0));
            Tensor a = leaf(rng, broadcastable(rng, full), rng.nextBoolean());
            Tensor b = leaf(rng, full, rng.nextBoolean());
            check("where", rng, in -> Tensor.where(cond, in[0], in[1]), a, b);
        });
    }

    @Test
    void chainedWithSharedInputs() {
        GradCheck.trials(28, TRIALS, rng -> {
            int[] s = shape(rng, 1, 3, false);
            Tensor a = leaf(rng, s, rng.nextBoolean());
            Tensor b = leaf(rng, broadcastable(rng, s), false);
            check(
                    "chain",
                    rng,
                    in -> in[0].mul(in[1]).add(in[0].tanh()).sub(in[1].exp().mul(in[0])),
                    a,
                    b);
        });
    }
}
