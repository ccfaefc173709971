package dev.jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int before = Parallel.getNumThreads();

    @AfterEach
    void restore() {
        Parallel.setNumThreads(before);
    }

    @Test
    void everyIndexRunsExactlyOnceWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 3, 5}) {
            Parallel.setNumThreads(threads);
            for (int n : new int[] {1, 2, 7, 100, 1001}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(n + 4);
                Parallel.parallelFor(2, n + 2, 1, (s, e) -> {
                    for (int i = s; i < e; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n + 4; i++) {
                    assertEquals(
                            i >= 2 && i < n + 2 ? 1 : 0, hits.get(i), "threads=" + threads + " n=" + n + " i=" + i);
                }
            }
        }
    }

    @Test
    void theCallingThreadRunsAPieceAndTheOthersRunOnThePool() {
        Parallel.setNumThreads(3);
        Thread caller = Thread.currentThread();
        AtomicInteger onCaller = new AtomicInteger(), elsewhere = new AtomicInteger();
        Parallel.parallelFor(0, 3, 1, (s, e) -> {
            if (Thread.currentThread() == caller) {
                onCaller.incrementAndGet();
            } else {
                elsewhere.incrementAndGet();
            }
        });
        assertEquals(1, onCaller.get());
        assertEquals(2, elsewhere.get());
    }

    @Test
    void aFailingPieceIsRethrownAfterEveryPieceHasFinished() {
        Parallel.setNumThreads(4);
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        for (int failing = 0; failing < 4; failing++) {
            finished.set(0);
            int f = failing;
            RuntimeException thrown = assertThrows(
                    RuntimeException.class,
                    () -> Parallel.parallelFor(0, 4, 1, (s, e) -> {
                        if (s == f) {
                            throw boom;
                        }
                        sleep(20);
                        finished.incrementAndGet();
                    }));
            assertTrue(thrown == boom || thrown.getCause() == boom, "piece " + f + " threw " + thrown);
            assertEquals(3, finished.get(), "every other piece ran to the end before the call returned");
        }
    }

    @Test
    void aSplitInsideAPieceRunsOnTheSamePool() {
        Parallel.setNumThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(40);
        Parallel.parallelFor(0, 4, 1, (s, e) -> {
            for (int outer = s; outer < e; outer++) {
                int base = outer * 10;
                Parallel.parallelFor(base, base + 10, 1, (s2, e2) -> {
                    for (int i = s2; i < e2; i++) {
                        hits.incrementAndGet(i);
                    }
                });
            }
        });
        for (int i = 0; i < 40; i++) {
            assertEquals(1, hits.get(i), "index " + i);
        }
    }

    @Test
    void aFailingPieceOfANestedSplitIsRethrownAfterItsSiblingsFinish() {
        Parallel.setNumThreads(3);
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("inner");
        RuntimeException thrown = assertThrows(
                RuntimeException.class,
                () -> Parallel.parallelFor(0, 2, 1, (s, e) -> {
                    if (s == 1) {
                        Parallel.parallelFor(0, 3, 1, (s2, e2) -> {
                            if (s2 == 0) {
                                throw boom;
                            }
                            sleep(20);
                            finished.incrementAndGet();
                        });
                    }
                }));
        assertTrue(thrown == boom || thrown.getCause() == boom, "threw " + thrown);
        assertEquals(2, finished.get(), "the inner split's other pieces ran to the end");
    }

    @Test
    void errorsKeepTheirType() {
        // An Error from a worker's piece arrives as an Error (ForkJoin may rethrow a copy whose cause is the original).
        Parallel.setNumThreads(2);
        AssertionError bad = new AssertionError("bad");
        AssertionError thrown = assertThrows(
                AssertionError.class,
                () -> Parallel.parallelFor(0, 2, 1, (s, e) -> {
                    if (s == 1) {
                        throw bad;
                    }
                }));
        assertTrue(thrown == bad || thrown.getCause() == bad, "threw " + thrown);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
