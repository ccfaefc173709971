package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shortcuts of sum() give the bits of the general path. */
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
                    default -> {}
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

    /** sum(dim=1) of contiguous rows against the same rows in a padded (non-contiguous) matrix, walked by the general loop. */
    @Test
    void rowSumsOfContiguousRowsEqualThoseOfPaddedRowsBitForBit() {
        Random r = new Random(13);
        for (int c = 0; c < 300; c++) {
            DType t = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
            int rows = 1 + r.nextInt(c % 10 == 0 ? 300 : 20);
            int len = 1 + r.nextInt(c % 3 == 0 ? 12 : 400);
            NDArray x = RandomTensors.values(r, t, new int[] {rows, len});
            NDArray flat = x.reshape(-1);
            for (int i = 0; i < flat.numel(); i++) {
                if (r.nextInt(30) == 0) {
                    flat.setDouble(r.nextBoolean() ? -0.0 : r.nextGaussian() * 1e7, i);
                }
            }
            NDArray padded = NDArray.zeros(t, rows, len + 1 + r.nextInt(3)).narrow(1, 0, len);
            padded.copy_(x);
            boolean keepdim = r.nextBoolean();
            int dim = r.nextBoolean() ? 1 : -1;
            NDArray fast = x.sum(dim, keepdim);
            NDArray general = padded.sum(dim, keepdim);
            String ctx = "case " + c + ": " + rows + "x" + len + " " + t;
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    general.shape().toArray(), fast.shape().toArray(), ctx);
            double[] want = general.toDoubleArray();
            double[] got = fast.toDoubleArray();
            for (int i = 0; i < rows; i++) {
                assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), ctx + " row " + i);
            }
        }
    }
}
