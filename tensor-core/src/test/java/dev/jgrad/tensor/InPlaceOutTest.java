package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** sqrt_ and maximum(other, out), which optimizers use to update their state without allocating. */
class InPlaceOutTest {
    @Test
    void sqrtInPlaceWritesThroughViewsAndBumpsTheVersion() {
        NDArray a = NDArray.tensor(new float[][] {{4, 9}, {16, 25}});
        int v = a.storage().version();
        NDArray column = a.select(1, 1);
        assertSame(column, column.sqrt_());
        assertArrayEquals(new float[] {4, 3, 16, 5}, a.toFloatArray());
        assertTrue(a.storage().version() > v);
        NDArray d = NDArray.tensor(new double[] {2});
        d.sqrt_();
        assertEquals(Math.sqrt(2), d.item());
        assertThrows(
                IllegalArgumentException.class,
                () -> NDArray.tensor(new long[] {4}).sqrt_());
    }

    @Test
    void maximumIntoOutIncludingItself() {
        NDArray running = NDArray.tensor(new float[] {1, 5, Float.NaN, -2});
        NDArray other = NDArray.tensor(new float[] {3, 2, 0, Float.NaN});
        int v = running.storage().version();
        assertSame(running, running.maximum(other, running));
        float[] r = running.toFloatArray();
        assertEquals(3, r[0]);
        assertEquals(5, r[1]);
        assertTrue(Float.isNaN(r[2]) && Float.isNaN(r[3]), "NaN propagates");
        assertTrue(running.storage().version() > v);
        NDArray out = NDArray.zeros(2, 2);
        NDArray.tensor(new float[] {1, 4}).maximum(NDArray.tensor(new float[][] {{2, 0}, {0, 5}}), out);
        assertArrayEquals(new float[] {2, 4, 1, 5}, out.toFloatArray());
        assertThrows(
                IllegalArgumentException.class, () -> NDArray.zeros(3).maximum(NDArray.zeros(2, 3), NDArray.zeros(3)));
    }
}
