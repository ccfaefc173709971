package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Broadcast elementwise ops on random shapes and layouts equal an element-by-element reference. */
@Tag("scalar-path")
class BroadcastPropertyTest {
    private static final int CASES = 150;
    private static final DType[] TYPES = {
        DType.FLOAT32, DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32, DType.UINT8, DType.BOOL
    };

    enum Op {
        ADD(NDArray::add),
        SUB(NDArray::sub),
        MUL(NDArray::mul),
        DIV(NDArray::div),
        MAXIMUM(NDArray::maximum),
        MINIMUM(NDArray::minimum),
        EQ(NDArray::eq),
        LT(NDArray::lt),
        GE(NDArray::ge),
        ADD_ALPHA((a, b) -> a.add(b, 3));

        final BiFunction<NDArray, NDArray, NDArray> fn;

        Op(BiFunction<NDArray, NDArray, NDArray> fn) {
            this.fn = fn;
        }
    }

    private static DType expectedType(Op op, NDArray a, NDArray b) {
        DType common = Promotion.resultType(a, b);
        switch (op) {
            case EQ:
            case LT:
            case GE:
                return DType.BOOL;
            case DIV:
                return common.isFloatingPoint() ? common : DType.FLOAT32;
            default:
                return common;
        }
    }

    private static double reference(Op op, double x, double y, DType t) {
        switch (op) {
            case ADD:
                return x + y;
            case ADD_ALPHA:
                return x + store(3 * y, t); // alpha * b is rounded first, as in PyTorch
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case DIV:
                return x / y;
            case MAXIMUM:
                return Math.max(x, y);
            case MINIMUM:
                return Math.min(x, y);
            case EQ:
                return x == y ? 1 : 0;
            case LT:
                return x < y ? 1 : 0;
            case GE:
                return x >= y ? 1 : 0;
            default:
                throw new AssertionError(op);
        }
    }

    /** Rounds a reference value the way storing it in dtype t does. */
    private static double store(double v, DType t) {
        NDArray s = NDArray.scalar(0, t);
        s.setDouble(v);
        return s.getDouble();
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void matchesNaiveReference(Op op) {
        Random r = new Random(1000 + op.ordinal());
        for (int c = 0; c < CASES; c++) {
            int[] out = RandomTensors.shape(r, 4);
            int[] sa = RandomTensors.broadcastableTo(r, out);
            int[] sb = RandomTensors.broadcastableTo(r, out);
            if (r.nextBoolean()) {
                int[] t = sa;
                sa = sb;
                sb = t;
            }
            DType ta = TYPES[r.nextInt(TYPES.length)];
            DType tb = r.nextInt(3) == 0 ? TYPES[r.nextInt(TYPES.length)] : ta;
            if (op == Op.SUB && (ta == DType.BOOL || tb == DType.BOOL)) {
                ta = DType.INT64;
                tb = tb == DType.BOOL ? DType.INT64 : tb;
            }
            NDArray a = RandomTensors.laidOutValues(r, ta, sa);
            NDArray b = RandomTensors.laidOutValues(r, tb, sb);
            if (r.nextInt(4) == 0 && a.dim() > 0) {
                // A size-1 dim expanded by a view, so the operand itself has stride 0.
                int d = r.nextInt(a.dim());
                if (a.size(d) == 1) {
                    int[] target = a.shape().toArray();
                    target[d] = out[out.length - a.dim() + d];
                    a = a.expand(target);
                }
            }
            String ctx = "case " + c + ": a " + RandomTensors.describe(a) + ", b " + RandomTensors.describe(b);
            NDArray got = op.fn.apply(a, b);
            DType rt = expectedType(op, a, b);
            assertEquals(rt, got.dtype(), ctx);
            int[] gs = got.shape().toArray();
            assertArrayEquals(Shapes.broadcast(a.shape().toArray(), b.shape().toArray()), gs, ctx);
            DType compute = op == Op.DIV && !rt.isFloatingPoint() ? DType.FLOAT32 : Promotion.resultType(a, b);
            if (op == Op.DIV && !compute.isFloatingPoint()) {
                compute = DType.FLOAT32;
            }
            for (int f = 0; f < got.numel(); f++) {
                int[] idx = RandomTensors.unravel(f, gs);
                double x = store(
                        a.getDouble(RandomTensors.broadcastIndex(idx, a.shape().toArray())), compute);
                double y = store(
                        b.getDouble(RandomTensors.broadcastIndex(idx, b.shape().toArray())), compute);
                double want = store(reference(op, x, y, compute), rt);
                if (compute.isFloatingPoint() || rt == DType.BOOL) {
                    assertEquals(want, got.getDouble(idx), 0.0, ctx + " at " + java.util.Arrays.toString(idx));
                } else {
                    assertEquals((long) want, got.getLong(idx), ctx + " at " + java.util.Arrays.toString(idx));
                }
            }
            // The in-place form writes the same values through any (non-expanded) layout of the target.
            if (java.util.Arrays.equals(gs, a.shape().toArray())
                    && rt == a.dtype()
                    && op != Op.EQ
                    && op != Op.LT
                    && op != Op.GE
                    && !hasZeroStride(a)) {
                NDArray target = RandomTensors.layout(r, a.clone());
                NDArray before = target.clone();
                int v = target.storage().version();
                inPlace(op, target, b);
                assertEquals(v + 1, target.storage().version(), ctx);
                assertArrayEquals(got.toDoubleArray(), target.toDoubleArray(), ctx + " in place from " + before);
            }
        }
    }

    private static boolean hasZeroStride(NDArray a) {
        for (int i = 0; i < a.dim(); i++) {
            if (a.stride(i) == 0 && a.size(i) > 1) {
                return true;
            }
        }
        return false;
    }

    private static void inPlace(Op op, NDArray t, NDArray b) {
        switch (op) {
            case ADD:
                t.add_(b);
                break;
            case ADD_ALPHA:
                t.add_(b, 3);
                break;
            case SUB:
                t.sub_(b);
                break;
            case MUL:
                t.mul_(b);
                break;
            case DIV:
                t.div_(b);
                break;
            case MAXIMUM:
                t.copy_(t.maximum(b));
                break;
            case MINIMUM:
                t.copy_(t.minimum(b));
                break;
            default:
                throw new AssertionError(op);
        }
    }
}
