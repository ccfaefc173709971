package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.Kernels;

/**
 * sum, mean, prod, max/min and their arg forms. Sums accumulate in double (float inputs, except
 * float32 sums of fewer than 8 values, which add up in float as PyTorch's do) or long
 * (integer inputs) into an accumulator laid out as the output, walked by a {@link StridedLoop}
 * whose output strides are 0 along the reduced dims: a run along a reduced dim collapses into
 * one sum, a run along a kept dim adds a whole row. Full reductions sum fixed-size blocks in
 * parallel and add the block sums in order, so the result does not depend on the thread count.
 */
final class Reductions {
    /** Iteration indices per block of a full reduction. */
    private static final int BLOCK = 1 << 15;
    /**
     * Whole-array sums split across threads in pieces of at least this many blocks (2M
     * elements, about 100 µs of summing): a fork-join round trip costs 30-50 µs, and with 16
     * blocks a 1M-element sum ran 2.3x slower on two threads than on one.
     */
    private static final int BLOCKS_PER_TASK = 64;
    /** Rows per float32 block of a column sum: short enough that float32 adds lose little. */
    private static final int COLUMN_SUM_ROWS = 128;
    /**
     * PyTorch adds fewer than this many float32 values one by one in float (its vector lanes only
     * start at 8), so such sums are summed that way here too and round exactly as PyTorch's do: a
     * tutorial's printed digits can hinge on it (Lab-03's broadcast gradient, a sum of 3).
     */
    static final int PYTORCH_SEQUENTIAL_FLOAT_SUM = 8;

    private Reductions() {}

    /** True when every element of a bool array is true. */
    static boolean all(NDArray b) {
        NDArray c = b.to(DType.BOOL);
        boolean[] v = c.storage().bools();
        StridedLoop loop = StridedLoop.of(c.shapeRef(), 0, c);
        int s = loop.innerStride(0);
        boolean[] ok = {true};
        loop.run((off, n) -> {
            for (int i = 0; i < n && ok[0]; i++) {
                ok[0] &= v[off[0] + i * s];
            }
        });
        return ok[0];
    }

    /** Marks the reduced dims; null or empty {@code dims} reduce them all. */
    static boolean[] mask(NDArray x, int[] dims) {
        int nd = x.dim();
        boolean[] m = new boolean[nd];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(m, true);
            return m;
        }
        for (int dim : dims) {
            int d = Shapes.wrapDim(dim, nd);
            if (nd == 0) {
                continue;
            }
            if (m[d]) {
                throw new IllegalArgumentException("dim " + d + " appears multiple times in the list of dims");
            }
            m[d] = true;
        }
        return m;
    }

    private static int[] keptShape(int[] shape, boolean[] mask) {
        int[] k = shape.clone();
        for (int d = 0; d < k.length; d++) {
            if (mask[d]) {
                k[d] = 1;
            }
        }
        return k;
    }

    private static NDArray finish(NDArray keep, boolean[] mask, boolean keepdim) {
        if (keepdim) {
            return keep;
        }
        int n = 0;
        for (boolean b : mask) {
            if (!b) {
                n++;
            }
        }
        int[] s = new int[n];
        for (int d = 0, k = 0; d < mask.length; d++) {
            if (!mask[d]) {
                s[k++] = keep.shapeRef()[d];
            }
        }
        return keep.view(s);
    }

    private static int count(NDArray x, boolean[] mask) {
        long c = 1;
        for (int d = 0; d < mask.length; d++) {
            if (mask[d]) {
                c *= x.shapeRef()[d];
            }
        }
        return (int) c;
    }

    static NDArray sum(NDArray x, int[] dims, boolean keepdim) {
        if (dims == null && !keepdim) {
            NDArray s = contiguousSum(x);
            if (s != null) {
                return s;
            }
        }
        return sumOrProd(x, dims, keepdim, false);
    }

    /** The general sum or product: in double for floating dtypes, in long (as int64) for the others. */
    private static NDArray sumOrProd(NDArray x, int[] dims, boolean keepdim, boolean product) {
        boolean[] m = mask(x, dims);
        int[] keep = keptShape(x.shapeRef(), m);
        if (x.dtype().isFloatingPoint()) {
            return stored(x, product ? prodD(x, m, keep) : sumD(x, m, keep), 1.0, m, keep, keepdim);
        }
        long[] acc = reduceL(x, m, keep, product);
        return finish(NDArray.wrap(acc, keep), m, keepdim);
    }

    /** The floating accumulators {@code acc}, times {@code scale}, as an array of x's dtype. */
    private static NDArray stored(NDArray x, double[] acc, double scale, boolean[] m, int[] keep, boolean keepdim) {
        NDArray out = NDArray.empty(x.dtype(), keep);
        store(out, acc, scale);
        return finish(out, m, keepdim);
    }

    /**
     * sum() of a contiguous float array: what the general path computes for it (one run per
     * block, each added to 0.0, the block sums added in order), without its descriptors,
     * accumulator and per-run callbacks, which cost as much as summing a thousand elements. Null
     * when the general path is needed.
     */
    private static NDArray contiguousSum(NDArray x) {
        int n = x.numel();
        DType t = x.dtype();
        if (!x.isContiguous()
                || !(t == DType.FLOAT32 && n >= PYTORCH_SEQUENTIAL_FLOAT_SUM || t == DType.FLOAT64 && n > 0)) {
            return null;
        }
        int off = x.storageOffset();
        float[] f = t == DType.FLOAT32 ? x.storage().floats() : null;
        double[] d = f == null ? x.storage().doubles() : null;
        return NDArray.scalar(
                blockedSum(
                        n,
                        (from, to) -> f != null
                                ? Kernels.get().sum(to - from, f, off + from, 1)
                                : sumDoubles(d, off + from, 1, to - from)),
                t);
    }

    static NDArray mean(NDArray x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either "
                    + "a floating point or complex dtype. Got: " + x.dtype().scalarTypeName());
        }
        boolean[] m = mask(x, dims);
        int[] keep = keptShape(x.shapeRef(), m);
        return stored(x, sumD(x, m, keep), 1.0 / count(x, m), m, keep, keepdim);
    }

    static NDArray prod(NDArray x, int[] dims, boolean keepdim) {
        return sumOrProd(x, dims, keepdim, true);
    }

    private static void store(NDArray out, double[] acc, double scale) {
        if (out.dtype() == DType.FLOAT32) {
            float[] f = out.storage().floats();
            for (int i = 0; i < acc.length; i++) {
                f[i] = (float) (acc[i] * scale);
            }
        } else {
            double[] d = out.storage().doubles();
            for (int i = 0; i < acc.length; i++) {
                d[i] = acc[i] * scale;
            }
        }
    }

    /** The loop over x with operand 1 the accumulator (strides 0 on reduced dims). */
    private static StridedLoop accLoop(NDArray x, int[] keep) {
        int[] accStrides = Shapes.contiguousStrides(keep);
        for (int d = 0; d < keep.length; d++) {
            if (keep[d] == 1) {
                accStrides[d] = 0;
            }
        }
        return StridedLoop.of(
                x.shapeRef(), new int[][] {x.stridesRef(), accStrides}, new int[] {x.storageOffset(), 0}, 0);
    }

    private static double[] sumD(NDArray x, boolean[] mask, int[] keep) {
        int outN = Shapes.numel(keep);
        double[] acc = new double[outN];
        if (x.numel() == 0) {
            return acc;
        }
        boolean f32 = x.dtype() == DType.FLOAT32;
        float[] f = f32 ? x.storage().floats() : null;
        double[] d = f32 ? null : x.storage().doubles();
        boolean sequential = f32 && count(x, mask) < PYTORCH_SEQUENTIAL_FLOAT_SUM;
        if (!sequential && outN > 1 && x.isContiguous()) {
            // Contiguous shortcuts, checked before the strided loop is even described.
            if (f32 && reducesLeadingDims(mask)) {
                columnSumsInBlocks(f, x.storageOffset(), count(x, mask), outN, acc);
                return acc;
            }
            if (reducesTrailingDims(mask)) {
                // sum(dim=-1) of contiguous rows: one run per row, as the loop below would walk them.
                int len = count(x, mask);
                int off = x.storageOffset();
                for (int r = 0; r < outN; r++) {
                    acc[r] += f32 ? Kernels.get().sum(len, f, off + r * len, 1) : sumDoubles(d, off + r * len, 1, len);
                }
                return acc;
            }
        }
        StridedLoop loop = accLoop(x, keep);
        int xs = loop.innerStride(0);
        int cs = loop.innerStride(1);
        if (sequential) {
            float[] small = new float[outN];
            loop.run((off, n) -> {
                for (int i = 0; i < n; i++) {
                    small[off[1] + i * cs] += f[off[0] + i * xs];
                }
            });
            for (int i = 0; i < outN; i++) {
                acc[i] = small[i];
            }
            return acc;
        }
        if (outN == 1) {
            acc[0] = blockedSum(loop.numel(), (from, to) -> {
                double[] s = {0};
                loop.run(
                        from,
                        to,
                        (off, n) -> s[0] += f32 ? Kernels.get().sum(n, f, off[0], xs) : sumDoubles(d, off[0], xs, n));
                return s[0];
            });
            return acc;
        }
        loop.run((off, n) -> {
            if (cs == 0) {
                acc[off[1]] += f32 ? Kernels.get().sum(n, f, off[0], xs) : sumDoubles(d, off[0], xs, n);
            } else if (f32) {
                accumulate(acc, off[1], cs, f, off[0], xs, n);
            } else {
                for (int i = 0; i < n; i++) {
                    acc[off[1] + i * cs] += d[off[0] + i * xs];
                }
            }
        });
        return acc;
    }

    /** Whether the reduced dims are all after the kept ones, as in sum(dim=1) of a matrix. */
    private static boolean reducesTrailingDims(boolean[] mask) {
        int d = mask.length;
        while (d > 0 && mask[d - 1]) {
            d--;
        }
        for (int e = 0; e < d; e++) {
            if (mask[e]) {
                return false;
            }
        }
        return d < mask.length;
    }

    /** Whether the reduced dims are all before the kept ones, as in sum(dim=0) of a matrix. */
    private static boolean reducesLeadingDims(boolean[] mask) {
        int d = 0;
        while (d < mask.length && mask[d]) {
            d++;
        }
        for (int e = d; e < mask.length; e++) {
            if (mask[e]) {
                return false;
            }
        }
        return d > 0;
    }

    /**
     * Column sums of a contiguous rows x cols float32 matrix (a bias gradient, sum(dim=0)): the
     * column-sum kernel adds blocks of COLUMN_SUM_ROWS rows in float32 across whole vectors of
     * columns, and the block sums go into double, as the whole-array sum does, so the error does
     * not grow with the number of rows. Each column is summed in the same order on any number of
     * threads.
     */
    private static void columnSumsInBlocks(float[] f, int off, int rows, int cols, double[] acc) {
        int grain = Math.max(64, BLOCK / Math.max(1, rows));
        Parallel.parallelFor(0, cols, grain, (c0, c1) -> {
            float[] block = new float[c1 - c0];
            for (int r0 = 0; r0 < rows; r0 += COLUMN_SUM_ROWS) {
                int nr = Math.min(COLUMN_SUM_ROWS, rows - r0);
                Kernels.get().columnSums(nr, c1 - c0, f, off + r0 * cols + c0, cols, block, 0, false);
                for (int j = 0; j < block.length; j++) {
                    acc[c0 + j] += block[j];
                }
            }
        });
    }

    /** The sum of the elements at flat indices [from, to) of a reduction's input. */
    @FunctionalInterface
    private interface RangeSum {
        double sum(int from, int to);
    }

    /**
     * A whole-array sum in blocks of BLOCK indices, each summed from 0.0 and the block sums added
     * in order: the same bits on any number of threads.
     */
    private static double blockedSum(int total, RangeSum range) {
        if (total <= BLOCK) {
            return 0.0 + range.sum(0, total);
        }
        int blocks = (total + BLOCK - 1) / BLOCK;
        double[] partial = new double[blocks];
        Parallel.parallelFor(0, blocks, BLOCKS_PER_TASK, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                partial[b] = 0.0 + range.sum(b * BLOCK, Math.min(total, (b + 1) * BLOCK));
            }
        });
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return s;
    }

    private static double sumDoubles(double[] a, int off, int stride, int n) {
        return Kernels.get().sum(n, a, off, stride);
    }

    private static double[] prodD(NDArray x, boolean[] mask, int[] keep) {
        double[] acc = new double[Shapes.numel(keep)];
        java.util.Arrays.fill(acc, 1.0);
        eachAccRun(x, keep, (a, xo, xs, co, cs, n) -> {
            for (int i = 0; i < n; i++) {
                acc[co + i * cs] *= a.getD(xo + i * xs);
            }
        });
        return acc;
    }

    private static long[] reduceL(NDArray x, boolean[] mask, int[] keep, boolean product) {
        long[] acc = new long[Shapes.numel(keep)];
        if (product) {
            java.util.Arrays.fill(acc, 1L);
        }
        eachAccRun(x, keep, (a, xo, xs, co, cs, n) -> {
            for (int i = 0; i < n; i++) {
                int c = co + i * cs;
                long v = a.getL(xo + i * xs);
                acc[c] = product ? acc[c] * v : acc[c] + v;
            }
        });
        return acc;
    }

    /** An inner run of a general (element by element) reduction: x's elements into the accumulators. */
    private interface AccRun {
        /** {@code n} elements of {@code x} from {@code xo} (step {@code xs}), accumulators from {@code co} (step {@code cs}). */
        void run(Access x, int xo, int xs, int co, int cs, int n);
    }

    /** Hands x's inner runs to {@code body}, with the accumulator of shape {@code keep} as the second operand. */
    private static void eachAccRun(NDArray x, int[] keep, AccRun body) {
        if (x.numel() == 0) {
            return;
        }
        StridedLoop loop = accLoop(x, keep);
        int xs = loop.innerStride(0);
        int cs = loop.innerStride(1);
        Access a = Access.of(x.storage());
        loop.run((off, n) -> body.run(a, off[0], xs, off[1], cs, n));
    }

    // ------------------------------------------------------------------ max / min

    static NDArray extreme(NDArray x, boolean isMax) {
        return wholeExtreme(x, isMax, false);
    }

    static NDArray argExtreme(NDArray x, boolean isMax) {
        return wholeExtreme(x, isMax, true);
    }

    /**
     * max()/min() ({@code index} false) or argmax()/argmin() over every element. The kernels' max/min
     * return the value argmax/argmin would point at (the first NaN, the first of equal values),
     * without the index bookkeeping.
     */
    private static NDArray wholeExtreme(NDArray x, boolean isMax, boolean index) {
        if (x.numel() == 0) {
            throw new IllegalArgumentException((index ? "arg" : "") + (isMax ? "max" : "min")
                    + "(): Expected reduction dim to be specified for input.numel() == 0."
                    + (index ? "" : " Specify the reduction dim with the 'dim' argument."));
        }
        NDArray flat = x.reshape(-1);
        int n = flat.numel();
        int off = flat.storageOffset();
        int stride = flat.stridesRef()[0];
        Kernels k = Kernels.get();
        if (flat.dtype() == DType.FLOAT32) {
            float[] f = flat.storage().floats();
            return index
                    ? NDArray.scalar(isMax ? k.argmax(n, f, off, stride) : k.argmin(n, f, off, stride), DType.INT64)
                    : NDArray.scalar(isMax ? k.max(n, f, off, stride) : k.min(n, f, off, stride), DType.FLOAT32);
        }
        if (flat.dtype() == DType.FLOAT64) {
            double[] d = flat.storage().doubles();
            return index
                    ? NDArray.scalar(isMax ? k.argmax(n, d, off, stride) : k.argmin(n, d, off, stride), DType.INT64)
                    : NDArray.scalar(isMax ? k.max(n, d, off, stride) : k.min(n, d, off, stride), DType.FLOAT64);
        }
        ValuesIndices<NDArray> general = extreme(flat, 0, false, isMax);
        return index ? general.indices() : general.values();
    }

    /** Values and first indices of the extremes along {@code dim}; NaN beats every number. */
    static ValuesIndices<NDArray> extreme(NDArray x, int dim, boolean keepdim, boolean isMax) {
        String name = isMax ? "max" : "min";
        int d = Shapes.wrapDim(dim, x.dim());
        if (x.dim() == 0) {
            return new ValuesIndices<>(name, x.clone(), NDArray.empty(DType.INT64));
        }
        int len = x.shapeRef()[d];
        if (len == 0) {
            throw new IllegalArgumentException(name + "(): Expected reduction dim " + d + " to have non-zero size.");
        }
        NDArray m = x.movedim(d, -1);
        int nd = m.dim();
        int[] outer = java.util.Arrays.copyOf(m.shapeRef(), nd - 1);
        int[] outerStrides = java.util.Arrays.copyOf(m.stridesRef(), nd - 1);
        int ls = m.stridesRef()[nd - 1];
        NDArray values = NDArray.empty(x.dtype(), outer);
        NDArray indices = NDArray.empty(DType.INT64, outer);
        int[] cs = Shapes.contiguousStrides(outer);
        StridedLoop loop = StridedLoop.of(outer, new int[][] {outerStrides, cs}, new int[] {m.storageOffset(), 0}, 0);
        int xs = loop.innerStride(0);
        int os = loop.innerStride(1);
        Access a = Access.of(x.storage());
        Access va = Access.of(values.storage());
        long[] idx = indices.storage().longs();
        boolean floating = x.dtype().isFloatingPoint();
        float[] xf = x.dtype() == DType.FLOAT32 ? x.storage().floats() : null;
        double[] xd = x.dtype() == DType.FLOAT64 ? x.storage().doubles() : null;
        loop.run((off, n) -> {
            for (int e = 0; e < n; e++) {
                int base = off[0] + e * xs;
                int best = 0;
                if (xf != null || xd != null) {
                    // The kernels: first index of the extreme, NaN first (SIMD when the row is contiguous).
                    if (xf != null) {
                        best = isMax
                                ? Kernels.get().argmax(len, xf, base, ls)
                                : Kernels.get().argmin(len, xf, base, ls);
                    } else {
                        best = isMax
                                ? Kernels.get().argmax(len, xd, base, ls)
                                : Kernels.get().argmin(len, xd, base, ls);
                    }
                    va.setD(off[1] + e * os, a.getD(base + best * ls));
                } else if (floating) {
                    double bv = a.getD(base);
                    for (int i = 1; i < len && bv == bv; i++) {
                        double v = a.getD(base + i * ls);
                        if (v != v || (isMax ? v > bv : v < bv)) {
                            bv = v;
                            best = i;
                        }
                    }
                    va.setD(off[1] + e * os, bv);
                } else {
                    long bv = a.getL(base);
                    for (int i = 1; i < len; i++) {
                        long v = a.getL(base + i * ls);
                        if (isMax ? v > bv : v < bv) {
                            bv = v;
                            best = i;
                        }
                    }
                    va.setL(off[1] + e * os, bv);
                }
                idx[off[1] + e * os] = best;
            }
        });
        if (keepdim) {
            values = values.unsqueeze(d);
            indices = indices.unsqueeze(d);
        }
        return new ValuesIndices<>(name, values, indices);
    }

    /** {@code acc[i] += a[i]}: the row-accumulation step of a reduction over an outer dim. */
    private static void accumulate(double[] acc, int co, int cs, float[] a, int ao, int as, int n) {
        if (cs == 1 && as == 1) {
            for (int i = 0; i < n; i++) {
                acc[co + i] += a[ao + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                acc[co + i * cs] += a[ao + i * as];
            }
        }
    }
}
