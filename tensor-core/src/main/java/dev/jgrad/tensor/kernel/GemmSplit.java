package dev.jgrad.tensor.kernel;

import java.util.function.IntConsumer;

/**
 * Cuts a batched product into parts for {@link Threads}' pool: whole matrices when there are enough of them,
 * otherwise row or column ranges aligned to the micro-tile, so that every output element belongs
 * to exactly one part and is computed the same way whatever the number of parts.
 */
final class GemmSplit {
    /** Receives one part: matrices [b0, b1), rows [m0, m1), columns [n0, n1). */
    interface Part {
        void run(int b0, int b1, int m0, int m1, int n0, int n1);
    }

    private GemmSplit() {}

    /**
     * Runs the product in parts on the pool when its work ({@code 2·batch·m·n·k} flops) reaches
     * {@code minFlops}, else in one part on the calling thread.
     */
    static void run(int batch, int m, int n, int k, int mr, int nr, long minFlops, Part part) {
        int threads = Threads.getNumThreads();
        long flops = 2L * batch * m * n * Math.max(k, 1);
        if (threads <= 1 || flops < minFlops || batch == 0 || m == 0 || n == 0) {
            part.run(0, batch, 0, m, 0, n);
            return;
        }
        if (batch >= threads) {
            int parts = threads;
            runParts(parts, p -> part.run(cut(batch, parts, p, 1), cut(batch, parts, p + 1, 1), 0, m, 0, n));
            return;
        }
        int perMatrix = (threads + batch - 1) / batch;
        boolean byColumns = n >= m;
        int tile = byColumns ? nr : mr;
        int extent = byColumns ? n : m;
        int chunks = Math.max(1, Math.min(perMatrix, (extent + tile - 1) / tile));
        runParts(batch * chunks, p -> {
            int b = p / chunks;
            int c = p % chunks;
            int lo = cut(extent, chunks, c, tile);
            int hi = cut(extent, chunks, c + 1, tile);
            if (byColumns) {
                part.run(b, b + 1, 0, m, lo, hi);
            } else {
                part.run(b, b + 1, lo, hi, 0, n);
            }
        });
    }

    /** Runs parts [0, parts) on the pool, one piece per part. */
    private static void runParts(int parts, IntConsumer part) {
        Threads.parallelFor(0, parts, 1, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                part.accept(p);
            }
        });
    }

    /** The start of chunk {@code i} of {@code parts} over [0, extent), rounded to a multiple of {@code tile}. */
    private static int cut(int extent, int parts, int i, int tile) {
        if (i >= parts) {
            return extent;
        }
        int tiles = (extent + tile - 1) / tile;
        int start = (int) ((long) tiles * i / parts) * tile;
        return Math.min(start, extent);
    }
}
