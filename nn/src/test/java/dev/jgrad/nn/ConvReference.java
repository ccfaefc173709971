package dev.jgrad.nn;

import dev.jgrad.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;

/** The direct seven-loop convolution and a direct max pool, in float64: what the fast kernels must match. */
final class ConvReference {
    private ConvReference() {}

    /** A float64 tensor of {@code shape} with entries drawn uniformly from [-1, 1) by {@code r}, in order. */
    static NDArray uniform(Random r, int... shape) {
        double[] v = new double[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return NDArray.wrap(v, shape);
    }

    /** x (N, C, H, W), w (OC, C/g, kH, kW), b (OC) or null; padding (top, bottom, left, right). */
    static double[] conv2d(
            double[] x,
            int[] xs,
            double[] w,
            int[] ws,
            double[] b,
            int[] stride,
            int[] pad,
            int[] dil,
            int groups,
            int[] outShape) {
        int n = xs[0];
        int c = xs[1];
        int h = xs[2];
        int wd = xs[3];
        int oc = ws[0];
        int cg = ws[1];
        int kh = ws[2];
        int kw = ws[3];
        int oh = (h + pad[0] + pad[1] - dil[0] * (kh - 1) - 1) / stride[0] + 1;
        int ow = (wd + pad[2] + pad[3] - dil[1] * (kw - 1) - 1) / stride[1] + 1;
        outShape[0] = n;
        outShape[1] = oc;
        outShape[2] = oh;
        outShape[3] = ow;
        double[] out = new double[n * oc * oh * ow];
        int ocg = oc / groups;
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < oc; o++) {
                int g = o / ocg;
                for (int y = 0; y < oh; y++) {
                    for (int z = 0; z < ow; z++) {
                        double s = b == null ? 0 : b[o];
                        for (int ci = 0; ci < cg; ci++) {
                            for (int p = 0; p < kh; p++) {
                                for (int q = 0; q < kw; q++) {
                                    int iy = y * stride[0] - pad[0] + p * dil[0];
                                    int ix = z * stride[1] - pad[2] + q * dil[1];
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                        s += x[((i * c + g * cg + ci) * h + iy) * wd + ix]
                                                * w[((o * cg + ci) * kh + p) * kw + q];
                                    }
                                }
                            }
                        }
                        out[((i * oc + o) * oh + y) * ow + z] = s;
                    }
                }
            }
        }
        return out;
    }
}
