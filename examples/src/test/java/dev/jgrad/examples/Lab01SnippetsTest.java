package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.tensor.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every torch cell of the tutorial's Lab-01-1 and Lab-01-2, asserting the text the tutorial
 * shows under it, with {@code torch.} and {@code torch.return_types.} dropped.
 */
class Lab01SnippetsTest {

    /** What a cell's successive print(...) calls write: one line per call, arguments joined by spaces. */
    private static String printed(Object... calls) {
        return joined("\n", calls);
    }

    /** One print(a, b, ...) call. */
    private static String print(Object... parts) {
        return joined(" ", parts);
    }

    /** The parts' text joined by {@code separator}, as {@link #printed} and {@link #print} write it. */
    private static String joined(String separator, Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (sb.length() > 0) {
                sb.append(separator);
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static NDArray t1() {
        return NDArray.tensor(new float[] {0, 1, 2, 3, 4, 5, 6});
    }

    private static NDArray t2() {
        return NDArray.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}});
    }

    // ---- Lab-01-1 ----

    @Test
    void oneDimensionalTensor() {
        assertEquals("tensor([0., 1., 2., 3., 4., 5., 6.])", t1().toString());
    }

    @Test
    void oneDimensionalRankShapeElementsSlices() {
        NDArray t = t1();
        assertEquals(
                """
                Rank: 1
                Shape: Size([7])
                Shape: Size([7])
                tensor(0.) tensor(1.) tensor(6.)
                tensor([2., 3., 4.]) tensor([4., 5.])
                tensor([0., 1.]) tensor([3., 4., 5., 6.])""",
                printed(
                        "Rank: " + t.dim(),
                        "Shape: " + t.shape(),
                        "Shape: " + t.size(),
                        print(t.get(0), t.get(1), t.get(-1)),
                        print(t.slice(0, 2, 5), t.slice(0, 4, -1)),
                        print(t.slice(0, 0, 2), t.slice(0, 3))));
    }

    @Test
    void twoDimensionalTensor() {
        assertEquals("""
                tensor([[ 1.,  2.,  3.],
                        [ 4.,  5.,  6.],
                        [ 7.,  8.,  9.],
                        [10., 11., 12.]])""", t2().toString());
    }

    @Test
    void twoDimensionalRankSizeSlices() {
        NDArray t = t2();
        assertEquals(
                """
                Rank: 2
                Size([4, 3])
                tensor([ 2.,  5.,  8., 11.])
                Size([4])
                tensor([[ 1.,  2.],
                        [ 4.,  5.],
                        [ 7.,  8.],
                        [10., 11.]])""",
                printed(
                        "Rank: " + t.dim(),
                        t.size(),
                        t.select(1, 1),
                        t.select(1, 1).size(),
                        t.slice(1, 0, -1)));
    }

    @Test
    void broadcastingSameShape() {
        NDArray m1 = NDArray.tensor(new float[][] {{3, 3}});
        NDArray m2 = NDArray.tensor(new float[][] {{2, 2}});
        assertEquals("""
                Size([1, 2]) Size([1, 2])
                tensor([[5., 5.]])""", printed(print(m1.shape(), m2.shape()), m1.add(m2)));
    }

    @Test
    void broadcastingVectorPlusScalar() {
        NDArray m1 = NDArray.tensor(new float[][] {{1, 2}});
        NDArray m2 = NDArray.tensor(new float[] {3});
        assertEquals("""
                Size([1, 2]) Size([1])
                tensor([[4., 5.]])""", printed(print(m1.shape(), m2.shape()), m1.add(m2)));
    }

    @Test
    void broadcastingRowPlusColumn() {
        NDArray m1 = NDArray.tensor(new float[][] {{1, 2}});
        NDArray m2 = NDArray.tensor(new float[][] {{3}, {4}});
        assertEquals("""
                Size([1, 2]) Size([2, 1])
                tensor([[4., 5.],
                        [5., 6.]])""", printed(print(m1.shape(), m2.shape()), m1.add(m2)));
    }

    private static NDArray mat1() {
        return NDArray.tensor(new float[][] {{1, 2}, {3, 4}});
    }

    private static NDArray mat2() {
        return NDArray.tensor(new float[][] {{1}, {2}});
    }

    @Test
    void matrixShapes() {
        assertEquals("""
                Shape of Matrix 1: Size([2, 2])
                Shape of Matrix 2: Size([2, 1])""", printed("Shape of Matrix 1: " + mat1().shape(), "Shape of Matrix 2: " + mat2().shape()));
    }

    @Test
    void matricesPrinted() {
        assertEquals("""
                tensor([[1., 2.],
                        [3., 4.]])
                ----------
                tensor([[1.],
                        [2.]])""", printed(mat1(), "-".repeat(10), mat2()));
    }

    @Test
    void matmul() {
        assertEquals("""
                tensor([[ 5.],
                        [11.]])""", mat1().matmul(mat2()).toString());
    }

    @Test
    void elementwiseMulBroadcasts() {
        assertEquals("""
                tensor([[1., 2.],
                        [6., 8.]])""", mat1().mul(mat2()).toString());
    }

    @Test
    void numpyMatmulDotAndProductOfMatrices() {
        NDArray a = NDArray.tensor(new long[][] {{1, 2}, {3, 4}});
        NDArray b = NDArray.tensor(new long[][] {{1, 2}, {3, 4}});
        NDArray expected = NDArray.tensor(new long[][] {{7, 10}, {15, 22}});
        assertEquals(expected.toString(), a.matmul(b).toString());
        assertEquals(expected.toString(), a.mm(b).toString());
        assertEquals(
                NDArray.tensor(new long[][] {{1, 4}, {9, 16}}).toString(),
                a.mul(b).toString());
    }

    @Test
    void numpyOneDimensionalDotIs14() {
        NDArray a = NDArray.tensor(new long[] {1, 2, 3});
        NDArray b = NDArray.tensor(new long[] {1, 2, 3});
        assertEquals(0, a.matmul(b).dim());
        assertEquals("(14, 14)", "(" + a.matmul(b).itemLong() + ", " + a.dot(b).itemLong() + ")");
        assertEquals("tensor(14)", a.dot(b).toString());
        assertEquals("tensor([1, 4, 9])", a.mul(b).toString());
    }

    @Test
    void mean() {
        assertEquals("tensor(1.5000)", NDArray.tensor(new float[] {1, 2}).mean().toString());
    }

    @Test
    void meanOfLongFails() {
        NDArray t = NDArray.tensor(new long[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, t::mean);
        assertEquals(
                "mean(): could not infer output dtype. Input dtype must be either a floating point or complex"
                        + " dtype. Got: Long",
                e.getMessage());
    }

    @Test
    void sum() {
        NDArray t = mat1();
        assertEquals("""
                tensor([[1., 2.],
                        [3., 4.]])
                tensor(10.)
                tensor([4., 6.])
                tensor([3., 7.])""", printed(t, t.sum(), t.sum(0), t.sum(1)));
    }

    @Test
    void max() {
        assertEquals("tensor(4.)", mat1().max().toString());
    }

    @Test
    void maxWithDimGivesValuesAndIndices() {
        assertEquals("""
                max(
                values=tensor([3., 4.]),
                indices=tensor([1, 1]))""", mat1().max(0).toString());
    }

    // ---- Lab-01-2 ----

    private static NDArray ft3() {
        return NDArray.tensor(new float[][][] {{{0, 1, 2}, {3, 4, 5}}, {{6, 7, 8}, {9, 10, 11}}});
    }

    @Test
    void viewShape() {
        assertEquals("Size([2, 2, 3])", ft3().shape().toString());
    }

    @Test
    void viewTo2D() {
        NDArray ft = ft3();
        assertEquals("""
                tensor([[ 0.,  1.,  2.],
                        [ 3.,  4.,  5.],
                        [ 6.,  7.,  8.],
                        [ 9., 10., 11.]])
                Size([4, 3])""", printed(ft.view(-1, 3), ft.view(-1, 3).shape()));
    }

    @Test
    void viewTo3D() {
        NDArray ft = ft3();
        assertEquals("""
                tensor([[[ 0.,  1.,  2.]],

                        [[ 3.,  4.,  5.]],

                        [[ 6.,  7.,  8.]],

                        [[ 9., 10., 11.]]])
                Size([4, 1, 3])""", printed(ft.view(-1, 1, 3), ft.view(-1, 1, 3).shape()));
    }

    @Test
    void squeeze() {
        NDArray ft = NDArray.tensor(new float[][] {{0}, {1}, {2}});
        assertEquals("""
                tensor([[0.],
                        [1.],
                        [2.]])
                Size([3, 1])
                tensor([0., 1., 2.])
                Size([3])""", printed(ft, ft.shape(), ft.squeeze(), ft.squeeze().shape()));
    }

    @Test
    void unsqueezeAndView() {
        NDArray ft = NDArray.tensor(new float[] {0, 1, 2});
        assertEquals(
                """
                tensor([0., 1., 2.])
                Size([3])
                tensor([[0., 1., 2.]])
                Size([1, 3])
                tensor([[0., 1., 2.]])
                Size([1, 3])
                tensor([[0.],
                        [1.],
                        [2.]])
                Size([3, 1])
                tensor([[0.],
                        [1.],
                        [2.]])
                Size([3, 1])""",
                printed(
                        ft,
                        ft.shape(),
                        ft.unsqueeze(0),
                        ft.unsqueeze(0).shape(),
                        ft.view(1, -1),
                        ft.view(1, -1).shape(),
                        ft.unsqueeze(1),
                        ft.unsqueeze(1).shape(),
                        ft.view(-1, 1),
                        ft.view(-1, 1).shape()));
    }

    @Test
    void castLongToFloat() {
        NDArray lt = NDArray.tensor(new long[] {1, 2, 3, 4});
        assertEquals("""
                tensor([1, 2, 3, 4])
                tensor([1., 2., 3., 4.])""", printed(lt, lt.toFloat()));
    }

    @Test
    void castByte() {
        NDArray bt = NDArray.tensor(new byte[] {1, 0, 0, 1});
        assertEquals("""
                tensor([1, 0, 0, 1], dtype=uint8)
                tensor([1, 0, 0, 1])
                tensor([1., 0., 0., 1.])""", printed(bt, bt.toLong(), bt.toFloat()));
    }

    @Test
    void concatenate() {
        NDArray x = NDArray.tensor(new float[][] {{1, 2}, {3, 4}});
        NDArray y = NDArray.tensor(new float[][] {{5, 6}, {7, 8}});
        assertEquals("""
                tensor([[1., 2.],
                        [3., 4.],
                        [5., 6.],
                        [7., 8.]])
                tensor([[1., 2., 5., 6.],
                        [3., 4., 7., 8.]])""", printed(NDArray.cat(List.of(x, y), 0), NDArray.cat(List.of(x, y), 1)));
    }

    @Test
    void stacking() {
        NDArray x = NDArray.tensor(new float[] {1, 4});
        NDArray y = NDArray.tensor(new float[] {2, 5});
        NDArray z = NDArray.tensor(new float[] {3, 6});
        assertEquals(
                """
                tensor([[1., 4.],
                        [2., 5.],
                        [3., 6.]])
                tensor([[1., 4.],
                        [2., 5.],
                        [3., 6.]])
                tensor([[1., 2., 3.],
                        [4., 5., 6.]])""",
                printed(
                        NDArray.stack(List.of(x, y, z), 0),
                        NDArray.stack(List.of(x, y, z), 0),
                        NDArray.stack(List.of(x, y, z), 1)));
    }

    @Test
    void onesAndZerosLike() {
        NDArray x = NDArray.tensor(new float[][] {{0, 1, 2}, {2, 1, 0}});
        assertEquals("""
                tensor([[0., 1., 2.],
                        [2., 1., 0.]])
                tensor([[1., 1., 1.],
                        [1., 1., 1.]])
                tensor([[0., 0., 0.],
                        [0., 0., 0.]])""", printed(x, NDArray.onesLike(x), NDArray.zerosLike(x)));
    }

    @Test
    void inPlaceMultiplication() {
        NDArray x = NDArray.tensor(new float[][] {{1, 2}, {3, 4}});
        // Each print is evaluated in order, as the tutorial's four print calls are.
        String a = x.mul(2.).toString();
        String b = x.toString();
        String c = x.mul_(2.).toString();
        String d = x.toString();
        assertEquals("""
                tensor([[2., 4.],
                        [6., 8.]])
                tensor([[1., 2.],
                        [3., 4.]])
                tensor([[2., 4.],
                        [6., 8.]])
                tensor([[2., 4.],
                        [6., 8.]])""", printed(a, b, c, d));
    }
}
