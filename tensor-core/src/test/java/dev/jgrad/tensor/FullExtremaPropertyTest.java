package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * max() and min() of a whole array are the element that argmax() and argmin() point at (the
 * first NaN, or the first of equal values, signed zeros included), on random layouts.
 */
@Tag("scalar-path")
class FullExtremaPropertyTest {

    @Test
    void maxAndMinAreTheElementsArgmaxAndArgminPointAt() {
        Random r = new Random(31);
        for (int c = 0; c < 400; c++) {
            DType t = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
            int[] shape = RandomTensors.nonEmptyShape(r, 3);
            if (c % 20 == 0) {
                shape = new int[] {1 + r.nextInt(3), 1000 + r.nextInt(5000)};
            }
            NDArray x = RandomTensors.values(r, t, shape);
            int special = r.nextInt(4);
            double[] odd = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            NDArray flat = x.reshape(-1);
            for (int i = 0; i < flat.numel(); i++) {
                if (special > 0 && r.nextInt(special == 1 ? 50 : 3) == 0) {
                    flat.setDouble(odd[r.nextInt(special == 3 ? odd.length : 2)], i);
                }
            }
            x = RandomTensors.layout(r, x);
            String ctx = "case " + c + ": " + RandomTensors.describe(x);
            NDArray values = x.reshape(-1);
            double naive = Double.NEGATIVE_INFINITY;
            boolean nan = false;
            for (int i = 0; i < values.numel(); i++) {
                double v = values.getDouble(i);
                nan |= v != v;
                naive = Math.max(naive, v);
            }
            assertEquals(firstExtreme(values, true), (int) x.argmax().item(), ctx + " argmax");
            assertEquals(firstExtreme(values, false), (int) x.argmin().item(), ctx + " argmin");
            assertEquals(DType.INT64, x.argmax().dtype(), ctx);
            NDArray max = x.max();
            NDArray min = x.min();
            assertEquals(0, max.dim(), ctx);
            assertEquals(t, max.dtype(), ctx);
            if (nan) {
                assertEquals(Double.NaN, max.item(), ctx + " max");
            } else {
                assertEquals(naive, max.item(), 0, ctx + " max");
            }
            assertEquals(
                    Double.doubleToLongBits(values.getDouble((int) x.argmax().item())),
                    Double.doubleToLongBits(max.item()),
                    ctx + " max is the element argmax points at");
            assertEquals(
                    Double.doubleToLongBits(values.getDouble((int) x.argmin().item())),
                    Double.doubleToLongBits(min.item()),
                    ctx + " min is the element argmin points at");
        }
    }

    /** Index of the first NaN, else of the first element that no later one strictly beats. */
    private static int firstExtreme(NDArray values, boolean isMax) {
        int best = 0;
        double bv = values.getDouble(0);
        for (int i = 0; i < values.numel() && bv == bv; i++) {
            double v = values.getDouble(i);
            if (v != v || (isMax ? v > bv : v < bv)) {
                bv = v;
                best = i;
            }
        }
        return best;
    }
}
