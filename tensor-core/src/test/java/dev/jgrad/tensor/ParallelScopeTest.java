package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A per-thread thread count: each task in a shared JVM sets its own, and every count gives the same bits. */
@SuppressWarnings("try") // scopes are opened for their effect on the thread
class ParallelScopeTest {
    private final int before = Parallel.getNumThreads();

    @AfterEach
    void restore() {
        Parallel.setNumThreads(before);
    }

    @Test
    void aScopeLimitsOnlyItsOwnThreadAndRestoresOnClose() throws Exception {
        Parallel.setNumThreads(3);
        try (Parallel.Scope outer = Parallel.scopedNumThreads(1)) {
            assertEquals(1, Parallel.getNumThreads());
            AtomicInteger pieces = new AtomicInteger();
            Parallel.parallelFor(0, 1000, 1, (s, e) -> pieces.incrementAndGet());
            assertEquals(1, pieces.get(), "one thread allowed: one piece");
            try (Parallel.Scope inner = Parallel.scopedNumThreads(2)) {
                assertEquals(2, Parallel.getNumThreads());
            }
            assertEquals(1, Parallel.getNumThreads());
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                assertEquals(3, other.submit(Parallel::getNumThreads).get(), "another thread keeps the JVM-wide count");
            } finally {
                other.shutdown();
            }
        }
        assertEquals(3, Parallel.getNumThreads());
        assertThrows(IllegalArgumentException.class, () -> Parallel.scopedNumThreads(0));
    }

    @Test
    void concurrentTasksWithDifferentCountsGetTheSameBits() throws Exception {
        Parallel.setNumThreads(2);
        Generator g = new Generator(42);
        // Big enough that matmul and the reductions split across threads.
        NDArray a = NDArray.randn(g, 256, 384);
        NDArray b = NDArray.randn(g, 384, 320);
        float[] expectedProduct;
        double expectedSum;
        try (Parallel.Scope one = Parallel.scopedNumThreads(1)) {
            NDArray c = a.matmul(b);
            expectedProduct = c.toFloatArray();
            expectedSum = c.exp().sum().item();
        }
        int[] counts = {1, 2, 3, 4, 1, 2};
        CyclicBarrier start = new CyclicBarrier(counts.length);
        ExecutorService tasks = Executors.newFixedThreadPool(counts.length);
        try {
            List<Future<float[]>> products = new ArrayList<>();
            List<Future<Double>> sums = new ArrayList<>();
            for (int n : counts) {
                products.add(tasks.submit(() -> {
                    try (Parallel.Scope s = Parallel.scopedNumThreads(n)) {
                        start.await();
                        assertEquals(n, Parallel.getNumThreads());
                        float[] p = null;
                        for (int rep = 0; rep < 3; rep++) {
                            p = a.matmul(b).toFloatArray();
                        }
                        return p;
                    }
                }));
                sums.add(tasks.submit(() -> {
                    try (Parallel.Scope s = Parallel.scopedNumThreads(n)) {
                        return a.matmul(b).exp().sum().item();
                    }
                }));
            }
            for (int i = 0; i < counts.length; i++) {
                assertArrayEquals(expectedProduct, products.get(i).get(), "threads=" + counts[i]);
                assertEquals(expectedSum, sums.get(i).get(), 0.0, "threads=" + counts[i]);
            }
        } finally {
            tasks.shutdown();
        }
    }
}
