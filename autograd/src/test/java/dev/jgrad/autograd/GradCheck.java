package dev.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.DoubleStream;

/**
 * Analytic gradients against central finite differences, in float64: for a random upstream
 * gradient v, the gradient of sum(f(inputs) * v) with respect to each input element.
 */
final class GradCheck {
    private static final double EPS = 1e-6;
    private static final double ATOL = 1e-7;
    private static final double RTOL = 1e-6;

    private GradCheck() {}

    static void check(String what, Random rng, Function<Tensor[], Tensor> f, Tensor... inputs) {
        for (Tensor t : inputs) {
            t.setGrad(null);
        }
        Tensor out = f.apply(inputs);
        if (!out.requiresGrad()) {
            fail(what + ": the result does not require grad");
        }
        NDArray v = randn(rng, out.shape().toArray());
        out.backward(Tensor.of(v));
        for (int i = 0; i < inputs.length; i++) {
            Tensor x = inputs[i];
            if (!x.requiresGrad()) {
                continue;
            }
            NDArray analytic =
                    x.grad() == null ? NDArray.zerosLike(x.data()) : x.grad().data();
            if (!analytic.shape().equals(x.shape())) {
                fail(what + ": grad of input " + i + " has shape " + analytic.shape() + ", input " + x.shape());
            }
            int[] shape = x.shape().toArray();
            int[] idx = new int[shape.length];
            for (int k = 0; k < x.numel(); k++) {
                unravel(k, shape, idx);
                double orig = x.data().getDouble(idx);
                x.data().setDouble(orig + EPS, idx);
                double plus = weighted(f, inputs, v);
                x.data().setDouble(orig - EPS, idx);
                double minus = weighted(f, inputs, v);
                x.data().setDouble(orig, idx);
                double numeric = (plus - minus) / (2 * EPS);
                double got = analytic.getDouble(idx);
                if (!(Math.abs(got - numeric) <= ATOL + RTOL * Math.abs(numeric))) {
                    fail(what + ": d/d input " + i + " " + java.util.Arrays.toString(idx) + " of shape " + x.shape()
                            + ": analytic " + got + ", numeric " + numeric);
                }
            }
        }
    }

    /** Runs {@code trial} {@code count} times on one generator seeded with {@code seed}. */
    static void trials(long seed, int count, Consumer<Random> trial) {
        Random rng = new Random(seed);
        for (int t = 0; t < count; t++) {
            trial.accept(rng);
        }
    }

    /**
     * {@link #check} of a one-input op on {@code trials} random leaves of random shapes (empty ones
     * too), half of them non-contiguous; {@code positive} shifts the inputs to |x| + 0.5, for ops
     * defined on positive numbers only.
     */
    static void unary(String name, long seed, int trials, UnaryOperator<Tensor> op, boolean positive) {
        GradCheck.trials(seed, trials, rng -> {
            Tensor a = leaf(rng, shape(rng, 0, 4, true), rng.nextBoolean());
            if (positive) {
                a = Tensor.of(a.data().abs().add(0.5)).requiresGrad_();
            }
            check(name + " " + a.shape(), rng, in -> op.apply(in[0]), a);
        });
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    private static double weighted(Function<Tensor[], Tensor> f, Tensor[] inputs, NDArray v) {
        try (GradMode.Scope s = Tensor.noGrad()) {
            NDArray y = f.apply(inputs).data();
            return y.numel() == 0 ? 0 : y.toDouble().mul(v).sum().item();
        }
    }

    static void unravel(int k, int[] shape, int[] idx) {
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = k % shape[d];
            k /= shape[d];
        }
    }

    /** A float64 leaf that requires grad, non-contiguous when asked and possible. */
    static Tensor leaf(Random rng, int[] shape, boolean nonContiguous) {
        return Tensor.of(values(rng, shape, nonContiguous)).requiresGrad_();
    }

    static NDArray values(Random rng, int[] shape, boolean nonContiguous) {
        if (nonContiguous && shape.length >= 2) {
            int[] swapped = shape.clone();
            int a = shape.length - 2;
            swapped[a] = shape[a + 1];
            swapped[a + 1] = shape[a];
            return randn(rng, swapped).transpose(a, a + 1);
        }
        if (nonContiguous && shape.length == 1) {
            return randn(rng, 2 * shape[0]).slice(0, 0, 2 * shape[0], 2);
        }
        return randn(rng, shape);
    }

    static NDArray randn(Random rng, int... shape) {
        int n = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        return NDArray.wrap(DoubleStream.generate(rng::nextGaussian).limit(n).toArray(), shape.clone());
    }

    /** Asserts that {@code loss.backward()} fails with an IllegalStateException whose message starts with {@code prefix}. */
    static void assertBackwardFails(Tensor loss, String prefix) {
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    /** A random shape of up to {@code maxDim} dims with sizes among 0 (if allowed), 1, 2, 3 and 5. */
    static int[] shape(Random rng, int minDim, int maxDim, boolean allowEmpty) {
        int[] sizes = allowEmpty ? new int[] {0, 1, 2, 3, 5, 2, 3} : new int[] {1, 2, 3, 5, 2, 3};
        int n = minDim + rng.nextInt(maxDim - minDim + 1);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = sizes[rng.nextInt(sizes.length)];
        }
        return s;
    }

    /** A shape that broadcasts to {@code full}: some leading dims dropped, some dims set to 1. */
    static int[] broadcastable(Random rng, int[] full) {
        int drop = rng.nextInt(full.length + 1);
        int[] s = java.util.Arrays.copyOfRange(full, drop, full.length);
        for (int i = 0; i < s.length; i++) {
            if (rng.nextInt(3) == 0) {
                s[i] = 1;
            }
        }
        return s;
    }
}
