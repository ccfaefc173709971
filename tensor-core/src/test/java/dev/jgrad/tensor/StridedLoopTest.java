package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The iterator visits every element once, in pairs that belong together, whatever the split into ranges. */
@Tag("scalar-path")
class StridedLoopTest {
    private static List<String> visit(StridedLoop loop, int start, int end) {
        List<String> seen = new ArrayList<>();
        int s0 = loop.innerStride(0);
        int s1 = loop.innerStride(1);
        loop.run(start, end, (off, n) -> {
            for (int i = 0; i < n; i++) {
                seen.add((off[0] + i * s0) + ":" + (off[1] + i * s1));
            }
        });
        return seen;
    }

    @Test
    void rangesPartitionTheIterationAndPairOperandsCorrectly() {
        RandomTensors.cases(21, 300, (r, c) -> {
            int[] shape = RandomTensors.shape(r, 4);
            NDArray a = RandomTensors.layout(r, NDArray.zeros(shape));
            NDArray b = RandomTensors.layout(r, NDArray.zeros(shape));
            StridedLoop loop = StridedLoop.of(shape, r.nextInt(2), a, b);
            int n = loop.numel();
            // Reference: the operand offsets of every multi-index, naively.
            List<String> want = new ArrayList<>();
            for (int f = 0; f < n; f++) {
                int[] idx = RandomTensors.unravel(f, shape);
                int oa = a.storageOffset();
                int ob = b.storageOffset();
                for (int d = 0; d < shape.length; d++) {
                    oa += idx[d] * a.stride(d);
                    ob += idx[d] * b.stride(d);
                }
                want.add(oa + ":" + ob);
            }
            List<String> all = visit(loop, 0, n);
            List<String> sortedAll = new ArrayList<>(all);
            List<String> sortedWant = new ArrayList<>(want);
            sortedAll.sort(null);
            sortedWant.sort(null);
            assertEquals(sortedWant, sortedAll, "shape " + Arrays.toString(shape));
            int cut1 = n == 0 ? 0 : r.nextInt(n + 1);
            int cut2 = cut1 + (n == cut1 ? 0 : r.nextInt(n - cut1 + 1));
            List<String> pieces = new ArrayList<>(visit(loop, 0, cut1));
            pieces.addAll(visit(loop, cut1, cut2));
            pieces.addAll(visit(loop, cut2, n));
            assertEquals(all, pieces, "shape " + Arrays.toString(shape) + " cuts " + cut1 + "," + cut2);
            assertTrue(loop.dims() <= Math.max(1, shape.length));
        });
    }

    @Test
    void contiguousOperandsMergeIntoOneRun() {
        NDArray a = NDArray.zeros(4, 5, 6);
        StridedLoop loop = StridedLoop.of(a.shape().toArray(), 0, a, NDArray.zeros(6));
        assertEquals(2, loop.dims());
        assertEquals(6, loop.innerSize());
        StridedLoop same = StridedLoop.of(a.shape().toArray(), 0, a, NDArray.ones(4, 5, 6));
        assertEquals(1, same.dims());
        assertEquals(120, same.innerSize());
        // The primary operand's smallest stride becomes the inner dim.
        NDArray t = NDArray.zeros(6, 5).t();
        StridedLoop tl = StridedLoop.of(t.shape().toArray(), 0, t, NDArray.zeros(5, 6));
        assertEquals(1, tl.innerStride(0));
    }

    @Test
    void parallelElementwiseOpsMatchOneThread() {
        NDArray x = NDArray.randn(new Generator(3), 1100, 1031).t();
        NDArray y = NDArray.randn(new Generator(4), 1031, 1);
        int threads = NDArray.getNumThreads();
        try {
            NDArray.setNumThreads(1);
            NDArray one = x.mul(y).exp().add(x);
            NDArray.setNumThreads(3);
            NDArray three = x.mul(y).exp().add(x);
            assertTrue(one.equal(three));
        } finally {
            NDArray.setNumThreads(threads);
        }
    }
}
