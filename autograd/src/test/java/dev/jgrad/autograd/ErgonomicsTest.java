package dev.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.ValuesIndices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java-side conveniences of issue 16: noGrad forms, tolist, dtype overloads and aliases, one ValuesIndices. */
class ErgonomicsTest {

    @Test
    void noGradSupplierReturnsTheValueAndRecordsNothing() {
        Tensor w = Tensor.ones(2).requiresGrad_();
        Tensor y = Tensor.noGrad(() -> w.mul(3));
        assertFalse(y.requiresGrad());
        assertEquals(List.of(3.0, 3.0), y.tolist());
        assertTrue(Tensor.isGradEnabled());
        assertTrue(w.mul(3).requiresGrad());
    }

    @Test
    void noGradRunnableRestoresTheModeEvenWhenTheBodyThrows() {
        Tensor w = Tensor.ones(2).requiresGrad_();
        Tensor.noGrad(() -> {
            w.sub_(Tensor.ones(2).mul(0.5));
        });
        assertEquals(List.of(0.5, 0.5), w.tolist());
        assertThrows(
                IllegalStateException.class,
                () -> Tensor.noGrad(() -> {
                    assertFalse(Tensor.isGradEnabled());
                    throw new IllegalStateException("boom");
                }));
        assertTrue(Tensor.isGradEnabled());
        GradMode.setEnabled(false);
        try {
            Tensor.noGrad(() -> w.add(1));
            assertFalse(Tensor.isGradEnabled(), "the inner form restores the outer no-grad mode");
        } finally {
            GradMode.setEnabled(true);
        }
    }

    @Test
    void tolistNestsListsByShapeWithPyTorchsElementTypes() {
        assertEquals(
                List.of(List.of(0.5, 0.25), List.of(1.0, 2.0)),
                Tensor.tensor(new float[][] {{0.5f, 0.25f}, {1, 2}}).tolist());
        assertEquals(
                List.of(List.of(List.of(0L, 1L)), List.of(List.of(2L, 3L))),
                Tensor.arange(4).view(2, 1, 2).tolist());
        assertEquals(
                List.of(true, false), Tensor.tensor(new boolean[] {true, false}).tolist());
        assertEquals(7L, Tensor.arange(8).get(7).tolist());
        assertEquals(2.5, Tensor.scalar(2.5).tolist());
        assertEquals(List.of(), Tensor.zeros(0).tolist());
        assertEquals(List.of(List.of(), List.of()), Tensor.zeros(2, 0).tolist());
        // a transposed view lists its logical order
        assertEquals(
                List.of(List.of(0L, 2L), List.of(1L, 3L)),
                NDArray.arange(4).view(2, 2).t().tolist());
    }

    @Test
    void arangeTakesADtype() {
        Tensor t = Tensor.arange(0, 2000, DType.FLOAT32);
        assertEquals(DType.FLOAT32, t.dtype());
        assertEquals(2000, t.numel());
        assertEquals(1999.0, t.get(1999).item());
        assertEquals(DType.FLOAT64, Tensor.arange(3, DType.FLOAT64).dtype());
        assertEquals(
                List.of(0.0, 0.5, 1.0),
                Tensor.arange(0, 1.5, 0.5, DType.FLOAT64).tolist());
        assertEquals(List.of(0L, 2L, 4L), Tensor.arange(0, 5, 2.0, DType.LONG).tolist());
        assertEquals(DType.INT64, NDArray.arange(2, DType.LONG).dtype());
    }

    @Test
    void dtypeAliasesAreTorchsNames() {
        assertSame(DType.FLOAT32, DType.FLOAT);
        assertSame(DType.FLOAT64, DType.DOUBLE);
        assertSame(DType.INT64, DType.LONG);
        assertSame(DType.INT32, DType.INT);
        assertEquals("tensor([0, 0, 0])", Tensor.zeros(DType.LONG, 3).toString());
    }

    @Test
    void maxAlongADimReturnsTheSharedValuesIndicesType() {
        ValuesIndices<Tensor> m = Tensor.tensor(new float[][] {{1, 5}, {7, 2}}).max(1);
        ValuesIndices<NDArray> n =
                NDArray.tensor(new float[][] {{1, 5}, {7, 2}}).max(1);
        assertEquals(List.of(5.0, 7.0), m.values().tolist());
        assertEquals(n.indices().tolist(), m.indices().tolist());
        assertEquals("max(\nvalues=tensor([5., 7.]),\nindices=tensor([1, 0]))", m.toString());
    }

    @Test
    void aDtypeMismatchInAProductSaysWhatToWrite() {
        Tensor x = Tensor.tensor(new double[][] {{0.5, 0.2}});
        Tensor w = Tensor.ones(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.matmul(w));
        assertTrue(
                e.getMessage().startsWith("expected mat1 and mat2 to have the same dtype, but got: double != float. "),
                e.getMessage());
        assertTrue(e.getMessage().contains(".toFloat()"), e.getMessage());
        assertTrue(x.toFloat().matmul(w).allclose(Tensor.full(0.7, 1, 3)));
    }
}
