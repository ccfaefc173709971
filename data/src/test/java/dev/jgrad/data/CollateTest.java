package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollateTest {

    private static Tensor t(float... values) {
        return Tensor.of(NDArray.tensor(values));
    }

    @Test
    void tensorsStackAlongANewDim0() {
        Tensor batch = Collate.defaultCollate(List.of(t(1, 2), t(3, 4), t(5, 6)));
        assertArrayEquals(new int[] {3, 2}, batch.data().shape().toArray());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, batch.data().toFloatArray());
    }

    @Test
    void numbersBecomeTensorsAsInPyTorch() {
        Tensor ints = (Tensor) Collate.collate(List.of(1L, 2L, 3L));
        assertEquals(DType.INT64, ints.data().dtype());
        assertArrayEquals(new long[] {1, 2, 3}, ints.data().toLongArray());
        Tensor fromInts = (Tensor) Collate.collate(List.of(4, 5));
        assertEquals(DType.INT64, fromInts.data().dtype());
        Tensor doubles = (Tensor) Collate.collate(List.of(0.5, 1.5));
        assertEquals(DType.FLOAT64, doubles.data().dtype());
        assertArrayEquals(new double[] {0.5, 1.5}, doubles.data().toDoubleArray());
        Tensor bools = (Tensor) Collate.collate(List.of(true, false));
        assertEquals(DType.BOOL, bools.data().dtype());
        var e = assertThrows(IllegalArgumentException.class, () -> Collate.defaultCollate(List.of(1L, 2L)));
        assertTrue(e.getMessage().startsWith("default_collate turns Long samples into a Tensor batch"), e.getMessage());
        DataLoader<Object> loader = DataLoader.builder(new Dataset<Long>() {
                    @Override
                    public int size() {
                        return 3;
                    }

                    @Override
                    public Long get(int index) {
                        return 10L * index;
                    }
                })
                .batchSize(3)
                .collateFn(Collate::collate)
                .build();
        assertArrayEquals(
                new long[] {0, 10, 20},
                ((Tensor) loader.iterator().next()).data().toLongArray());
    }

    @Test
    void listsMapsAndArraysKeepTheirStructure() {
        List<Object> batch = Collate.defaultCollate(List.of(List.<Object>of(t(1), 7L), List.<Object>of(t(2), 8L)));
        assertArrayEquals(new float[] {1, 2}, ((Tensor) batch.get(0)).data().toFloatArray());
        assertArrayEquals(new long[] {7, 8}, ((Tensor) batch.get(1)).data().toLongArray());

        Map<String, Object> m = Collate.defaultCollate(
                List.<Map<String, Object>>of(Map.of("x", t(1, 1), "id", 3L), Map.of("x", t(2, 2), "id", 4L)));
        assertArrayEquals(new int[] {2, 2}, ((Tensor) m.get("x")).data().shape().toArray());
        assertArrayEquals(new long[] {3, 4}, ((Tensor) m.get("id")).data().toLongArray());

        Tensor[] arrays = Collate.defaultCollate(List.of(new Tensor[] {t(1), t(2)}, new Tensor[] {t(3), t(4)}));
        assertArrayEquals(new float[] {1, 3}, arrays[0].data().toFloatArray());

        Object names = Collate.collate(List.of("a", "b"));
        assertEquals(List.of("a", "b"), names);
    }

    @Test
    void mismatchedShapesNameBothShapes() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> Collate.defaultCollate(List.of(t(1, 2, 3), t(1, 2, 3), t(1, 2))));
        assertEquals(
                "stack expects each tensor to be equal size, but got [3] at entry 0 and [2] at entry 2",
                e.getMessage());
    }

    record Labelled(Tensor x, long label) {}

    @Test
    void aRecordWithAPrimitiveComponentCannotHoldABatch() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Collate.defaultCollate(List.of(new Labelled(t(1), 1), new Labelled(t(2), 2))));
        assertTrue(e.getMessage().contains("component 'label' of type long"), e.getMessage());
    }

    @Test
    void unsupportedTypesAndMixedTypesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Collate.defaultCollate(List.of(new Object())));
        assertTrue(e.getMessage().startsWith("default_collate: batch must contain tensors"), e.getMessage());
        var mixed =
                assertThrows(IllegalArgumentException.class, () -> Collate.defaultCollate(List.<Object>of(t(1), 2L)));
        assertTrue(mixed.getMessage().contains("at entry 1"), mixed.getMessage());
        var ragged = assertThrows(
                IllegalArgumentException.class,
                () -> Collate.defaultCollate(List.of(List.of(t(1), t(2)), List.of(t(1)))));
        assertTrue(
                ragged.getMessage().startsWith("each element in list of batch should be of equal size"),
                ragged.getMessage());
    }
}
