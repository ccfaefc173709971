package dev.jgrad.tensor.kernel;

/**
 * max_pool2d over one plane with any window (kernel, stride, padding, dilation): the float32 loop.
 * The build writes the float64 loop, class DoubleMaxPool, from this file
 * (tensor-core/src/build/GenerateDouble.java). The 2x2 windows of a CNN have their own kernels
 * ({@link Kernels#maxPool2x2}).
 */
public final class FloatMaxPool {
    private FloatMaxPool() {}

    /**
     * Writes the maximum of each window of the plane at {@code x[xb..]} (row-major) to
     * {@code out[ob..]}, and where {@code idx} is not null the index of the maximum within the plane
     * ({@code h*W + w}) to {@code idx[ob..]}. A NaN is the maximum of any window holding one (the
     * first NaN), and of equal values the first counts, as in PyTorch.
     *
     * @param geometry {@code {h, w, kH, kW, sH, sW, pH, pW, dH, dW, outH, outW}}: the plane's height and
     *     width, the kernel, stride, padding and dilation (height, then width), the output's height
     *     and width
     * @param x the input planes
     * @param xb where the plane starts in {@code x}
     * @param out the output planes
     * @param idx the index planes, or null for none
     * @param ob where the output plane starts in {@code out} and {@code idx}
     */
    public static void plane(int[] geometry, float[] x, int xb, float[] out, int[] idx, int ob) {
        int h = geometry[0];
        int w = geometry[1];
        int kH = geometry[2];
        int kW = geometry[3];
        int sH = geometry[4];
        int sW = geometry[5];
        int pH = geometry[6];
        int pW = geometry[7];
        int dH = geometry[8];
        int dW = geometry[9];
        int outH = geometry[10];
        int outW = geometry[11];
        for (int oh = 0; oh < outH; oh++) {
            int hs = oh * sH - pH;
            int i0 = firstTap(hs, dH);
            int i1 = endTap(hs, dH, kH, h);
            for (int ow = 0; ow < outW; ow++) {
                int ws = ow * sW - pW;
                int j0 = firstTap(ws, dW);
                int j1 = endTap(ws, dW, kW, w);
                float best = Float.NEGATIVE_INFINITY;
                int at = (hs + i0 * dH) * w + ws + j0 * dW;
                for (int i = i0; i < i1; i++) {
                    int row = (hs + i * dH) * w + ws;
                    for (int j = j0; j < j1; j++) {
                        float v = x[xb + row + j * dW];
                        if (v > best || Float.isNaN(v)) {
                            best = v;
                            at = row + j * dW;
                        }
                    }
                }
                out[ob + oh * outW + ow] = best;
                if (idx != null) {
                    idx[ob + oh * outW + ow] = at;
                }
            }
        }
    }

    /** First kernel tap (0..k) whose position {@code start + tap*dil} is at least 0. */
    private static int firstTap(int start, int dil) {
        return start >= 0 ? 0 : (-start + dil - 1) / dil;
    }

    /** One past the last kernel tap whose position is below {@code size}. */
    private static int endTap(int start, int dil, int k, int size) {
        return start >= size ? 0 : Math.min(k, (size - 1 - start) / dil + 1);
    }
}
