package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reductions of a whole array, on random layouts: max() and min() are the element that argmax()
 * and argmin() point at (the first NaN, or the first of equal values, signed zeros included), and
 * the shortcuts of sum() give the bits of the general path.
 */
@Tag("scalar-path")
class WholeReductionPropertyTest {

    @Test
    void maxAndMinAreTheElementsArgmaxAndArgminPointAt() {
        RandomTensors.cases(31, 400, (r, c) -> {
            DType t = RandomTensors.floating(r);
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
        });
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

    @Test
    void sumOfEverythingEqualsSumOverAllDimsBitForBit() {
        RandomTensors.cases(12, 400, (r, c) -> {
            DType t = RandomTensors.floating(r);
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
        });
    }

    /** sum(dim=1) of contiguous rows against the same rows in a padded (non-contiguous) matrix, walked by the general loop. */
    @Test
    void rowSumsOfContiguousRowsEqualThoseOfPaddedRowsBitForBit() {
        RandomTensors.cases(13, 300, (r, c) -> {
            DType t = RandomTensors.floating(r);
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
        });
    }
}
