package dev.jgrad.tensor.kernel;

/** The scalar references of the 2x2, stride-2 max pool and of the max-pool gradient for disjoint windows. */
final class ScalarPool {
    private ScalarPool() {}

    static void maxPool2x2(
            int outH, int outW, float[] x, int xOff, int w, float[] out, int outOff, int[] idx, int idxOff) {
        for (int oh = 0; oh < outH; oh++) {
            int r0 = 2 * oh * w;
            int r1 = r0 + w;
            row(outW, 0, x, xOff, r0, r1, out, outOff + oh * outW, idx, idxOff + oh * outW);
        }
    }

    /**
     * Outputs [from, outW) of one output row: a pair-wise tree (top pair, bottom pair, then the two)
     * in which a later element wins only when greater or NaN. That is the same winner as PyTorch's
     * scan in window order: the first maximum, or the last NaN.
     */
    static void row(int outW, int from, float[] x, int xOff, int r0, int r1, float[] out, int o, int[] idx, int io) {
        for (int ow = from; ow < outW; ow++) {
            int c = 2 * ow;
            float a = x[xOff + r0 + c];
            float b = x[xOff + r0 + c + 1];
            float cc = x[xOff + r1 + c];
            float d = x[xOff + r1 + c + 1];
            boolean tb = b > a || b != b;
            float t = tb ? b : a;
            boolean td = d > cc || d != d;
            float u = td ? d : cc;
            boolean tu = u > t || u != u;
            out[o + ow] = tu ? u : t;
            if (idx != null) {
                idx[io + ow] = tu ? r1 + c + (td ? 1 : 0) : r0 + c + (tb ? 1 : 0);
            }
        }
    }

    static void maxPoolBackward(int n, float[] g, int gOff, int[] idx, int idxOff, float[] dx, int dxOff) {
        for (int k = 0; k < n; k++) {
            dx[dxOff + idx[idxOff + k]] = 0f + g[gOff + k];
        }
    }
}
