package dev.jgrad.tensor;

/** gather, scatter_, scatterAdd_, indexSelect and maskedSelect. */
final class Indexing {
    private Indexing() {}

    private static void checkIndexDims(String op, NDArray self, int d, NDArray index, NDArray src) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        }
        int nd = Math.max(self.dim(), 1);
        if (Math.max(index.dim(), 1) != nd && index.numel() != 0) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as "
                    + (op.equals("gather") ? "input" : "self") + " tensor");
        }
        if (src != null && Math.max(src.dim(), 1) != nd && index.numel() != 0) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as src tensor");
        }
        for (int k = 0; k < index.dim() && self.dim() > 0; k++) {
            if (k != d && index.shapeRef()[k] > self.shapeRef()[k]) {
                throw new IllegalArgumentException("Size does not match at dimension " + k + " expected index "
                        + Shapes.str(index.shapeRef()) + " to be no larger than self " + Shapes.str(self.shapeRef())
                        + " apart from dimension " + d);
            }
            if (src != null && index.shapeRef()[k] > src.shapeRef()[k]) {
                throw new IllegalArgumentException("Size does not match at dimension " + k + " expected index "
                        + Shapes.str(index.shapeRef()) + " to be no larger than src " + Shapes.str(src.shapeRef()));
            }
        }
    }

    /** self's strides restricted to index's shape, with 0 along {@code d} (the index supplies that coordinate). */
    private static int[] stridesSkipping(NDArray t, int d, int nd) {
        int[] s = new int[nd];
        for (int k = 0; k < nd && k < t.dim(); k++) {
            s[k] = k == d ? 0 : t.stridesRef()[k];
        }
        return s;
    }

    private static int checkedIndex(long i, int d, int size) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(
                    "index " + i + " is out of bounds for dimension " + d + " with size " + size);
        }
        return (int) i;
    }

    /**
     * The walk of gather and scatter over index's shape, element by element through {@link Access}. Operand 0 is
     * the plain side (gather's out, scatter's src), 1 the index, 2 self with stride 0 along {@code d}: the index
     * supplies that coordinate.
     */
    private static final class IndexWalk {
        final StridedLoop loop;
        final Access self;
        final Access plain;
        /** Whether self's (and so the plain side's) dtype is floating: elements move as doubles, else as longs. */
        final boolean floating;

        private final int plainStride;
        private final int indexStride;
        private final int selfStride;
        private final long[] idx;
        private final int d;
        private final int size;
        private final int dStride;

        /** {@code byIndex}: iterate in index's memory order rather than the plain operand's. */
        IndexWalk(NDArray self, int d, NDArray index, NDArray plain, int[] plainStrides, boolean byIndex) {
            int nd = index.dim();
            loop = StridedLoop.of(
                    index.shapeRef(),
                    new int[][] {plainStrides, index.stridesRef(), stridesSkipping(self, d, nd)},
                    new int[] {plain.storageOffset(), index.storageOffset(), self.storageOffset()},
                    byIndex ? 1 : 0);
            this.self = Access.of(self.storage());
            this.plain = Access.of(plain.storage());
            floating = self.dtype().isFloatingPoint();
            plainStride = loop.innerStride(0);
            indexStride = loop.innerStride(1);
            selfStride = loop.innerStride(2);
            idx = index.storage().longs();
            this.d = d;
            size = self.dim() == 0 ? 1 : self.shapeRef()[d];
            dStride = self.dim() == 0 ? 0 : self.stridesRef()[d];
        }

        /** The plain side's offset for element {@code e} of the inner run at {@code off}. */
        int plainOffset(int[] off, int e) {
            return off[0] + e * plainStride;
        }

        /** Self's offset for element {@code e} of the inner run at {@code off}, its index along d checked. */
        int selfOffset(int[] off, int e) {
            int i = checkedIndex(idx[off[1] + e * indexStride], d, size);
            return off[2] + e * selfStride + i * dStride;
        }
    }

    static NDArray gather(NDArray self, int dim, NDArray index) {
        int d = Shapes.wrapDim(dim, self.dim());
        checkIndexDims("gather", self, d, index, null);
        NDArray out = NDArray.empty(self.dtype(), index.shapeRef());
        if (index.numel() == 0) {
            return out;
        }
        IndexWalk walk = new IndexWalk(self, d, index, out, out.stridesRef(), false);
        walk.loop.run((off, n) -> {
            for (int e = 0; e < n; e++) {
                walk.plain.setFrom(walk.plainOffset(off, e), walk.self, walk.selfOffset(off, e), walk.floating);
            }
        });
        return out;
    }

    /** scatter of {@code src} (or of {@code value} when src is null) into self, without bumping the version. */
    static void scatter(NDArray self, int dim, NDArray index, NDArray src, double value) {
        scatter(self, dim, index, src, value, false);
    }

    /** scatter_add of {@code src} into self (repeated indices add up), without bumping the version. */
    static void scatterAdd(NDArray self, int dim, NDArray index, NDArray src) {
        scatter(self, dim, index, src, 0, true);
    }

    private static void scatter(NDArray self, int dim, NDArray index, NDArray src, double value, boolean add) {
        String op = add ? "scatter_add" : "scatter";
        int d = Shapes.wrapDim(dim, self.dim());
        checkIndexDims(op, self, d, index, src);
        if (src != null && src.dtype() != self.dtype()) {
            throw new IllegalArgumentException(op + "(): Expected self.dtype to be equal to src.dtype");
        }
        if (index.numel() == 0) {
            return;
        }
        NDArray source = src == null ? NDArray.scalar(value, self.dtype()) : src;
        if (src != null && src.storage() == self.storage()) {
            source = src.clone();
        }
        int nd = index.dim();
        int[] srcStrides = src == null ? new int[nd] : java.util.Arrays.copyOf(source.stridesRef(), nd);
        // Walked in index's memory order: with repeated indices, the last write wins as in PyTorch.
        IndexWalk walk = new IndexWalk(self, d, index, source, srcStrides, true);
        Access from = walk.plain;
        Access to = walk.self;
        boolean floating = walk.floating;
        walk.loop.run((off, n) -> {
            for (int e = 0; e < n; e++) {
                int t = walk.selfOffset(off, e);
                int f = walk.plainOffset(off, e);
                if (!add) {
                    to.setFrom(t, from, f, floating);
                } else if (floating) {
                    to.setD(t, to.getD(t) + from.getD(f));
                } else {
                    to.setL(t, to.getL(t) + from.getL(f));
                }
            }
        });
    }

    static NDArray indexSelect(NDArray self, int dim, NDArray index) {
        if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
            throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
        }
        if (index.dim() > 1) {
            throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
        }
        int d = Shapes.wrapDim(dim, self.dim());
        long[] idx = index.toLongArray();
        if (self.dim() == 0) {
            for (long i : idx) {
                if (i != 0 && i != -1) {
                    throw new IndexOutOfBoundsException("index out of range in self");
                }
            }
            return index.dim() == 0
                    ? self.clone()
                    : self.reshape(1).expand(idx.length).clone();
        }
        int size = self.shapeRef()[d];
        int[] shape = self.shapeRef().clone();
        shape[d] = idx.length;
        NDArray out = NDArray.empty(self.dtype(), shape);
        if (d == 0 && self.isContiguous() && self.numel() > 0) {
            // Rows of a contiguous array (a data loader's batch gather): one arraycopy each.
            int row = size == 0 ? 0 : self.numel() / size;
            Object src = self.storage().array();
            Object dst = out.storage().array();
            for (int k = 0; k < idx.length; k++) {
                long i = idx[k];
                if (i < -size || i >= size) {
                    throw new IndexOutOfBoundsException("index out of range in self");
                }
                int r = (int) (i < 0 ? i + size : i);
                System.arraycopy(src, self.storageOffset() + r * row, dst, k * row, row);
            }
            return index.dim() == 0 ? out.squeeze(d) : out;
        }
        for (int k = 0; k < idx.length; k++) {
            long i = idx[k];
            if (i < -size || i >= size) {
                throw new IndexOutOfBoundsException("index out of range in self");
            }
            Copy.copy(out.select(d, k), self.select(d, (int) i));
        }
        return index.dim() == 0 ? out.squeeze(d) : out;
    }

    static NDArray maskedSelect(NDArray self, NDArray mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_select: expected BoolTensor for mask");
        }
        int[] shape = Shapes.broadcast(self.shapeRef(), mask.shapeRef());
        NDArray m = mask.expand(shape).contiguous();
        NDArray s = self.expand(shape).contiguous();
        boolean[] mb = m.storage().bools();
        int n = Shapes.numel(shape);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (mb[m.storageOffset() + i]) {
                count++;
            }
        }
        NDArray out = NDArray.empty(self.dtype(), count);
        Access from = Access.of(s.storage());
        Access to = Access.of(out.storage());
        boolean floating = self.dtype().isFloatingPoint();
        for (int i = 0, k = 0; i < n; i++) {
            if (mb[m.storageOffset() + i]) {
                to.setFrom(k++, from, s.storageOffset() + i, floating);
            }
        }
        return out;
    }
}
