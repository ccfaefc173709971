package dev.jgrad.tensor;

/**
 * Walks several operands of one (broadcast) shape, each with its own strides and offset, as
 * PyTorch's TensorIterator does: size-1 dims are dropped, dims are ordered by the strides of a
 * chosen primary operand, and dims that are contiguous with each other in every operand are
 * merged. What is left is handed to a body one inner run at a time, so the body's loop is a
 * plain (offset, stride, n) loop over primitive arrays.
 */
final class StridedLoop {
    /** Handles {@code n} consecutive elements of the innermost dim, starting at {@code offsets}. */
    @FunctionalInterface
    interface Body {
        /** {@code offsets} holds one element offset per operand; do not modify it. */
        void run(int[] offsets, int n);
    }

    private final int[] shape;
    private final int[][] strides;
    private final int[] base;
    private final int numel;

    private StridedLoop(int[] shape, int[][] strides, int[] base, int numel) {
        this.shape = shape;
        this.strides = strides;
        this.base = base;
        this.numel = numel;
    }

    /**
     * @param shape   the common shape
     * @param strides per operand, its strides over {@code shape} (0 where broadcast)
     * @param offsets per operand, its storage offset
     * @param primary operand whose memory order decides the iteration order
     */
    static StridedLoop of(int[] shape, int[][] strides, int[] offsets, int primary) {
        int nops = strides.length;
        int numel = Shapes.numel(shape);
        int nd = 0;
        int[] order = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                order[nd++] = d;
            }
        }
        // Stable insertion sort: larger primary stride first, so the innermost dim is the
        // one the primary operand walks with the smallest step.
        int[] ps = strides[primary];
        for (int i = 1; i < nd; i++) {
            int d = order[i];
            int j = i - 1;
            while (j >= 0 && Math.abs(ps[order[j]]) < Math.abs(ps[d]) && ps[d] != 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = d;
        }
        int[] cs = new int[Math.max(nd, 1)];
        int[][] cst = new int[nops][Math.max(nd, 1)];
        if (nd == 0) {
            cs[0] = 1;
        } else {
            int k = 0;
            cs[0] = shape[order[0]];
            for (int op = 0; op < nops; op++) {
                cst[op][0] = strides[op][order[0]];
            }
            for (int i = 1; i < nd; i++) {
                int d = order[i];
                boolean merge = true;
                for (int op = 0; op < nops && merge; op++) {
                    merge = (long) cst[op][k] == (long) strides[op][d] * shape[d];
                }
                if (merge) {
                    cs[k] *= shape[d];
                    for (int op = 0; op < nops; op++) {
                        cst[op][k] = strides[op][d];
                    }
                } else {
                    k++;
                    cs[k] = shape[d];
                    for (int op = 0; op < nops; op++) {
                        cst[op][k] = strides[op][d];
                    }
                }
            }
            int len = k + 1;
            if (len < cs.length) {
                cs = java.util.Arrays.copyOf(cs, len);
                for (int op = 0; op < nops; op++) {
                    cst[op] = java.util.Arrays.copyOf(cst[op], len);
                }
            }
        }
        return new StridedLoop(cs, cst, offsets.clone(), numel);
    }

    /** Shorthand for operands given as arrays viewed with a common broadcast shape. */
    static StridedLoop of(int[] shape, int primary, NDArray... ops) {
        int[][] st = new int[ops.length][];
        int[] off = new int[ops.length];
        for (int i = 0; i < ops.length; i++) {
            st[i] = ops[i].broadcastStrides(shape);
            off[i] = ops[i].storageOffset();
        }
        return of(shape, st, off, primary);
    }

    int numel() {
        return numel;
    }

    /** The stride of operand {@code op} along the innermost (run) dim. */
    int innerStride(int op) {
        return strides[op][shape.length - 1];
    }

    /** Number of merged dims left. */
    int dims() {
        return shape.length;
    }

    /** Length of the innermost merged dim (the longest possible run). */
    int innerSize() {
        return shape[shape.length - 1];
    }

    void run(Body body) {
        run(0, numel, body);
    }

    /** Runs the elements with linear iteration index in [start, end). */
    void run(int start, int end, Body body) {
        if (start >= end) {
            return;
        }
        int nd = shape.length;
        int nops = base.length;
        int[] idx = new int[nd];
        int rem = start;
        for (int d = nd - 1; d >= 0; d--) {
            idx[d] = rem % shape[d];
            rem /= shape[d];
        }
        int[] off = new int[nops];
        for (int op = 0; op < nops; op++) {
            int o = base[op];
            for (int d = 0; d < nd; d++) {
                o += idx[d] * strides[op][d];
            }
            off[op] = o;
        }
        int inner = shape[nd - 1];
        int pos = start;
        while (pos < end) {
            int n = Math.min(inner - idx[nd - 1], end - pos);
            body.run(off, n);
            pos += n;
            if (pos >= end) {
                break;
            }
            idx[nd - 1] += n;
            for (int op = 0; op < nops; op++) {
                off[op] += n * strides[op][nd - 1];
            }
            for (int d = nd - 1; d > 0 && idx[d] == shape[d]; d--) {
                idx[d] = 0;
                idx[d - 1]++;
                for (int op = 0; op < nops; op++) {
                    off[op] += strides[op][d - 1] - shape[d] * strides[op][d];
                }
            }
        }
    }

    /** Runs all elements, split across threads above {@code grain} elements; bodies must only write disjoint outputs. */
    void runParallel(int grain, Body body) {
        Parallel.parallelFor(0, numel, grain, (s, e) -> run(s, e, body));
    }
}
