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
    /** A body that handles the half-open index range {@code [start, end)}. */
    @FunctionalInterface
    public interface RangeBody {
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
    /** A thread's own limit, set by {@link #scopedNumThreads}; absent means the JVM-wide one. */
    private static final ThreadLocal<Integer> scoped = new ThreadLocal<>();

    private Parallel() {}

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
     * How many threads kernels called from this thread may use, as {@code torch.get_num_threads}: this
     * thread's scoped limit when one is open ({@link #scopedNumThreads}), else the JVM-wide one (the number
     * of processors until {@link #setNumThreads} changes it).
     *
     * @return the thread count in force for the calling thread
     */
    public static int getNumThreads() {
        Integer own = scoped.get();
        return own != null ? own : numThreads;
    }

    /**
     * Limits the kernels called from this thread to {@code n} threads until the returned scope is
     * closed, leaving every other thread and the JVM-wide setting alone: for a host that runs many
     * tasks in one JVM, each with its own share of the cores (a Spark executor, an app server). At
     * most the JVM-wide count of threads run at once whatever {@code n}, since the pool is shared.
     * Results are the same bits for every count. Scopes nest; close them in reverse order.
     *
     * @param n the calling thread's thread count, at least 1
     * @return a scope that restores the previous setting of this thread when closed
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public static Scope scopedNumThreads(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("set_num_threads expects a positive integer, but got " + n);
        }
        Integer previous = scoped.get();
        scoped.set(n);
        return new Scope(previous);
    }

    /** A thread's scoped thread count, from {@link #scopedNumThreads}; closing it restores the one before. */
    public static final class Scope implements AutoCloseable {
        private final Integer previous;
        private final Thread owner = Thread.currentThread();

        private Scope(Integer previous) {
            this.previous = previous;
        }

        /**
         * Restores the calling thread's previous setting.
         *
         * @throws IllegalStateException if called from another thread than the one that opened it
         */
        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a thread-count scope must be closed by the thread that opened it");
            }
            if (previous == null) {
                scoped.remove();
            } else {
                scoped.set(previous);
            }
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
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
    public static void parallelFor(int start, int end, int grain, RangeBody body) {
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
