package dev.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.NDArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** An op defined outside autograd with its own backward: a fused {@code a·b²}. */
class CustomOpTest {
    static Tensor mulSquare(Tensor a, Tensor b) {
        NDArray out = a.data().mul(b.data().mul(b.data()));
        CustomOp op = CustomOp.record("MulSquareBackward0", a, b);
        if (op == null) {
            return Tensor.of(out);
        }
        Supplier<NDArray> sa = op.save(a);
        Supplier<NDArray> sb = op.save(b);
        return op.finish(out, g -> new NDArray[] {
            op.needsInputGrad(0) ? g.mul(sb.get().mul(sb.get())) : null,
            op.needsInputGrad(1) ? g.mul(sa.get().mul(sb.get()).mul(2)) : null
        });
    }

    /** The same op through {@link CustomOp#apply}, without the null check. */
    static Tensor mulSquareApplied(Tensor a, Tensor b) {
        return CustomOp.apply(
                "MulSquareBackward0",
                a.data().mul(b.data().mul(b.data())),
                op -> {
                    Supplier<NDArray> sa = op.save(a);
                    Supplier<NDArray> sb = op.save(b);
                    return g -> new NDArray[] {
                        op.needsInputGrad(0) ? g.mul(sb.get().mul(sb.get())) : null,
                        op.needsInputGrad(1) ? g.mul(sa.get().mul(sb.get()).mul(2)) : null
                    };
                },
                a,
                b);
    }

    @Test
    void applyRecordsLikeRecordAndFinish() {
        Tensor a = Tensor.tensor(new float[] {1, 2}).requiresGrad_();
        Tensor b = Tensor.tensor(new float[] {3, 4}).requiresGrad_();
        Tensor y = mulSquareApplied(a, b);
        assertEquals("MulSquareBackward0", y.gradFn().name());
        y.sum().backward();
        assertArrayEquals(new float[] {9, 16}, a.grad().toFloatArray());
        assertArrayEquals(new float[] {6, 16}, b.grad().toFloatArray());
        Tensor c = Tensor.tensor(new float[] {1, 2});
        Tensor plain = mulSquareApplied(c, c);
        assertNull(plain.gradFn());
        assertFalse(plain.requiresGrad());
        assertArrayEquals(new float[] {1, 8}, plain.toFloatArray());
    }

    @Test
    void gradientsFlowToInputsThatNeedThem() {
        Tensor a = Tensor.tensor(new float[] {1, 2}).requiresGrad_();
        Tensor b = Tensor.tensor(new float[] {3, 4});
        Tensor y = mulSquare(a, b);
        assertEquals("MulSquareBackward0", y.gradFn().name());
        assertTrue(y.gradFn().needsInputGrad(0));
        assertFalse(y.gradFn().needsInputGrad(1));
        y.sum().backward();
        assertArrayEquals(new float[] {9, 16}, a.grad().toFloatArray());
        assertNull(b.grad());
    }

    @Test
    void broadcastGradientsAreSummedBackToTheInputShape() {
        Tensor a = Tensor.tensor(new float[] {2}).requiresGrad_();
        Tensor b = Tensor.tensor(new float[] {1, 2, 3}).requiresGrad_();
        mulSquare(a, b).sum().backward();
        assertArrayEquals(new float[] {14}, a.grad().toFloatArray());
        assertArrayEquals(new float[] {4, 8, 12}, b.grad().toFloatArray());
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    @Test
    void nothingIsRecordedUnderNoGrad() {
        Tensor a = Tensor.ones(2).requiresGrad_();
        try (var s = Tensor.noGrad()) {
            assertNull(CustomOp.record("X", a));
            assertNull(mulSquare(a, a).gradFn());
        }
    }

    @Test
    void savedValuesAreCheckedForInPlaceChanges() {
        Tensor a = Tensor.tensor(new float[] {1, 2}).requiresGrad_();
        Tensor b = Tensor.tensor(new float[] {3, 4});
        Tensor y = mulSquare(a, b);
        b.add_(1);
        GradCheck.assertBackwardFails(
                y.sum(),
                "one of the variables needed for gradient computation has been modified by an inplace operation");
    }
}
