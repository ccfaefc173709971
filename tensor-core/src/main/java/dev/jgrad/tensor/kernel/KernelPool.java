package dev.jgrad.tensor.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs the independent parts of one kernel call on a shared ForkJoin pool.
 *
 * <p>A kernel splits its output into parts that never share an element, so the result does not
 * depend on how many threads run them. A round trip through the pool costs tens of microseconds,
 * which is why callers split only work that is well above that.
 */
final class KernelPool {
    private static volatile int numThreads = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;

    private KernelPool() {}

    static int numThreads() {
        return numThreads;
    }

    static void setNumThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Number of threads must be positive, but got " + n);
        }
        numThreads = n;
    }

    /** Runs {@code part.accept(i)} for every i in [0, parts), in parallel when more than one thread is allowed. */
    static void run(int parts, IntConsumer part) {
        if (parts <= 1 || numThreads <= 1) {
            for (int i = 0; i < parts; i++) {
                part.accept(i);
            }
            return;
        }
        ForkJoinPool p = pool(numThreads);
        p.invoke(new Range(part, 0, parts));
    }

    private static ForkJoinPool pool(int threads) {
        ForkJoinPool p = pool;
        if (p == null || p.getParallelism() != threads) {
            synchronized (KernelPool.class) {
                p = pool;
                if (p == null || p.getParallelism() != threads) {
                    ForkJoinPool old = p;
                    p = new ForkJoinPool(threads);
                    pool = p;
                    if (old != null) {
                        old.shutdown();
                    }
                }
            }
        }
        return p;
    }

    private static final class Range extends RecursiveAction {
        private final IntConsumer part;
        private final int from;
        private final int to;

        Range(IntConsumer part, int from, int to) {
            this.part = part;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                part.accept(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(part, from, mid), new Range(part, mid, to));
        }
    }
}
