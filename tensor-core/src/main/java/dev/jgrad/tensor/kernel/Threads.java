package dev.jgrad.tensor.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The one thread pool jgrad's kernels share, and its thread counts (JVM-wide and per thread). Work
 * is split only when it is big enough to pay for the hand-off (callers pass a grain of roughly a
 * millisecond of work), and callers split so that results do not depend on the thread count.
 * {@code dev.jgrad.tensor.Parallel} is its public face; it lives here so that the kernels need
 * nothing from the rest of tensor-core.
 */
public final class Threads {
    /** A body that handles the half-open index range {@code [start, end)}. */
    @FunctionalInterface
    public interface Range {
        /**
         * Handles the indices {@code start} (inclusive) to {@code end} (exclusive).
         *
         * @param start the first index
         * @param end the index after the last
         */
        void run(int start, int end);
    }

    private static volatile int numThreads = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;
    /** A thread's own limit, set by {@link #openScope}; absent means the JVM-wide one. */
    private static final ThreadLocal<Integer> scoped = new ThreadLocal<>();

    private Threads() {}

    /**
     * Sets how many threads kernels may use, as {@code torch.set_num_threads}; the pool is rebuilt on next use.
     *
     * @param n the number of threads, the calling one included; positive
     * @throws IllegalArgumentException if {@code n} is not positive
     */
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

    /**
     * How many threads kernels called from this thread may use: this thread's scoped limit when one
     * is open, else the JVM-wide one.
     *
     * @return the thread count in force for the calling thread
     */
    public static int getNumThreads() {
        Integer own = scoped.get();
        return own != null ? own : numThreads;
    }

    /**
     * Sets the calling thread's own thread count, leaving every other thread alone.
     *
     * @param n the calling thread's thread count, at least 1
     * @return the setting it replaces (null for none), for {@link #closeScope}
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public static Integer openScope(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("set_num_threads expects a positive integer, but got " + n);
        }
        Integer previous = scoped.get();
        scoped.set(n);
        return previous;
    }

    /**
     * Restores the calling thread's setting that {@link #openScope} returned.
     *
     * @param previous that setting, null for none
     */
    public static void closeScope(Integer previous) {
        if (previous == null) {
            scoped.remove();
        } else {
            scoped.set(previous);
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Threads.class) {
                p = pool;
                if (p == null) {
                    // The calling thread is one of the numThreads: it runs a piece of every split.
                    p = new ForkJoinPool(
                            Math.max(1, numThreads - 1),
                            pool -> {
                                var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                                t.setDaemon(true);
                                t.setName("jgrad-" + t.getPoolIndex());
                                return t;
                            },
                            null,
                            false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over {@code [start, end)}, split into at most {@link #getNumThreads()} non-overlapping pieces
     * of at least {@code grain} indices ({@code at::parallel_for}). The calling thread runs the first piece; every
     * piece has finished when this returns, also when one fails.
     *
     * @param start the first index
     * @param end the index after the last; nothing runs when {@code end <= start}
     * @param grain the least indices per piece (about a millisecond of work)
     * @param body the work for one piece
     * @throws RuntimeException the first exception a piece threw (errors are rethrown as they are)
     */
    public static void parallelFor(int start, int end, int grain, Range body) {
        int n = end - start;
        int threads = getNumThreads();
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
        // The calling thread runs the first piece itself while the pool's workers run the rest:
        // one worker to wake per extra piece, where handing every piece to the pool also woke a
        // worker to start them and the caller again at the end (a round trip of 30-50 µs on a
        // 2-core VM, a tenth of a 100 x 784 x 256 product). A split inside a piece (already on a
        // pool thread) forks onto that thread's pool.
        boolean nested = ForkJoinTask.inForkJoinPool();
        ForkJoinPool workers = nested ? null : pool();
        for (int p = 1; p < pieces; p++) {
            if (nested) {
                tasks.get(p).fork();
            } else {
                workers.execute(tasks.get(p));
            }
        }
        Throwable failure = null;
        try {
            tasks.get(0).invoke();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // Every piece is waited for, even after a failure, so none is still writing when this returns.
        for (int p = 1; p < pieces; p++) {
            try {
                tasks.get(p).join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
