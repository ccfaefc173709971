package dev.jgrad.tensor;

import static dev.jgrad.tensor.FloatTensors.f;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The elementwise functions of issue 16 on NDArray: values, dtype rules and printing as PyTorch's. */
class MathOpsTest {
    @Test
    void trigonometricAndErrorFunctionsPrintAsPyTorch() {
        NDArray x = f(0f, 0.5f, 1f, -2f);
        assertEquals("tensor([ 0.0000,  0.4794,  0.8415, -0.9093])", x.sin().toString());
        assertEquals("tensor([ 1.0000,  0.8776,  0.5403, -0.4161])", x.cos().toString());
        assertEquals("tensor([ 0.0000,  0.5205,  0.8427, -0.9953])", x.erf().toString());
        assertEquals("tensor([ 0.0000,  0.6487,  1.7183, -0.8647])", x.expm1().toString());
        assertEquals("tensor([0.0000, 0.4055, 0.6931,    nan])", x.log1p().toString());
        assertEquals(
                "tensor([1.0000e-10, 1.0000e-10])", f(1e-10f, 1e-10f).expm1().toString());
    }

    @Test
    void integerInputGivesFloat32AndFloat64StaysFloat64() {
        NDArray i = NDArray.tensor(new long[] {1, 2});
        assertEquals("tensor([0.8415, 0.9093])", i.sin().toString());
        assertEquals(DType.FLOAT32, NDArray.tensor(new boolean[] {true}).erf().dtype());
        NDArray d = NDArray.tensor(new double[] {0.5, 3});
        assertEquals(DType.FLOAT64, d.cos().dtype());
        assertArrayEquals(new double[] {Math.cos(0.5), Math.cos(3)}, d.cos().toDoubleArray());
        assertArrayEquals(
                new double[] {Math.log1p(0.5), Math.log1p(3)}, d.log1p().toDoubleArray());
        assertArrayEquals(
                new double[] {Math.expm1(0.5), Math.expm1(3)}, d.expm1().toDoubleArray());
        assertEquals(0.5204998778130465, d.erf().toDoubleArray()[0], 2e-16);
    }

    @Test
    void roundingKeepsTheDtypeWithHalvesToEven() {
        NDArray x = f(-1.5f, -0.5f, 0.5f, 1.5f, 2.5f, -2.7f);
        assertEquals("tensor([-2., -0.,  0.,  2.,  2., -3.])", x.round().toString());
        assertEquals("tensor([-2., -1.,  0.,  1.,  2., -3.])", x.floor().toString());
        assertEquals("tensor([-1., -0.,  1.,  2.,  3., -2.])", x.ceil().toString());
        assertEquals("tensor([-1., -0.,  0.,  1.,  2., -2.])", x.trunc().toString());
        NDArray i = NDArray.tensor(new long[] {-3, 0, 4});
        for (UnaryOperator<NDArray> op : java.util.List.<UnaryOperator<NDArray>>of(
                NDArray::floor, NDArray::ceil, NDArray::round, NDArray::trunc)) {
            assertEquals("tensor([-3,  0,  4])", op.apply(i).toString());
        }
        assertEquals("tensor([-1,  0,  1])", i.sign().toString());
        assertEquals(
                "tensor([-1.,  0.,  0.,  1.,  0.])",
                f(-2f, -0f, 0f, 3f, Float.NaN).sign().toString());
        assertEquals(DType.INT32, i.toInt().sign().dtype());
    }

    @Test
    void isnanAndIsinfGiveBool() {
        NDArray x = f(1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertEquals("tensor([False,  True, False, False])", x.isnan().toString());
        assertEquals("tensor([False, False,  True,  True])", x.isinf().toString());
        assertEquals(
                "tensor([False, False])",
                NDArray.tensor(new long[] {1, 2}).isnan().toString());
        assertEquals(
                "tensor([False, False])",
                NDArray.tensor(new long[] {1, 2}).isinf().toString());
        assertEquals(DType.BOOL, x.toDouble().isnan().dtype());
    }

    @Test
    void rsubIsOtherMinusThis() {
        assertEquals(
                "tensor([ 0, -1])", NDArray.tensor(new long[] {1, 2}).rsub(1).toString());
        assertEquals("tensor([0.5000, 0.0000])", f(0.5f, 1f).rsub(1).toString());
        assertEquals(
                "tensor([-0.5000, -1.5000])",
                NDArray.tensor(new long[] {1, 2}).rsub(0.5).toString());
        assertEquals(
                "tensor([[2., 1.],\n        [1., 0.]])",
                f(1f, 2f).rsub(f(3f, 2f).view(2, 1)).toString());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NDArray.tensor(new boolean[] {true}).rsub(1));
        assertEquals(
                "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert "
                        + "a mask, use the `~` or `logical_not()` operator instead.",
                e.getMessage());
    }

    /** Strided and broadcast views go through the same kernels: every op equals its value on a contiguous copy. */
    @Test
    void nonContiguousViewsEqualContiguousCopies() {
        Random r = new Random(16);
        NDArray base = NDArray.randn(r.nextInt(5) + 3, 7).mul(4);
        NDArray view = base.t().slice(0, 1, 7, 2);
        java.util.List<UnaryOperator<NDArray>> ops = java.util.List.of(
                NDArray::sin,
                NDArray::cos,
                NDArray::erf,
                NDArray::expm1,
                NDArray::log1p,
                NDArray::floor,
                NDArray::ceil,
                NDArray::round,
                NDArray::trunc,
                NDArray::sign);
        for (UnaryOperator<NDArray> op : ops) {
            assertArrayEquals(
                    op.apply(view.contiguous()).toFloatArray(), op.apply(view).toFloatArray());
            NDArray d = view.toDouble();
            assertArrayEquals(
                    op.apply(d.contiguous()).toDoubleArray(), op.apply(d).toDoubleArray());
        }
    }
}
