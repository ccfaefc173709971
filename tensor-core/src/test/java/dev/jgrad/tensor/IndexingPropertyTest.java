package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** gather, scatter_, indexSelect and maskedSelect on random shapes and layouts against naive loops. */
@Tag("scalar-path")
class IndexingPropertyTest {
    private static NDArray randomIndex(Random r, int[] shape, int bound) {
        NDArray idx = NDArray.zeros(DType.INT64, shape);
        long[] v = idx.storage().longs();
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(bound);
        }
        return RandomTensors.layout(r, idx);
    }

    @Test
    void gatherAndScatterMatchNaive() {
        Random r = new Random(11);
        int scatterChecks = 0;
        for (int c = 0; c < 200; c++) {
            int[] shape = RandomTensors.nonEmptyShape(r, 3);
            if (shape.length == 0) {
                continue;
            }
            DType t = r.nextBoolean() ? DType.FLOAT32 : DType.INT64;
            NDArray x = RandomTensors.laidOutValues(r, t, shape);
            int d = r.nextInt(shape.length);
            int[] ishape = shape.clone();
            for (int k = 0; k < ishape.length; k++) {
                ishape[k] = k == d ? r.nextInt(4) : r.nextInt(shape[k] + 1);
            }
            NDArray index = randomIndex(r, ishape, shape[d]);
            String ctx = "case " + c + ": x " + RandomTensors.describe(x) + " index " + RandomTensors.describe(index);
            NDArray g = x.gather(d, index);
            assertArrayEquals(ishape, g.shape().toArray(), ctx);
            for (int f = 0; f < g.numel(); f++) {
                int[] ii = RandomTensors.unravel(f, ishape);
                int[] xi = ii.clone();
                xi[d] = (int) index.getLong(ii);
                assertEquals(x.getDouble(xi), g.getDouble(ii), 0.0, ctx);
            }
            // scatter_ writes src[ii] at position ii with dim d replaced by index[ii]; the last write wins.
            NDArray target = RandomTensors.laidOutValues(r, t, shape);
            NDArray expected = target.clone();
            int[] srcShape = shape.clone();
            for (int k = 0; k < srcShape.length; k++) {
                srcShape[k] = Math.max(shape[k], ishape[k]) + r.nextInt(2);
            }
            NDArray src = RandomTensors.laidOutValues(r, t, srcShape);
            for (int f = 0; f < index.numel(); f++) {
                int[] ii = RandomTensors.unravel(f, ishape);
                int[] ti = ii.clone();
                ti[d] = (int) index.getLong(ii);
                expected.setDouble(src.getDouble(ii), ti);
            }
            if (noDuplicateTargets(index, d)) {
                target.scatter_(d, index, src);
                assertArrayEquals(expected.toDoubleArray(), target.toDoubleArray(), ctx);
                scatterChecks++;
            }
        }
        assertTrue(scatterChecks > 50, "scatter checked only " + scatterChecks + " times");
    }

    private static boolean noDuplicateTargets(NDArray index, int d) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        int[] s = index.shape().toArray();
        for (int f = 0; f < index.numel(); f++) {
            int[] ii = RandomTensors.unravel(f, s);
            ii[d] = (int) index.getLong(RandomTensors.unravel(f, s));
            if (!seen.add(java.util.Arrays.toString(ii))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void indexSelectAndMaskedSelectMatchNaive() {
        RandomTensors.cases(12, 200, (r, c) -> {
            int[] shape = RandomTensors.shape(r, 3);
            if (shape.length == 0) {
                return;
            }
            NDArray x = RandomTensors.laidOutValues(r, DType.FLOAT32, shape);
            int d = r.nextInt(shape.length);
            if (shape[d] > 0) {
                NDArray index = randomIndex(r, new int[] {r.nextInt(5)}, shape[d]);
                NDArray sel = x.indexSelect(d, index);
                List<NDArray> parts = new ArrayList<>();
                for (long i : index.toLongArray()) {
                    parts.add(x.select(d, (int) i).unsqueeze(d));
                }
                if (!parts.isEmpty()) {
                    assertArrayEquals(NDArray.cat(parts, d).toFloatArray(), sel.toFloatArray());
                }
                assertEquals(index.numel(), sel.size(d));
            }
            NDArray mask = RandomTensors.layout(
                    r, RandomTensors.values(r, DType.BOOL, RandomTensors.broadcastableTo(r, shape)));
            NDArray picked = x.maskedSelect(mask);
            float[] all = x.toFloatArray();
            boolean[] m = mask.expand(shape).toBooleanArray();
            List<Float> want = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (m[i]) {
                    want.add(all[i]);
                }
            }
            float[] w = new float[want.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = want.get(i);
            }
            assertArrayEquals(w, picked.toFloatArray());
        });
    }
}
