package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** float32 sums of fewer than 8 values add up one by one in float, rounding exactly as PyTorch's do. */
@Tag("scalar-path")
class SmallFloatSumTest {
    @Test
    void threeValuesRoundAsPyTorch() {
        // torch.tensor([[-0.6666667], [-2.6666667], [-6.0]]).sum(0) == -9.333334 (float additions);
        // the exactly rounded sum would be -9.333333.
        float a = 1f / 3 * -2;
        NDArray g = NDArray.tensor(new float[][] {{a}, {-2.6666667f}, {-6f}});
        assertEquals((a + -2.6666667f) + -6f, (float) g.sum(0, true).item(), 0f);
        assertEquals(-9.333334f, (float) g.sum().item(), 0f);
        assertEquals(((a + -2.6666667f) + -6f) / 3f, (float) g.mean().item(), 0f);
    }

    @Test
    void eachOutputAddsItsValuesInOrder() {
        float[] v = {1e8f, 1f, -1e8f, 1f, 0.5f, 3f, 7f};
        float seq = 0;
        for (float x : v) {
            seq += x;
        }
        NDArray row = NDArray.tensor(v);
        assertEquals(seq, (float) row.sum().item(), 0f);
        NDArray columns = row.view(7, 1).expand(7, 2).contiguous();
        assertEquals(seq, (float) columns.sum(0).getDouble(1), 0f);
        // Eight or more values keep the more accurate double accumulation.
        NDArray eight = NDArray.tensor(new float[] {1e8f, 1f, -1e8f, 1f, 0.5f, 3f, 7f, 0f});
        assertEquals(12.5f, (float) eight.sum().item(), 0f);
    }
}
