package dev.jgrad.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The one thread pool jgrad's kernels share. Work is split only when it is big enough to pay
 * for the hand-off (callers pass a grain of roughly a millisecond of work), and callers split
 * so that results do not depend on the thread count.
 */
public final class Parallel {
    /** A body that handles the half-open index range [start, end). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private static volatile int numThreads = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /** Sets how many threads kernels may use, as {@code torch.set_num_threads}. */
    public static synchronized void setNumThreads(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("set_num_threads expects a positive integer, but got " + n);
        }
        if (n != numThreads) {
            ForkJoinPool old = pool;
            pool = null;
            numThreads = n;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    public static int getNumThreads() {
        return numThreads;
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(numThreads, pool -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                        t.setDaemon(true);
                        t.setName("jgrad-" + t.getPoolIndex());
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over [start, end), split into pieces of at least {@code grain} indices
     * when more than one thread is allowed; pieces never overlap.
     */
    public static void parallelFor(int start, int end, int grain, RangeBody body) {
        int n = end - start;
        int threads = numThreads;
        if (n <= 0) {
            return;
        }
        int g = Math.max(1, grain);
        if (threads == 1 || n <= g) {
            body.run(start, end);
            return;
        }
        int pieces = (int) Math.min(threads, (n + (long) g - 1) / g);
        if (pieces <= 1) {
            body.run(start, end);
            return;
        }
        List<RecursiveAction> tasks = new ArrayList<>(pieces);
        for (int p = 0; p < pieces; p++) {
            int s = start + (int) ((long) n * p / pieces);
            int e = start + (int) ((long) n * (p + 1) / pieces);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(s, e);
                }
            });
        }
        if (ForkJoinTask.inForkJoinPool()) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            pool().invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    invokeAll(tasks);
                }
            });
        }
    }
}
