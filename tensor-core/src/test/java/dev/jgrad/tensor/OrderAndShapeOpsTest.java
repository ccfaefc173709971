package dev.jgrad.tensor;

import static dev.jgrad.tensor.FloatTensors.f;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** sort, topk, cumsum, cumprod, norm, any, all, maskedFill, tril, triu, flip and repeat on NDArray, as PyTorch. */
class OrderAndShapeOpsTest {
    @Test
    void sortIsStableWithNaNLastAndPrintsAsPyTorch() {
        NDArray x = f(3f, Float.NaN, 1f, 3f, -2f);
        ValuesIndices<NDArray> s = x.sort();
        assertEquals(
                "sort(\nvalues=tensor([-2.,  1.,  3.,  3., nan]),\nindices=tensor([4, 2, 0, 3, 1]))", s.toString());
        ValuesIndices<NDArray> d = x.sort(0, true);
        assertEquals("tensor([nan,  3.,  3.,  1., -2.])", d.values().toString());
        assertArrayEquals(new long[] {1, 0, 3, 2, 4}, d.indices().toLongArray());
        assertArrayEquals(new long[] {4, 2, 0, 3, 1}, x.argsort().toLongArray());
        NDArray m = NDArray.tensor(new long[][] {{3, 1, 2}, {0, 5, 4}});
        assertEquals(
                "tensor([[0, 1, 2],\n        [3, 5, 4]])", m.sort(0).values().toString());
        assertEquals("tensor([[1, 2, 0],\n        [0, 2, 1]])", m.argsort(1).toString());
        assertEquals(DType.INT64, m.sort(1).values().dtype());
    }

    @Test
    void topkTakesTheLargestOrSmallest() {
        NDArray x = f(1f, 5f, 2f, 4f);
        ValuesIndices<NDArray> t = x.topk(2);
        assertEquals("topk(\nvalues=tensor([5., 4.]),\nindices=tensor([1, 3]))", t.toString());
        assertArrayEquals(
                new float[] {1f, 2f}, x.topk(2, 0, false, true).values().toFloatArray());
        NDArray m = NDArray.arange(6).view(2, 3).toFloat();
        assertEquals("tensor([[2.],\n        [5.]])", m.topk(1, 1).values().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.topk(5));
        assertEquals("selected index k out of range", e.getMessage());
    }

    @Test
    void cumsumAndCumprodPromoteIntegersToInt64() {
        NDArray m = NDArray.tensor(new int[] {1, 2, 3, 4}).view(2, 2);
        assertEquals("tensor([[1, 2],\n        [4, 6]])", m.cumsum(0).toString());
        assertEquals(DType.INT64, m.cumsum(0).dtype());
        assertEquals("tensor([[ 1,  2],\n        [ 3, 12]])", m.cumprod(1).toString());
        assertEquals(
                "tensor([0.5000, 1.5000, 3.0000])", f(0.5f, 1f, 1.5f).cumsum(0).toString());
        assertEquals(
                "tensor([1, 1, 2])",
                NDArray.tensor(new boolean[] {true, false, true}).cumsum(0).toString());
        // a transposed view scans along its own logical dim
        NDArray t = NDArray.arange(6).view(2, 3).t().toFloat();
        assertArrayEquals(t.contiguous().cumsum(1).toFloatArray(), t.cumsum(1).toFloatArray());
        // float32 accumulates in double: 2^24 + 1 + 1 is exact before rounding once per output
        assertEquals(16777218f, f(16777216f, 1f, 1f).cumsum(0).toFloatArray()[2]);
    }

    @Test
    void normsOfAllOrders() {
        NDArray x = f(3f, -4f, 0f);
        assertEquals("tensor(5.)", x.norm().toString());
        assertEquals(7.0, x.norm(1).item());
        assertEquals(4.0, x.norm(Double.POSITIVE_INFINITY).item());
        assertEquals(0.0, x.norm(Double.NEGATIVE_INFINITY).item());
        assertEquals(2.0, x.norm(0).item());
        assertEquals(Math.cbrt(91), x.norm(3).item(), 1e-5);
        NDArray m = NDArray.tensor(new float[][] {{3, 4}, {6, 8}});
        assertEquals("tensor([ 5., 10.])", m.norm(2, 1, false).toString());
        assertEquals("tensor([[ 5.],\n        [10.]])", m.norm(2, 1, true).toString());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.arange(3).norm());
        assertEquals(
                "linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long", e.getMessage());
    }

    @Test
    void anyAndAll() {
        NDArray m = NDArray.tensor(new float[][] {{0, 1}, {0, 0}});
        assertEquals("tensor(True)", m.any().toString());
        assertEquals("tensor(False)", m.all().toString());
        assertEquals("tensor([ True, False])", m.any(1).toString());
        assertEquals("tensor([[False],\n        [False]])", m.all(1, true).toString());
        assertEquals("tensor(True)", NDArray.zeros(0).all().toString());
        assertEquals("tensor(False)", NDArray.zeros(0).any().toString());
        assertEquals("tensor(True)", f(Float.NaN).any().toString());
        assertEquals(
                "tensor(True)", NDArray.tensor(new boolean[] {true, true}).all().toString());
    }

    @Test
    void maskedFillKeepsTheDtypeAndBroadcasts() {
        NDArray x = NDArray.arange(6).view(2, 3).toFloat();
        NDArray mask = NDArray.tensor(new boolean[] {true, false, true});
        assertEquals(
                "tensor([[-1.,  1., -1.],\n        [-1.,  4., -1.]])",
                x.maskedFill(mask, -1).toString());
        assertEquals(
                "tensor([[9, 1, 9],\n        [9, 4, 9]])",
                NDArray.arange(6).view(2, 3).maskedFill(mask, 9.7).toString());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> x.maskedFill(NDArray.zeros(DType.INT64, 3), 0));
        assertEquals("masked_fill_ only supports boolean masks, but got mask with dtype int64", e.getMessage());
    }

    @Test
    void trilAndTriuOnBatches() {
        NDArray x = NDArray.ones(3, 4);
        assertEquals(
                "tensor([[1., 0., 0., 0.],\n        [1., 1., 0., 0.],\n        [1., 1., 1., 0.]])",
                x.tril().toString());
        assertEquals(
                "tensor([[0., 1., 1., 1.],\n        [0., 0., 1., 1.],\n        [0., 0., 0., 1.]])",
                x.triu(1).toString());
        assertEquals(
                "tensor([[0., 0., 0., 0.],\n        [1., 0., 0., 0.],\n        [1., 1., 0., 0.]])",
                x.tril(-1).toString());
        NDArray b = NDArray.arange(8).view(2, 2, 2);
        assertEquals(
                "tensor([[[0, 1],\n         [0, 3]],\n\n        [[4, 5],\n         [0, 7]]])",
                b.triu().toString());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.ones(3).tril());
        assertEquals("tril: input tensor must have at least 2 dimensions", e.getMessage());
    }

    @Test
    void flipAndRepeat() {
        NDArray x = NDArray.arange(6).view(2, 3);
        assertEquals("tensor([[5, 4, 3],\n        [2, 1, 0]])", x.flip(0, 1).toString());
        assertEquals("tensor([[2, 1, 0],\n        [5, 4, 3]])", x.flip(-1).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.flip(0, -2));
        assertEquals("dim 0 appears multiple times in the list of dims", e.getMessage());
        NDArray v = f(1f, 2f);
        assertEquals(
                "tensor([[1., 2., 1., 2.],\n        [1., 2., 1., 2.]])",
                v.repeat(2, 2).toString());
        assertEquals(
                "tensor([[0, 1, 2],\n        [3, 4, 5],\n        [0, 1, 2],\n        [3, 4, 5]])",
                x.repeat(2, 1).toString());
        assertEquals("Size([2, 2, 6])", x.repeat(2, 1, 2).shape().toString());
        e = assertThrows(IllegalArgumentException.class, () -> x.repeat(2));
        assertEquals(
                "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor",
                e.getMessage());
    }

    /** Every op on a non-contiguous view equals the op on a contiguous copy, on random odd shapes. */
    @Test
    void viewsEqualContiguousCopies() {
        Random r = new Random(1616);
        for (int trial = 0; trial < 30; trial++) {
            int rows = 1 + r.nextInt(5), cols = 1 + r.nextInt(6);
            NDArray view = NDArray.randn(cols, rows).t();
            NDArray copy = view.contiguous();
            assertTrue(!view.isContiguous() || rows == 1 || cols == 1);
            assertTrue(copy.sort(1).values().equal(view.sort(1).values()));
            assertTrue(copy.cumsum(0).equal(view.cumsum(0)));
            assertTrue(copy.cumprod(1).equal(view.cumprod(1)));
            assertTrue(copy.norm(2, 0, false).equal(view.norm(2, 0, false)));
            assertTrue(copy.flip(1).equal(view.flip(1)));
            assertTrue(copy.repeat(2, 3).equal(view.repeat(2, 3)));
            assertTrue(copy.tril(1).equal(view.tril(1)));
            assertTrue(copy.gt(0).any(1).equal(view.gt(0).any(1)));
        }
    }

    /**
     * Random rows with ties, NaN and signed zeros, sorted both ways: the values are ordered (NaN
     * last ascending, first descending), the indices are a permutation that gathers the values, and
     * equal values keep their original order (a stable sort).
     */
    @Test
    void sortIsAStablePermutationOnRandomRows() {
        Random r = new Random(99);
        float[] pool = {-1f, 0f, -0f, 2.5f, Float.NaN, 7f, -3f, Float.NEGATIVE_INFINITY};
        for (int trial = 0; trial < 200; trial++) {
            int n = r.nextInt(40);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextBoolean() ? pool[r.nextInt(pool.length)] : (float) r.nextGaussian();
            }
            boolean descending = r.nextBoolean();
            // float32 sorts packed keys, float64 with a comparator: both must meet the same rules
            ValuesIndices<NDArray> s = (trial % 2 == 0 ? f(v) : f(v).toDouble()).sort(0, descending);
            float[] values = s.values().toFloatArray();
            long[] idx = s.indices().toLongArray();
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(v[(int) idx[i]]), Float.floatToIntBits(values[i]));
                assertTrue(!seen[(int) idx[i]]);
                seen[(int) idx[i]] = true;
                if (i > 0) {
                    int c = order(values[i - 1], values[i]) * (descending ? -1 : 1);
                    assertTrue(c <= 0, "out of order at " + i + ": " + java.util.Arrays.toString(values));
                    if (c == 0) {
                        assertTrue(idx[i - 1] < idx[i], "not stable at " + i);
                    }
                }
            }
        }
    }

    /** The packed path (int32, uint8, bool) and the comparator path (int64) agree, ties in input order. */
    @Test
    void integerSortsAgreeAcrossDtypes() {
        Random r = new Random(7);
        long[] v = new long[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(200) - (r.nextBoolean() ? 100 : 0);
        }
        NDArray x = NDArray.tensor(v);
        for (boolean descending : new boolean[] {false, true}) {
            ValuesIndices<NDArray> want = x.sort(0, descending);
            ValuesIndices<NDArray> gotInt = x.toInt().sort(0, descending);
            assertArrayEquals(want.indices().toLongArray(), gotInt.indices().toLongArray());
            assertArrayEquals(want.values().toLongArray(), gotInt.values().toLongArray());
            NDArray b = x.clampMin(0).toByte();
            assertArrayEquals(
                    b.toLong().sort(0, descending).indices().toLongArray(),
                    b.sort(0, descending).indices().toLongArray());
            NDArray bool = x.gt(0);
            assertArrayEquals(
                    bool.toLong().sort(0, descending).indices().toLongArray(),
                    bool.sort(0, descending).indices().toLongArray());
        }
    }

    /** PyTorch's order: numbers by value (-0.0 equal to 0.0), NaN above all. */
    private static int order(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Boolean.compare(Float.isNaN(a), Float.isNaN(b));
        }
        return Float.compare(a == 0f ? 0f : a, b == 0f ? 0f : b);
    }
}
