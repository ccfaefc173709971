package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** scatterAdd_: like scatter_, but repeated indices add up (what gather's gradient needs). */
@Tag("scalar-path")
class ScatterAddTest {
    @Test
    void repeatedIndicesAddUp() {
        NDArray self = NDArray.zeros(2, 3);
        NDArray index = NDArray.tensor(new long[][] {{0, 1, 0}, {0, 0, 1}});
        NDArray src = NDArray.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}});
        self.scatterAdd_(0, index, src);
        // torch.zeros(2, 3).scatter_add_(0, index, src)
        assertArrayEquals(new float[] {5, 5, 3, 0, 2, 6}, self.toFloatArray());
        NDArray along1 = NDArray.ones(2, 2).scatterAdd_(1, NDArray.tensor(new long[][] {{1, 1, 1}, {0, 1, 0}}), src);
        assertArrayEquals(new float[] {1, 7, 11, 6}, along1.toFloatArray());
    }

    @Test
    void addsToWhatIsThereAndBumpsTheVersion() {
        NDArray self = NDArray.tensor(new long[] {10, 20, 30});
        int before = self.storage().version();
        self.scatterAdd_(0, NDArray.tensor(new long[] {2, 2, 0}), NDArray.tensor(new long[] {1, 2, 3}));
        assertArrayEquals(new long[] {13, 20, 33}, self.toLongArray());
        assertEquals(before + 1, self.storage().version());
    }

    @Test
    void broadcastIndexAndStridedTarget() {
        NDArray self = NDArray.zeros(DType.FLOAT64, 3, 2).t();
        NDArray index = NDArray.tensor(new long[] {2, 0, 2}).view(1, 3).expand(2, 3);
        self.scatterAdd_(1, index, NDArray.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertArrayEquals(new double[] {2, 0, 4, 5, 0, 10}, self.toDoubleArray());
    }

    @Test
    void checksLikeScatter() {
        NDArray self = NDArray.zeros(3);
        IllegalArgumentException dtype = assertThrows(
                IllegalArgumentException.class,
                () -> self.scatterAdd_(0, NDArray.tensor(new long[] {0}), NDArray.tensor(new double[] {1})));
        assertEquals("scatter_add(): Expected self.dtype to be equal to src.dtype", dtype.getMessage());
        IllegalArgumentException index = assertThrows(
                IllegalArgumentException.class,
                () -> self.scatterAdd_(0, NDArray.tensor(new int[] {0}), NDArray.tensor(new float[] {1})));
        assertEquals("scatter_add(): Expected dtype int64 for index", index.getMessage());
        assertThrows(
                IndexOutOfBoundsException.class,
                () -> self.scatterAdd_(0, NDArray.tensor(new long[] {3}), NDArray.tensor(new float[] {1})));
    }
}
