package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("scalar-path")
class BasicsTest {
    private static NDArray t43() {
        return NDArray.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}});
    }

    @Test
    void creationFromArraysCopiesAndKeepsShape() {
        float[] data = {0, 1, 2, 3, 4, 5, 6};
        NDArray t = NDArray.tensor(data);
        data[0] = 99;
        assertEquals(0f, t.toFloatArray()[0]);
        assertEquals(1, t.dim());
        assertEquals("Size([7])", t.shape().toString());
        assertEquals(DType.FLOAT32, t.dtype());
        NDArray m = t43();
        assertEquals("Size([4, 3])", m.size().toString());
        assertArrayEquals(new int[] {3, 1}, m.strides());
        assertEquals(DType.INT64, NDArray.tensor(new long[] {1, 2}).dtype());
        assertEquals(DType.INT32, NDArray.tensor(new int[] {1, 2}).dtype());
        assertEquals(DType.UINT8, NDArray.tensor(new byte[] {1, (byte) 200}).dtype());
        assertEquals(200L, NDArray.tensor(new byte[] {1, (byte) 200}).getLong(1));
        assertEquals(DType.BOOL, NDArray.tensor(new boolean[] {true}).dtype());
        assertEquals(DType.FLOAT64, NDArray.tensor(new double[][] {{1}, {2}}).dtype());
        NDArray cube = NDArray.tensor(new float[][][] {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}});
        assertEquals("Size([2, 2, 3])", cube.shape().toString());
        assertEquals(12f, cube.getDouble(1, 1, 2));
    }

    @Test
    void raggedArraysFail() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NDArray.tensor(new float[][] {{1, 2, 3}, {4, 5}}));
        assertEquals("expected sequence of length 3 at dim 1 (got 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NDArray.tensor(new float[][][] {{{1, 2}}, {{3}}}));
        assertEquals("expected sequence of length 2 at dim 2 (got 1)", e.getMessage());
    }

    @Test
    void wrapIsZeroCopy() {
        float[] data = {1, 2, 3, 4, 5, 6};
        NDArray t = NDArray.wrap(data, 2, -1);
        assertEquals("Size([2, 3])", t.shape().toString());
        data[4] = 50;
        assertEquals(50.0, t.getDouble(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NDArray.wrap(data, 4, 2));
        assertEquals("shape '[4, 2]' is invalid for input of size 6", e.getMessage());
    }

    @Test
    void factories() {
        assertArrayEquals(new float[] {0, 0, 0, 0}, NDArray.zeros(2, 2).toFloatArray());
        assertArrayEquals(new long[] {1, 1}, NDArray.ones(DType.INT64, 2).toLongArray());
        assertArrayEquals(new float[] {7, 7}, NDArray.full(7, 2).toFloatArray());
        assertArrayEquals(new long[] {0, 1, 2}, NDArray.arange(3).toLongArray());
        assertArrayEquals(new long[] {2, 3}, NDArray.arange(2, 4).toLongArray());
        assertArrayEquals(
                new float[] {0f, 0.5f, 1f, 1.5f}, NDArray.arange(0, 2, 0.5).toFloatArray());
        assertArrayEquals(new float[] {3f, 2f}, NDArray.arange(3, 1, -1).toFloatArray());
        assertArrayEquals(
                new float[] {0f, 0.25f, 0.5f, 0.75f, 1f},
                NDArray.linspace(0, 1, 5).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, NDArray.eye(2, 3).toFloatArray());
        NDArray x = NDArray.tensor(new long[][] {{1, 2}, {3, 4}});
        assertEquals(DType.INT64, NDArray.zerosLike(x).dtype());
        assertArrayEquals(new long[] {1, 1, 1, 1}, NDArray.onesLike(x).toLongArray());
        assertArrayEquals(new long[] {5, 5, 5, 5}, NDArray.fullLike(x, 5).toLongArray());
        assertEquals(0, NDArray.scalar(2.5).dim());
        assertEquals(2.5, NDArray.scalar(2.5).item());
    }

    @Test
    void negativeSizesFail() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(2, -1));
        assertEquals("Trying to create tensor with negative dimension -1: [2, -1]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NDArray.arange(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> NDArray.arange(0, 1, -1));
    }

    @Test
    void randomIsReproducible() {
        Generator.manualSeed(1);
        NDArray a = NDArray.rand(3, 5);
        Generator.manualSeed(1);
        NDArray b = NDArray.rand(3, 5);
        assertTrue(a.equal(b));
        for (float v : a.toFloatArray()) {
            assertTrue(v >= 0 && v < 1);
        }
        NDArray r = NDArray.randint(new Generator(3), 0, 5, 1000);
        assertEquals(DType.INT64, r.dtype());
        assertEquals(0, r.min().itemLong());
        assertEquals(4, r.max().itemLong());
        long[] p = NDArray.randperm(new Generator(4), 10).toLongArray();
        java.util.Arrays.sort(p);
        assertArrayEquals(NDArray.arange(10).toLongArray(), p);
        NDArray n = NDArray.randn(new Generator(5), 20000);
        assertEquals(0.0, n.mean().item(), 0.03);
        assertEquals(1.0, n.std().item(), 0.03);
        // The stream is fixed by the algorithm, not by the JDK.
        assertEquals(new Generator(42).nextLong(), new Generator(42).nextLong());
        // First xoshiro256** output for SplitMix64-seeded state 0, from an independent Python reference.
        assertEquals(-7355399402456485196L, new Generator(0).nextLong());
    }

    @Test
    void itemAndAccess() {
        NDArray m = t43();
        assertEquals(6.0, m.getDouble(1, 2));
        assertEquals(12.0, m.getDouble(-1, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::item);
        assertEquals("a Tensor with 12 elements cannot be converted to Scalar", e.getMessage());
        IndexOutOfBoundsException ie = assertThrows(IndexOutOfBoundsException.class, () -> m.getDouble(4, 0));
        assertEquals("index 4 is out of bounds for dimension 0 with size 4", ie.getMessage());
        int v0 = m.storage().version();
        m.setDouble(-1, 0, 0);
        assertEquals(-1.0, m.getDouble(0, 0));
        assertEquals(v0 + 1, m.storage().version());
        assertEquals(3L, NDArray.tensor(new float[] {3.7f}).itemLong());
    }

    @Test
    void copiesOutConvert() {
        NDArray t = NDArray.tensor(new float[] {1.5f, -2.5f, 0f});
        assertArrayEquals(new long[] {1, -2, 0}, t.toLongArray());
        assertArrayEquals(new int[] {1, -2, 0}, t.toIntArray());
        assertArrayEquals(new boolean[] {true, true, false}, t.toBooleanArray());
        assertArrayEquals(new double[] {1.5, -2.5, 0}, t.toDoubleArray());
        assertArrayEquals(new byte[] {1, (byte) 254, 0}, t.toByteArray());
    }

    @Test
    void comparisons() {
        NDArray a = NDArray.tensor(new float[] {1, 2, 3});
        assertTrue(a.equal(NDArray.tensor(new float[] {1, 2, 3})));
        assertFalse(a.equal(NDArray.tensor(new float[] {1, 2})));
        assertFalse(NDArray.tensor(new float[] {Float.NaN}).equal(NDArray.tensor(new float[] {Float.NaN})));
        assertTrue(a.allclose(a.add(1e-7)));
        assertFalse(a.allclose(a.add(1e-3)));
        assertTrue(a.allclose(a.add(1e-3), 1e-2, 0));
        assertArrayEquals(
                new boolean[] {true, false, true},
                a.isclose(NDArray.tensor(new float[] {1, 2.1f, 3}), 0, 0.05).toBooleanArray());
    }

    @Test
    void castingAndContiguity() {
        NDArray m = t43();
        assertSame(m, m.to(DType.FLOAT32));
        assertSame(m, m.contiguous());
        NDArray tt = m.t();
        assertFalse(tt.isContiguous());
        NDArray c = tt.contiguous();
        assertTrue(c.isContiguous());
        assertNotSame(c.storage(), m.storage());
        assertArrayEquals(new float[] {1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12}, c.toFloatArray());
        assertEquals(DType.INT64, m.toLong().dtype());
        assertEquals(DType.FLOAT64, m.toDouble().dtype());
        assertEquals(DType.INT32, m.toInt().dtype());
        assertEquals(DType.BOOL, m.toBool().dtype());
        assertEquals(DType.UINT8, m.toByte().dtype());
        assertEquals(DType.FLOAT32, m.toLong().toFloat().dtype());
        NDArray cl = m.clone();
        cl.fill_(0);
        assertEquals(1.0, m.getDouble(0, 0));
    }

    @Test
    void threads() {
        int n = NDArray.getNumThreads();
        assertEquals(Runtime.getRuntime().availableProcessors(), n);
        try {
            NDArray.setNumThreads(1);
            assertEquals(1, NDArray.getNumThreads());
            assertThrows(IllegalArgumentException.class, () -> NDArray.setNumThreads(0));
        } finally {
            NDArray.setNumThreads(n);
        }
    }
}
