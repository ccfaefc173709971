package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.Threads;

/**
 * The one thread pool jgrad's kernels share. Work is split only when it is big enough to pay
 * for the hand-off (callers pass a grain of roughly a millisecond of work), and callers split
 * so that results do not depend on the thread count. The pool and the counts live in the
 * kernel package (so that the kernels need nothing from here); this is their public face.
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

    private Parallel() {}

    /**
     * Sets how many threads kernels may use, as {@code torch.set_num_threads}; the pool is rebuilt on next use.
     *
     * @param n the number of threads, the calling one included; positive
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public static void setNumThreads(int n) {
        Threads.setNumThreads(n);
    }

    /**
     * How many threads kernels called from this thread may use, as {@code torch.get_num_threads}: this
     * thread's scoped limit when one is open ({@link #scopedNumThreads}), else the JVM-wide one (the number
     * of processors until {@link #setNumThreads} changes it).
     *
     * @return the thread count in force for the calling thread
     */
    public static int getNumThreads() {
        return Threads.getNumThreads();
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
        return new Scope(Threads.openScope(n));
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
            Threads.closeScope(previous);
        }
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
        Threads.parallelFor(start, end, grain, body::run);
    }
}
