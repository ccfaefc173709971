package dev.jgrad.tensor;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Random shapes, values and memory layouts for the property tests. */
final class RandomTensors {
    /** Sizes that hit 0, 1, odd lengths and lengths around common vector widths. */
    private static final int[] SIZES = {0, 1, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17};

    private RandomTensors() {}

    /** One random case of a property test: its generator and its number (for the failure message). */
    @FunctionalInterface
    interface Case {
        void run(Random r, int c);
    }

    /** Runs cases {@code 0..count-1}, all drawing from one generator seeded with {@code seed}. */
    static void cases(long seed, int count, Case body) {
        Random r = new Random(seed);
        for (int c = 0; c < count; c++) {
            body.run(r, c);
        }
    }

    static int[] shape(Random r, int maxDims) {
        int nd = r.nextInt(maxDims + 1);
        int[] s = new int[nd];
        for (int i = 0; i < nd; i++) {
            s[i] = SIZES[r.nextInt(SIZES.length)];
        }
        return s;
    }

    /** Like {@link #shape} but with every size at least 1. */
    static int[] nonEmptyShape(Random r, int maxDims) {
        int[] s = shape(r, maxDims);
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(1, s[i]);
        }
        return s;
    }

    /** A shape broadcastable to {@code out}: some leading dims dropped, some sizes replaced by 1. */
    static int[] broadcastableTo(Random r, int[] out) {
        int drop = r.nextInt(out.length + 1);
        int[] s = new int[out.length - drop];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(3) == 0 ? 1 : out[drop + i];
        }
        return s;
    }

    /** Contiguous values of the dtype: small integers (exact in every dtype) or uniform floats, some negative. */
    static NDArray values(Random r, DType t, int[] shape) {
        NDArray x = NDArray.zeros(DType.FLOAT64, shape);
        double[] d = x.storage().doubles();
        for (int i = 0; i < d.length; i++) {
            switch (t) {
                case BOOL:
                    d[i] = r.nextBoolean() ? 1 : 0;
                    break;
                case UINT8:
                    d[i] = r.nextInt(256);
                    break;
                case INT32:
                case INT64:
                    d[i] = r.nextInt(41) - 20;
                    break;
                default:
                    d[i] = r.nextInt(5) == 0 ? r.nextInt(11) - 5 : r.nextDouble() * 8 - 4;
            }
        }
        return x.to(t);
    }

    /** {@link #values} in a random {@link #layout}: the same draws from {@code r}, in the same order. */
    static NDArray laidOutValues(Random r, DType t, int[] shape) {
        return layout(r, values(r, t, shape));
    }

    /** float32 or float64, half the time each. */
    static DType floating(Random r) {
        return r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** The same logical values as {@code x}, stored in a randomly chosen layout (often non-contiguous). */
    static NDArray layout(Random r, NDArray x) {
        int nd = x.dim();
        switch (nd == 0 ? 0 : r.nextInt(4)) {
            case 1: { // permuted storage, permuted back
                int[] perm = permutation(r, nd);
                int[] inv = new int[nd];
                int[] pshape = new int[nd];
                for (int i = 0; i < nd; i++) {
                    inv[perm[i]] = i;
                    pshape[i] = x.size(perm[i]);
                }
                NDArray base = NDArray.zeros(x.dtype(), pshape);
                base.permute(inv).copy_(x);
                return base.permute(inv);
            }
            case 2: { // stepped slice of a larger array, at an offset
                int d = r.nextInt(nd);
                int step = 2 + r.nextInt(2);
                int[] big = x.shapeRef().clone();
                big[d] = big[d] * step + 1;
                NDArray base = NDArray.zeros(x.dtype(), big);
                NDArray v = base.slice(d, 1, big[d], step).narrow(d, 0, x.size(d));
                v.copy_(x);
                return v;
            }
            case 3: { // expanded where the values allow it (size-1 dims), else transposed pair
                NDArray v = x.clone();
                if (nd >= 2) {
                    NDArray t = NDArray.zeros(x.dtype(), swapLast(x.shapeRef()));
                    t.transpose(-1, -2).copy_(x);
                    return t.transpose(-1, -2);
                }
                return v;
            }
            default:
                return x.clone();
        }
    }

    private static int[] swapLast(int[] s) {
        int[] o = s.clone();
        int n = o.length;
        int t = o[n - 1];
        o[n - 1] = o[n - 2];
        o[n - 2] = t;
        return o;
    }

    /** A random permutation of {@code 0..n-1} (Collections.shuffle: the Fisher-Yates draws from {@code r}). */
    static int[] permutation(Random r, int n) {
        List<Integer> p = IntStream.range(0, n).boxed().collect(Collectors.toList());
        Collections.shuffle(p, r);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Row-major multi-index of flat index {@code f} in {@code shape}. */
    static int[] unravel(int f, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = f % shape[d];
            f /= shape[d];
        }
        return idx;
    }

    /** The index into an operand of shape {@code s} broadcast to the index {@code outIdx}. */
    static int[] broadcastIndex(int[] outIdx, int[] s) {
        int lead = outIdx.length - s.length;
        int[] idx = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            idx[i] = s[i] == 1 ? 0 : outIdx[lead + i];
        }
        return idx;
    }

    static String describe(NDArray x) {
        return "shape=" + x.shape() + " strides=" + java.util.Arrays.toString(x.strides()) + " offset="
                + x.storageOffset() + " dtype=" + x.dtype();
    }
}
