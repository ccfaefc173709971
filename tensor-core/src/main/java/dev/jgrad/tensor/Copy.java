package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.Kernels;

/** Strided copies with broadcasting and dtype conversion (the engine of copy_, to, contiguous). */
final class Copy {
    /** Elements per thread before a copy is split (about a millisecond of work). */
    private static final int GRAIN = 1 << 20;

    private Copy() {}

    /** Writes {@code src}, broadcast to {@code dst}'s shape and converted to its dtype, into {@code dst}. */
    static void copy(NDArray dst, NDArray src) {
        int[] shape = dst.shapeRef();
        StridedLoop loop = StridedLoop.of(shape, 0, dst, src);
        DType dt = dst.dtype();
        DType st = src.dtype();
        int ds = loop.innerStride(0);
        int ss = loop.innerStride(1);
        if (dt == st) {
            Object d = dst.storage().array();
            Object s = src.storage().array();
            if (dt == DType.FLOAT32) {
                float[] fd = (float[]) d;
                float[] fs = (float[]) s;
                loop.runParallel(GRAIN, (off, n) -> copy(fs, off[1], ss, fd, off[0], ds, n));
                return;
            }
            if (ss == 1 && ds == 1) {
                loop.run((off, n) -> System.arraycopy(s, off[1], d, off[0], n));
                return;
            }
        }
        if (dt == DType.FLOAT32 && st == DType.UINT8) {
            // Image pixels: the hot conversion of a data loader, in a kernel of its own.
            float[] fd = dst.storage().floats();
            byte[] bs = src.storage().bytes();
            loop.runParallel(GRAIN, (off, n) -> Kernels.get().fromUint8(n, bs, off[1], ss, fd, off[0], ds));
            return;
        }
        Access da = Access.of(dst.storage());
        Access sa = Access.of(src.storage());
        boolean floating = st.isFloatingPoint();
        loop.run((off, n) -> {
            int d0 = off[0];
            int s0 = off[1];
            for (int i = 0; i < n; i++) {
                da.setFrom(d0 + i * ds, sa, s0 + i * ss, floating);
            }
        });
    }

    /** A float32 copy of n elements with strides: arraycopy or a fill where it can. */
    private static void copy(float[] s, int so, int ss, float[] d, int dO, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(s, so, d, dO, n);
        } else if (ss == 0 && ds == 1) {
            java.util.Arrays.fill(d, dO, dO + n, s[so]);
        } else {
            for (int i = 0; i < n; i++) {
                d[dO + i * ds] = s[so + i * ss];
            }
        }
    }

    /** {@code a.to(dtype)}: a itself when it has that dtype, else a contiguous converted copy. */
    static NDArray to(NDArray a, DType dtype) {
        if (dtype == a.dtype()) {
            return a;
        }
        NDArray c = NDArray.empty(dtype, a.shapeRef());
        copy(c, a);
        return c;
    }
}
