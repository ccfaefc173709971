package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** sum() of a whole array gives the bits of the general path (the same sum over every dim listed). */
@Tag("scalar-path")
class WholeSumPathTest {

    @Test
    void sumOfEverythingEqualsSumOverAllDimsBitForBit() {
        Random r = new Random(12);
        for (int c = 0; c < 400; c++) {
            DType t = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
            int n = c % 40 == 0 ? 30_000 + r.nextInt(10_000) : r.nextInt(c % 3 == 0 ? 20 : 3000);
            int[] shape = r.nextBoolean() ? new int[] {n} : new int[] {1, n, 1};
            NDArray x = RandomTensors.values(r, t, shape);
            NDArray flat = x.reshape(-1);
            for (int i = 0; i < n; i++) {
                switch (r.nextInt(c % 5 == 0 ? 3 : 60)) {
                    case 0 -> flat.setDouble(-0.0, i);
                    case 1 -> flat.setDouble(r.nextGaussian() * 1e6, i);
                    default -> { }
                }
            }
            if (c % 7 == 0) {
                for (int i = 0; i < n; i++) {
                    flat.setDouble(-0.0, i);
                }
            }
            if (c % 4 == 1) {
                x = RandomTensors.layout(r, x);
            }
            int[] all = new int[x.dim()];
            for (int d = 0; d < all.length; d++) {
                all[d] = d;
            }
            NDArray whole = x.sum();
            NDArray general = x.sum(all, false);
            String ctx = "case " + c + ": " + RandomTensors.describe(x);
            assertEquals(0, whole.dim(), ctx);
            assertEquals(t, whole.dtype(), ctx);
            assertEquals(Double.doubleToLongBits(general.item()), Double.doubleToLongBits(whole.item()), ctx);
        }
    }
}
