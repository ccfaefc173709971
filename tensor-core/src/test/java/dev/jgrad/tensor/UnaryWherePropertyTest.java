package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Unary ops, clamp and where on random shapes, dtypes and layouts against per-element references. */
@Tag("scalar-path")
class UnaryWherePropertyTest {
    enum Fn {
        NEG(NDArray::neg, x -> -x, false),
        ABS(NDArray::abs, Math::abs, false),
        RELU(NDArray::relu, x -> Math.max(x, 0), false),
        SQRT(NDArray::sqrt, Math::sqrt, true),
        EXP(NDArray::exp, Math::exp, true),
        LOG(NDArray::log, Math::log, true),
        SIGMOID(NDArray::sigmoid, x -> 1 / (1 + Math.exp(-x)), true),
        TANH(NDArray::tanh, Math::tanh, true),
        CLAMP(t -> t.clamp(-1.5, 2), x -> Math.min(Math.max(x, -1.5), 2), false),
        CLAMP_INT(t -> t.clamp(-3, 5), x -> Math.min(Math.max(x, -3), 5), false),
        SQUARE(t -> t.pow(2), x -> x * x, false),
        HALF_POWER(t -> t.pow(1.5), x -> Math.pow(x, 1.5), true),
        NOT(NDArray::logicalNot, x -> x == 0 ? 1 : 0, false);

        final Function<NDArray, NDArray> op;
        final DoubleUnaryOperator ref;
        final boolean floatingResult;

        Fn(Function<NDArray, NDArray> op, DoubleUnaryOperator ref, boolean floatingResult) {
            this.op = op;
            this.ref = ref;
            this.floatingResult = floatingResult;
        }
    }

    private static double store(double v, DType t) {
        NDArray s = NDArray.scalar(0, t);
        s.setDouble(v);
        return s.getDouble();
    }

    private static DType expected(Fn fn, DType in) {
        switch (fn) {
            case NOT:
                return DType.BOOL;
            case CLAMP:
            case HALF_POWER:
                return in.isFloatingPoint() ? in : DType.FLOAT32;
            default:
                return fn.floatingResult && !in.isFloatingPoint() ? DType.FLOAT32 : in;
        }
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void matchesReference(Fn fn) {
        Random r = new Random(300 + fn.ordinal());
        DType[] types = {DType.FLOAT32, DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32};
        for (int c = 0; c < 120; c++) {
            DType t = types[r.nextInt(types.length)];
            NDArray x = RandomTensors.laidOutValues(r, t, RandomTensors.shape(r, 4));
            String ctx = "case " + c + ": " + RandomTensors.describe(x);
            NDArray y = fn.op.apply(x);
            DType rt = expected(fn, t);
            assertEquals(rt, y.dtype(), ctx);
            assertArrayEquals(x.shape().toArray(), y.shape().toArray(), ctx);
            for (int f = 0; f < x.numel(); f++) {
                int[] idx = RandomTensors.unravel(f, x.shape().toArray());
                double want = store(fn.ref.applyAsDouble(x.getDouble(idx)), rt);
                // float32 transcendentals are the kernels' polynomials, within a few ulp of the double reference.
                double tol = fn.floatingResult && rt == DType.FLOAT32 && Double.isFinite(want)
                        ? Math.abs(want) * 0x1p-21
                        : 0;
                assertEquals(want, y.getDouble(idx), tol, ctx + " at " + java.util.Arrays.toString(idx));
            }
        }
    }

    @Test
    void inPlaceClampWritesThroughViews() {
        RandomTensors.cases(8, 100, (r, c) -> {
            NDArray x = RandomTensors.laidOutValues(r, DType.FLOAT32, RandomTensors.shape(r, 3));
            NDArray want = x.clamp(-1, 1);
            x.clamp_(-1, 1);
            assertArrayEquals(want.toFloatArray(), x.toFloatArray());
        });
    }

    @Test
    void whereMatchesReference() {
        Random r = new Random(9);
        DType[] types = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};
        for (int c = 0; c < 150; c++) {
            int[] out = RandomTensors.shape(r, 3);
            NDArray cond = RandomTensors.laidOutValues(r, DType.BOOL, RandomTensors.broadcastableTo(r, out));
            NDArray a = RandomTensors.layout(
                    r, RandomTensors.values(r, types[r.nextInt(4)], RandomTensors.broadcastableTo(r, out)));
            NDArray b = RandomTensors.layout(
                    r, RandomTensors.values(r, types[r.nextInt(4)], RandomTensors.broadcastableTo(r, out)));
            NDArray w = NDArray.where(cond, a, b);
            int[] shape = Shapes.broadcast(
                    Shapes.broadcast(cond.shape().toArray(), a.shape().toArray()),
                    b.shape().toArray());
            assertArrayEquals(shape, w.shape().toArray());
            DType rt = Promotion.resultType(a, b);
            assertEquals(rt, w.dtype());
            for (int f = 0; f < w.numel(); f++) {
                int[] idx = RandomTensors.unravel(f, shape);
                boolean cv = cond.getLong(
                                RandomTensors.broadcastIndex(idx, cond.shape().toArray()))
                        != 0;
                NDArray src = cv ? a : b;
                double want = store(
                        src.getDouble(
                                RandomTensors.broadcastIndex(idx, src.shape().toArray())),
                        rt);
                assertEquals(want, w.getDouble(idx), 0.0, "case " + c);
            }
        }
    }
}
