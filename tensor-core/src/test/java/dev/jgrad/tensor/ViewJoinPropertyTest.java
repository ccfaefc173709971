package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** view/reshape/permute round-trip; cat and stack are undone by split; on random shapes and layouts. */
@Tag("scalar-path")
class ViewJoinPropertyTest {
    private static NDArray randomArray(Random r, int maxDims) {
        DType t = r.nextBoolean() ? DType.FLOAT32 : DType.INT64;
        return RandomTensors.laidOutValues(r, t, RandomTensors.shape(r, maxDims));
    }

    @Test
    void permuteRoundTripsAndSharesStorage() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            NDArray x = randomArray(r, 4);
            int[] perm = RandomTensors.permutation(r, x.dim());
            int[] inv = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                inv[perm[i]] = i;
            }
            NDArray p = x.permute(perm);
            assertSame(x.storage(), p.storage());
            for (int i = 0; i < perm.length; i++) {
                assertEquals(x.size(perm[i]), p.size(i));
            }
            NDArray back = p.permute(inv);
            assertArrayEquals(x.strides(), back.strides());
            assertTrue(x.equal(back));
            if (x.dim() >= 2) {
                assertTrue(x.equal(x.transpose(0, -1).transpose(-1, 0)));
            }
        });
    }

    @Test
    void reshapeAndViewRoundTrip() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            NDArray x = randomArray(r, 4);
            int n = x.numel();
            int[] flatShape = n == 0 ? new int[] {0} : new int[] {n};
            NDArray flat = x.reshape(-1);
            assertArrayEquals(flatShape, flat.shape().toArray());
            // Row-major order is what reshape keeps.
            for (int f = 0; f < n; f++) {
                assertEquals(x.getDouble(RandomTensors.unravel(f, x.shape().toArray())), flat.getDouble(f));
            }
            int[] other = factor(r, n);
            NDArray y = x.reshape(other);
            assertArrayEquals(other, y.shape().toArray());
            assertTrue(x.equal(y.reshape(x.shape().toArray())));
            if (x.isContiguous()) {
                NDArray v = x.view(other);
                assertSame(x.storage(), v.storage());
                assertTrue(x.equal(v.view(x.shape().toArray())));
            }
            NDArray u = x.unsqueeze(r.nextInt(x.dim() + 1));
            assertTrue(x.equal(u.squeeze(x.dim() == 0 ? 0 : indexOfNewDim(x, u))));
        });
    }

    private static int indexOfNewDim(NDArray x, NDArray u) {
        for (int i = 0; i < x.dim(); i++) {
            if (u.size(i) != x.size(i)) {
                return i;
            }
        }
        return x.dim();
    }

    /** A random shape with n elements (with one -1 half the time when n &gt; 0). */
    private static int[] factor(Random r, int n) {
        if (n == 0) {
            return new int[] {0, 3};
        }
        List<Integer> dims = new ArrayList<>();
        int rest = n;
        for (int p = 2; p <= rest; p++) {
            while (rest % p == 0 && dims.size() < 4) {
                if (r.nextBoolean() || dims.isEmpty()) {
                    dims.add(p);
                } else {
                    dims.set(dims.size() - 1, dims.get(dims.size() - 1) * p);
                }
                rest /= p;
            }
        }
        if (rest > 1) {
            dims.add(rest);
        }
        if (r.nextBoolean()) {
            dims.add(r.nextInt(dims.size() + 1), 1);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void catIsUndoneBySplit() {
        qt().withExamples(150).forAll(longs().all(), integers().between(1, 5)).checkAssert((seed, parts) -> {
            Random r = new Random(seed);
            int[] shape = RandomTensors.nonEmptyShape(r, 3);
            if (shape.length == 0) {
                shape = new int[] {3};
            }
            int d = r.nextInt(shape.length);
            List<NDArray> pieces = new ArrayList<>();
            int[] sizes = new int[parts];
            for (int i = 0; i < parts; i++) {
                int[] s = shape.clone();
                s[d] = r.nextInt(4);
                sizes[i] = s[d];
                pieces.add(RandomTensors.laidOutValues(r, DType.FLOAT32, s));
            }
            NDArray c = NDArray.cat(pieces, d - shape.length);
            List<NDArray> back = c.split(sizes, d);
            assertEquals(parts, back.size());
            for (int i = 0; i < parts; i++) {
                assertTrue(pieces.get(i).equal(back.get(i)), "piece " + i);
                assertSame(c.storage(), back.get(i).storage());
            }
            int chunk = 1 + r.nextInt(3);
            List<NDArray> chunks = c.split(Math.max(1, chunk), d);
            assertTrue(c.size(d) == 0 || c.equal(NDArray.cat(chunks, d)));
        });
    }

    @Test
    void stackIsUndoneBySplitAndSqueeze() {
        qt().withExamples(150).forAll(longs().all(), integers().between(1, 5)).checkAssert((seed, parts) -> {
            Random r = new Random(seed);
            int[] shape = RandomTensors.shape(r, 3);
            List<NDArray> pieces = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                pieces.add(randomArrayOf(r, shape));
            }
            int d = r.nextInt(shape.length + 1);
            NDArray s = NDArray.stack(pieces, d);
            assertEquals(parts, s.size(d));
            List<NDArray> back = s.split(1, d);
            for (int i = 0; i < parts; i++) {
                assertTrue(pieces.get(i).equal(back.get(i).squeeze(d)), "piece " + i);
                assertTrue(pieces.get(i).equal(s.select(d, i)), "select " + i);
            }
            List<NDArray> ch = s.chunk(parts, d);
            assertEquals(parts, ch.size());
        });
    }

    private static NDArray randomArrayOf(Random r, int[] shape) {
        return RandomTensors.laidOutValues(r, DType.FLOAT32, shape);
    }
}
