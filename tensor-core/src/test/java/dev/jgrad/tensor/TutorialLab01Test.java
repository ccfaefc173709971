package dev.jgrad.tensor;

import static dev.jgrad.tensor.FloatTensors.f;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The torch snippets of the tutorial's Lab-01-1 and Lab-01-2, with the text they print. */
@Tag("scalar-path")
class TutorialLab01Test {
    @Test
    void lab01OneDimensional() {
        NDArray t = f(0, 1, 2, 3, 4, 5, 6);
        assertEquals("tensor([0., 1., 2., 3., 4., 5., 6.])", t.toString());
        assertEquals("Rank: 1", "Rank: " + t.dim());
        assertEquals("Shape: Size([7])", "Shape: " + t.shape());
        assertEquals("tensor(0.) tensor(1.) tensor(6.)", t.get(0) + " " + t.get(1) + " " + t.get(-1));
        assertEquals("tensor([2., 3., 4.]) tensor([4., 5.])", t.slice(0, 2, 5) + " " + t.slice(0, 4, -1));
        assertEquals("tensor([0., 1.]) tensor([3., 4., 5., 6.])", t.slice(0, 0, 2) + " " + t.slice(0, 3));
    }

    @Test
    void lab01TwoDimensional() {
        NDArray t = f(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}});
        assertEquals(
                "tensor([[ 1.,  2.,  3.],\n        [ 4.,  5.,  6.],\n        [ 7.,  8.,  9.],\n"
                        + "        [10., 11., 12.]])",
                t.toString());
        assertEquals("Size([4, 3])", t.size().toString());
        assertEquals("tensor([ 2.,  5.,  8., 11.])", t.select(1, 1).toString());
        assertEquals("Size([4])", t.select(1, 1).size().toString());
        assertEquals(
                "tensor([[ 1.,  2.],\n        [ 4.,  5.],\n        [ 7.,  8.],\n        [10., 11.]])",
                t.slice(1, 0, -1).toString());
    }

    @Test
    void lab01BroadcastingAndMatmul() {
        assertEquals(
                "tensor([[5., 5.]])",
                f(new float[][] {{3, 3}}).add(f(new float[][] {{2, 2}})).toString());
        assertEquals("tensor([[4., 5.]])", f(new float[][] {{1, 2}}).add(f(3)).toString());
        assertEquals(
                "tensor([[4., 5.],\n        [5., 6.]])",
                f(new float[][] {{1, 2}}).add(f(new float[][] {{3}, {4}})).toString());
        NDArray m1 = f(new float[][] {{1, 2}, {3, 4}});
        NDArray m2 = f(new float[][] {{1}, {2}});
        assertEquals("tensor([[ 5.],\n        [11.]])", m1.matmul(m2).toString());
        assertEquals("tensor([[1., 2.],\n        [6., 8.]])", m1.mul(m2).toString());
        // NumPy's matmul/dot examples, as jgrad computes them.
        NDArray a = NDArray.tensor(new long[][] {{1, 2}, {3, 4}});
        assertEquals("tensor([[ 7, 10],\n        [15, 22]])", a.matmul(a).toString());
        NDArray v = NDArray.tensor(new long[] {1, 2, 3});
        assertEquals(14, v.matmul(v).itemLong());
        assertEquals(14, v.dot(v).itemLong());
    }

    @Test
    void lab01Reductions() {
        assertEquals("tensor(1.5000)", f(1, 2).mean().toString());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> NDArray.tensor(new long[] {1, 2}).mean());
        assertEquals(
                "mean(): could not infer output dtype. Input dtype must be either a floating point or complex "
                        + "dtype. Got: Long",
                e.getMessage());
        NDArray t = f(new float[][] {{1, 2}, {3, 4}});
        assertEquals("tensor(10.)", t.sum().toString());
        assertEquals("tensor([4., 6.])", t.sum(0).toString());
        assertEquals("tensor([3., 7.])", t.sum(1).toString());
        assertEquals("tensor(4.)", t.max().toString());
        assertEquals(
                "max(\nvalues=tensor([3., 4.]),\nindices=tensor([1, 1]))",
                t.max(0).toString());
    }

    @Test
    void lab01ViewSqueezeUnsqueeze() {
        NDArray ft = NDArray.tensor(new float[][][] {{{0, 1, 2}, {3, 4, 5}}, {{6, 7, 8}, {9, 10, 11}}});
        assertEquals("Size([2, 2, 3])", ft.shape().toString());
        assertEquals(
                "tensor([[ 0.,  1.,  2.],\n        [ 3.,  4.,  5.],\n        [ 6.,  7.,  8.],\n"
                        + "        [ 9., 10., 11.]])",
                ft.view(-1, 3).toString());
        assertEquals(
                "tensor([[[ 0.,  1.,  2.]],\n\n        [[ 3.,  4.,  5.]],\n\n        [[ 6.,  7.,  8.]],\n\n"
                        + "        [[ 9., 10., 11.]]])",
                ft.view(-1, 1, 3).toString());
        assertEquals("Size([4, 1, 3])", ft.view(-1, 1, 3).shape().toString());
        NDArray col = f(new float[][] {{0}, {1}, {2}});
        assertEquals("tensor([[0.],\n        [1.],\n        [2.]])", col.toString());
        assertEquals("tensor([0., 1., 2.])", col.squeeze().toString());
        NDArray v = f(0, 1, 2);
        assertEquals("tensor([[0., 1., 2.]])", v.unsqueeze(0).toString());
        assertEquals("tensor([[0., 1., 2.]])", v.view(1, -1).toString());
        assertEquals(
                "tensor([[0.],\n        [1.],\n        [2.]])", v.unsqueeze(1).toString());
        assertEquals(
                "tensor([[0.],\n        [1.],\n        [2.]])", v.view(-1, 1).toString());
    }

    @Test
    void lab01CastingCatStackLikeInPlace() {
        NDArray lt = NDArray.tensor(new long[] {1, 2, 3, 4});
        assertEquals("tensor([1, 2, 3, 4])", lt.toString());
        assertEquals("tensor([1., 2., 3., 4.])", lt.toFloat().toString());
        NDArray bt = NDArray.tensor(new byte[] {1, 0, 0, 1});
        assertEquals("tensor([1, 0, 0, 1], dtype=uint8)", bt.toString());
        assertEquals("tensor([1, 0, 0, 1])", bt.toLong().toString());
        assertEquals("tensor([1., 0., 0., 1.])", bt.toFloat().toString());
        NDArray x = f(new float[][] {{1, 2}, {3, 4}});
        NDArray y = f(new float[][] {{5, 6}, {7, 8}});
        assertEquals(
                "tensor([[1., 2.],\n        [3., 4.],\n        [5., 6.],\n        [7., 8.]])",
                NDArray.cat(List.of(x, y), 0).toString());
        assertEquals(
                "tensor([[1., 2., 5., 6.],\n        [3., 4., 7., 8.]])",
                NDArray.cat(List.of(x, y), 1).toString());
        List<NDArray> xyz = List.of(f(1, 4), f(2, 5), f(3, 6));
        assertEquals(
                "tensor([[1., 4.],\n        [2., 5.],\n        [3., 6.]])",
                NDArray.stack(xyz, 0).toString());
        assertEquals(
                "tensor([[1., 2., 3.],\n        [4., 5., 6.]])",
                NDArray.stack(xyz, 1).toString());
        NDArray z = f(new float[][] {{0, 1, 2}, {2, 1, 0}});
        assertEquals(
                "tensor([[1., 1., 1.],\n        [1., 1., 1.]])",
                NDArray.onesLike(z).toString());
        assertEquals(
                "tensor([[0., 0., 0.],\n        [0., 0., 0.]])",
                NDArray.zerosLike(z).toString());
        assertEquals("tensor([[2., 4.],\n        [6., 8.]])", x.mul(2.).toString());
        assertEquals("tensor([[1., 2.],\n        [3., 4.]])", x.toString());
        assertEquals("tensor([[2., 4.],\n        [6., 8.]])", x.mul_(2.).toString());
        assertEquals("tensor([[2., 4.],\n        [6., 8.]])", x.toString());
    }
}
