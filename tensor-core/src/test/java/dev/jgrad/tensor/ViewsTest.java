package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("scalar-path")
class ViewsTest {
    private final NDArray t = NDArray.tensor(new float[] {0, 1, 2, 3, 4, 5, 6});
    private final NDArray m = NDArray.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}});

    @Test
    void tutorialSlicing() {
        assertEquals(0, t.get(0).dim());
        assertEquals(6.0, t.get(-1).item());
        assertArrayEquals(new float[] {2, 3, 4}, t.slice(0, 2, 5).toFloatArray());
        assertArrayEquals(new float[] {4, 5}, t.slice(0, 4, -1).toFloatArray());
        assertArrayEquals(new float[] {0, 1}, t.slice(0, 0, 2).toFloatArray());
        assertArrayEquals(new float[] {3, 4, 5, 6}, t.slice(0, 3).toFloatArray());
        assertArrayEquals(new float[] {2, 5, 8, 11}, m.select(1, 1).toFloatArray());
        assertEquals("Size([4])", m.select(1, 1).size().toString());
        assertArrayEquals(
                new float[] {1, 2, 4, 5, 7, 8, 10, 11}, m.slice(1, 0, -1).toFloatArray());
        assertArrayEquals(new float[] {0, 2, 4, 6}, t.slice(0, 0, 7, 2).toFloatArray());
        assertEquals(0, t.slice(0, 5, 2).numel());
        assertArrayEquals(new float[] {5, 6}, t.slice(0, -2, 100).toFloatArray());
        assertArrayEquals(new float[] {4, 5, 6}, m.get(1).toFloatArray());
        assertEquals(6.0, m.get(1, 2).item());
    }

    @Test
    void viewsShareStorageAndWritesReachTheBase() {
        NDArray row = m.clone().select(0, 1);
        NDArray base = NDArray.zeros(3, 4);
        NDArray col = base.select(1, 2);
        assertSame(base.storage(), col.storage());
        col.fill_(5);
        assertArrayEquals(new float[] {0, 0, 5, 0, 0, 0, 5, 0, 0, 0, 5, 0}, base.toFloatArray());
        base.slice(0, 1, 3).narrow(1, 0, 2).add_(1);
        assertEquals(1.0, base.getDouble(2, 1));
        assertEquals(0.0, base.getDouble(0, 0));
        assertEquals(3, row.numel());
    }

    @Test
    void viewReshapeSqueezeUnsqueeze() {
        NDArray ft = NDArray.tensor(new float[][][] {{{0, 1, 2}, {3, 4, 5}}, {{6, 7, 8}, {9, 10, 11}}});
        assertEquals("Size([4, 3])", ft.view(-1, 3).shape().toString());
        assertEquals("Size([4, 1, 3])", ft.view(-1, 1, 3).shape().toString());
        NDArray col = NDArray.tensor(new float[][] {{0}, {1}, {2}});
        assertEquals("Size([3])", col.squeeze().shape().toString());
        assertEquals("Size([3, 1])", col.squeeze(0).shape().toString());
        assertEquals("Size([3])", col.squeeze(-1).shape().toString());
        NDArray v = NDArray.tensor(new float[] {0, 1, 2});
        assertEquals("Size([1, 3])", v.unsqueeze(0).shape().toString());
        assertEquals("Size([3, 1])", v.unsqueeze(-1).shape().toString());
        assertEquals("Size([1, 3])", v.view(1, -1).shape().toString());
        assertEquals("Size([12])", ft.flatten().shape().toString());
        assertEquals("Size([2, 6])", ft.flatten(1, 2).shape().toString());
        assertEquals("Size([1])", NDArray.scalar(1).flatten().shape().toString());
    }

    @Test
    void viewErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.view(5, -1));
        assertEquals("shape '[5, -1]' is invalid for input of size 12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.view(-1, -1));
        assertEquals("only one dimension can be inferred", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.view(-2, 6));
        assertEquals("invalid shape dimension -2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.t().view(12));
        assertEquals(
                "view size is not compatible with input tensor's size and stride (at least one dimension spans "
                        + "across two contiguous subspaces). Use .reshape(...) instead.",
                e.getMessage());
        NDArray r = m.t().reshape(12);
        assertArrayEquals(new float[] {1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12}, r.toFloatArray());
        assertSame(m.storage(), m.reshape(2, 6).storage());
        IndexOutOfBoundsException d = assertThrows(IndexOutOfBoundsException.class, () -> m.select(2, 0));
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 2)", d.getMessage());
        d = assertThrows(IndexOutOfBoundsException.class, () -> m.select(0, 4));
        assertEquals("index 4 is out of bounds for dimension 0 with size 4", d.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.slice(0, 0, 3, 0));
        assertEquals("slice step must be positive", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.slice(0, 0, 3, -1));
        d = assertThrows(
                IndexOutOfBoundsException.class, () -> NDArray.scalar(1).size(0));
        assertEquals("dimension specified as 0 but tensor has no dimensions", d.getMessage());
        d = assertThrows(
                IndexOutOfBoundsException.class, () -> NDArray.scalar(1).select(0, 0));
        assertEquals("select() cannot be applied to a 0-dim tensor.", d.getMessage());
        d = assertThrows(IndexOutOfBoundsException.class, () -> t.narrow(0, 5, 3));
        assertEquals("start (5) + length (3) exceeds dimension size (7).", d.getMessage());
    }

    @Test
    void transposePermuteExpand() {
        NDArray x = NDArray.arange(24).view(2, 3, 4);
        NDArray p = x.permute(2, 0, 1);
        assertEquals("Size([4, 2, 3])", p.shape().toString());
        assertEquals(x.getLong(1, 2, 3), p.getLong(3, 1, 2));
        assertArrayEquals(new int[] {1, 12, 4}, p.strides());
        assertEquals(x.getLong(1, 0, 3), x.transpose(0, 2).getLong(3, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.permute(0, 0, 1));
        assertEquals("permute(): duplicate dims are not allowed.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.t());
        assertEquals("t() expects a tensor with <= 2 dimensions, but self is 3D", e.getMessage());
        NDArray v = NDArray.tensor(new float[] {1, 2, 3});
        NDArray ex = v.expand(2, -1);
        assertArrayEquals(new int[] {0, 1}, ex.strides());
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, ex.toFloatArray());
        assertEquals("Size([2, 3])", v.expandAs(NDArray.zeros(2, 3)).shape().toString());
        assertEquals("Size([4, 2, 3])", v.broadcastTo(4, 2, 3).shape().toString());
        e = assertThrows(IllegalArgumentException.class, () -> v.expand(2, 4));
        assertEquals(
                "The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1."
                        + "  Target sizes: [2, 4].  Tensor sizes: [3]",
                e.getMessage());
        assertFalse(ex.isContiguous());
        assertTrue(NDArray.zeros(3, 0).t().isContiguous());
        assertEquals(v.get(1).item(), v.movedim(0, 0).get(1).item());
        assertEquals(x.getLong(1, 2, 3), x.movedim(0, 2).getLong(2, 3, 1));
    }
}
