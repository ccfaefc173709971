package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Convolution and pooling gradients against float64 central differences: batch 1 and 3, odd
 * spatial sizes, every stride, padding and dilation from 1 (0 for padding) to 3, groups 1 and 2,
 * and non-contiguous inputs. Sizes are small so the whole matrix runs in seconds.
 */
class ConvGradTest {

    @Test
    void conv2dInputWeightAndBiasGradients() {
        Random r = new Random(1);
        int checked = 0;
        for (int batch : new int[] {1, 3}) {
            for (int groups = 1; groups <= 2; groups++) {
                for (int stride = 1; stride <= 3; stride++) {
                    for (int pad = 0; pad <= 3; pad++) {
                        for (int dil = 1; dil <= 3; dil++) {
                            // Kernel 3 x 2 on a 7 x 5 input: every setting fits (a dilated 7 x 4 kernel at most).
                            int[] s = {stride, stride};
                            int[] p = {pad, Math.min(pad, 2)};
                            int[] d = {dil, dil};
                            int g = groups;
                            // Batch 3 keeps to the default padding range to stay quick; batch 1 covers all of it.
                            NDArray x = ConvReference.uniform(r, batch, 2 * g, 5, 7); // transposed below: (N, C, 7, 5)
                            NDArray w = ConvReference.uniform(r, 2 * g, 2, 3, 2);
                            NDArray b = ConvReference.uniform(r, 2 * g);
                            Tensor wt = Tensor.of(w);
                            Tensor bt = Tensor.of(b);
                            Tensor xt = Tensor.of(x.transpose(2, 3).contiguous());
                            String at = "batch " + batch + " groups " + g + " stride " + stride + " pad " + pad
                                    + " dil " + dil;
                            GradCheck.check(in -> F.conv2d(in.transpose(2, 3), wt, bt, s, p, d, g), x, at);
                            GradCheck.check(in -> F.conv2d(xt, in, bt, s, p, d, g), w, at);
                            GradCheck.check(in -> F.conv2d(xt, wt, in, s, p, d, g), b, at);
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(2 * 2 * 3 * 4 * 3, checked);
    }

    @Test
    void conv1dGradients() {
        Random r = new Random(2);
        NDArray x = ConvReference.uniform(r, 3, 4, 9);
        NDArray w = ConvReference.uniform(r, 4, 2, 3);
        Tensor wt = Tensor.of(w);
        GradCheck.check(in -> F.conv1d(in, wt, null, 2, 1, 2, 2), x, "conv1d input");
        Tensor xt = Tensor.of(x);
        GradCheck.check(in -> F.conv1d(xt, in, null, 1, "same", 1, 2), w, "conv1d weight");
    }

    @Test
    void unbatchedConvolutionGradients() {
        Random r = new Random(4);
        NDArray x = ConvReference.uniform(r, 2, 5, 6);
        Tensor w = Tensor.of(ConvReference.uniform(r, 3, 2, 2, 3));
        GradCheck.check(
                in -> F.conv2d(in, w, null, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 1}, 1), x, "unbatched");
    }

    @Test
    void maxPoolGradients() {
        Random r = new Random(5);
        for (int batch : new int[] {1, 3}) {
            for (int k = 1; k <= 3; k++) {
                for (int stride = 1; stride <= 3; stride++) {
                    for (int pad = 0; pad <= k / 2; pad++) {
                        for (int dil = 1; dil <= 2; dil++) {
                            for (boolean ceil : new boolean[] {false, true}) {
                                // Distinct values: no ties, so the max is differentiable.
                                NDArray x = NDArray.randperm(batch * 2 * 7 * 9)
                                        .toDouble()
                                        .div(batch * 2 * 7 * 9)
                                        .view(batch, 2, 9, 7)
                                        .add(ConvReference.uniform(r, batch, 2, 9, 7)
                                                .mul(0.1 / (batch * 2 * 7 * 9)));
                                int[] kk = {k, k};
                                int[] ss = {stride, stride};
                                int[] pp = {pad, pad};
                                int[] dd = {dil, dil};
                                boolean c = ceil;
                                GradCheck.check(
                                        in -> F.maxPool2d(in.transpose(2, 3), kk, ss, pp, dd, c),
                                        x,
                                        "max k " + k + " s " + stride + " p " + pad + " d " + dil + " ceil " + ceil);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void avgPoolGradients() {
        Random r = new Random(6);
        for (int k = 1; k <= 3; k++) {
            for (int stride = 1; stride <= 3; stride++) {
                for (int pad = 0; pad <= k / 2; pad++) {
                    for (boolean include : new boolean[] {false, true}) {
                        for (boolean ceil : new boolean[] {false, true}) {
                            NDArray x = ConvReference.uniform(r, 3, 2, 5, 7);
                            int[] kk = {k, k};
                            int[] ss = {stride, stride};
                            int[] pp = {pad, pad};
                            boolean in2 = include;
                            boolean c = ceil;
                            GradCheck.check(
                                    in -> F.avgPool2d(in.transpose(2, 3), kk, ss, pp, c, in2, 0),
                                    x,
                                    "avg k " + k + " s " + stride + " p " + pad + " include " + include + " ceil "
                                            + ceil);
                        }
                    }
                }
            }
        }
        NDArray x = ConvReference.uniform(r, 1, 2, 5, 7);
        GradCheck.check(
                in -> F.avgPool2d(in, new int[] {3, 2}, new int[] {2, 2}, new int[] {1, 1}, true, true, 5),
                x,
                "divisor override");
    }

    @Test
    void adaptiveAvgPoolGradients() {
        Random r = new Random(8);
        NDArray x = ConvReference.uniform(r, 3, 2, 7, 5);
        GradCheck.check(in -> F.adaptiveAvgPool2d(in, 3, 4), x, "adaptive 3x4");
        GradCheck.check(
                in -> F.adaptiveAvgPool2d(in.transpose(2, 3), 2), ConvReference.uniform(r, 1, 2, 5, 7), "adaptive 2");
    }

    @Test
    void batchNorm2dGradients() {
        Random r = new Random(9);
        BatchNorm2d bn = new BatchNorm2d(2);
        bn.weight.data().copy_(NDArray.tensor(new float[] {1.5f, -0.5f}));
        NDArray x = ConvReference.uniform(r, 3, 2, 3, 5);
        GradCheck.check(in -> bn.call(in), x, "batchnorm2d train");
    }
}
