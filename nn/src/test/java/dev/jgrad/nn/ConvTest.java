package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvTest {

    private static NDArray random(Random r, DType t, int... shape) {
        return ConvReference.uniform(r, shape).to(t);
    }

    @Test
    void forwardMatchesTheDirectLoopsOnOddShapesAndEverySetting() {
        Random r = new Random(7);
        for (int groups = 1; groups <= 2; groups++) {
            for (int stride = 1; stride <= 3; stride++) {
                for (int pad = 0; pad <= 2; pad++) {
                    for (int dil = 1; dil <= 2; dil++) {
                        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                            NDArray x = random(r, t, 3, 2 * groups, 7, 9);
                            NDArray w = random(r, t, 2 * groups, 2, 3, 2);
                            NDArray b = random(r, t, 2 * groups);
                            int[] st = {stride, stride + (stride == 3 ? -1 : 0)};
                            Tensor y = F.conv2d(
                                    Tensor.of(x),
                                    Tensor.of(w),
                                    Tensor.of(b),
                                    st,
                                    new int[] {pad, pad},
                                    new int[] {dil, dil},
                                    groups);
                            int[] shape = new int[4];
                            double[] expected = ConvReference.conv2d(
                                    x.toDoubleArray(),
                                    x.shape().toArray(),
                                    w.toDoubleArray(),
                                    w.shape().toArray(),
                                    b.toDoubleArray(),
                                    st,
                                    new int[] {pad, pad, pad, pad},
                                    new int[] {dil, dil},
                                    groups,
                                    shape);
                            assertArrayEquals(shape, y.shape().toArray());
                            assertArrayEquals(
                                    expected,
                                    y.toDoubleArray(),
                                    t == DType.FLOAT32 ? 1e-5 : 1e-12,
                                    "groups " + groups + " stride " + stride + " pad " + pad + " dil " + dil + " " + t);
                        }
                    }
                }
            }
        }
    }

    @Test
    void nonContiguousInputsAndWeightsGiveTheSameResult() {
        Random r = new Random(3);
        NDArray x = random(r, DType.FLOAT32, 2, 3, 9, 8);
        NDArray w = random(r, DType.FLOAT32, 4, 3, 3, 3);
        NDArray xt = x.transpose(2, 3).contiguous().transpose(2, 3);
        NDArray wt = w.permute(1, 0, 2, 3).contiguous().permute(1, 0, 2, 3);
        Tensor a = F.conv2d(Tensor.of(x), Tensor.of(w), null, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        Tensor b =
                F.conv2d(Tensor.of(xt), Tensor.of(wt), null, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        assertTrue(a.equal(b));
    }

    @Test
    void resultsAreTheSameBitsForAnyThreadCount() {
        Random r = new Random(5);
        NDArray x = random(r, DType.FLOAT32, 8, 4, 12, 12);
        NDArray w = random(r, DType.FLOAT32, 6, 4, 3, 3);
        int before = NDArray.getNumThreads();
        try {
            NDArray[] one = convAndGrads(x, w, 1);
            NDArray[] three = convAndGrads(x, w, 3);
            for (int i = 0; i < one.length; i++) {
                assertTrue(one[i].equal(three[i]), "output " + i);
            }
        } finally {
            NDArray.setNumThreads(before);
        }
    }

    private static NDArray[] convAndGrads(NDArray x, NDArray w, int threads) {
        NDArray.setNumThreads(threads);
        Tensor xt = Tensor.of(x.clone()).requiresGrad_();
        Tensor wt = Tensor.of(w.clone()).requiresGrad_();
        Tensor y = F.conv2d(xt, wt, null, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        y.mul(y).sum().backward();
        return new NDArray[] {y.data(), xt.grad().data(), wt.grad().data()};
    }

    @Test
    void sameAndValidPadding() {
        Tensor x = Tensor.randn(1, 2, 6, 5);
        Tensor w = Tensor.randn(3, 2, 4, 3);
        int[] one = {1, 1};
        Tensor same = F.conv2d(x, w, null, one, "same", one, 1);
        assertArrayEquals(new int[] {1, 3, 6, 5}, same.shape().toArray());
        // An even kernel pads one more at the bottom: (top 1, bottom 2), as PyTorch.
        int[] shape = new int[4];
        double[] expected = ConvReference.conv2d(
                x.data().toDouble().toDoubleArray(),
                x.shape().toArray(),
                w.data().toDouble().toDoubleArray(),
                w.shape().toArray(),
                null,
                one,
                new int[] {1, 2, 1, 1},
                one,
                1,
                shape);
        assertArrayEquals(expected, same.toDoubleArray(), 1e-5);
        assertArrayEquals(
                new int[] {1, 3, 3, 3},
                F.conv2d(x, w, null, one, "valid", one, 1).shape().toArray());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> F.conv2d(x, w, null, new int[] {2, 2}, "same", one, 1));
        assertEquals("padding='same' is not supported for strided convolutions", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.conv2d(x, w, null, one, "full", one, 1));
        assertEquals("Invalid padding string: 'full'", e.getMessage());
    }

    @Test
    void unbatchedInputs() {
        Tensor x = Tensor.randn(2, 5, 5);
        Tensor w = Tensor.randn(3, 2, 3, 3);
        Tensor batched = F.conv2d(x.unsqueeze(0), w);
        Tensor single = F.conv2d(x, w);
        assertArrayEquals(new int[] {3, 3, 3}, single.shape().toArray());
        assertTrue(single.equal(batched.squeeze(0)));
    }

    @Test
    void errorsAreWordedAsPyTorchWordsThem() {
        Conv2d conv = new Conv2d(1, 32, 3, ConvOptions.defaults().padding(1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> conv.call(Tensor.zeros(28, 28)));
        assertEquals(
                "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [28, 28]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> conv.call(Tensor.zeros(100, 3, 28, 28)));
        assertEquals(
                "Given groups=1, weight of size [32, 1, 3, 3], expected input[100, 3, 28, 28] to have 1 channels,"
                        + " but got 3 channels instead",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> conv.call(Tensor.zeros(3, 28, 28)));
        assertEquals(
                "Given groups=1, weight of size [32, 1, 3, 3], expected input[1, 3, 28, 28] to have 1 channels,"
                        + " but got 3 channels instead",
                e.getMessage());
        Conv2d big = new Conv2d(1, 2, 5);
        e = assertThrows(IllegalArgumentException.class, () -> big.call(Tensor.zeros(1, 1, 4, 6)));
        assertEquals(
                "Calculated padded input size per channel: (4 x 6). Kernel size: (5 x 5). Kernel size can't be"
                        + " greater than actual input size",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Conv2d(3, 4, 3, ConvOptions.defaults().groups(2)));
        assertEquals("in_channels must be divisible by groups", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Conv2d(4, 3, 3, ConvOptions.defaults().groups(2)));
        assertEquals("out_channels must be divisible by groups", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> conv2dOfZeros(new int[] {1, 4, 5, 5}, new int[] {3, 2, 3, 3}, new int[] {1, 1}, 2));
        assertEquals(
                "Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size"
                        + " [3, 2, 3, 3] instead",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> F.conv2d(Tensor.zeros(1, 1, 5, 5), Tensor.zeros(DType.FLOAT64, 2, 1, 3, 3)));
        assertEquals("Input type (float) and weight type (double) should be the same", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> conv2dOfZeros(new int[] {1, 1, 5, 5}, new int[] {2, 1, 3, 3}, new int[] {0, 1}, 1));
        assertEquals("non-positive stride is not supported", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Conv2d(1, 2, 3, ConvOptions.defaults().paddingMode("wrap")));
        assertEquals(
                "padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='wrap'",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Conv2d(1, 2, 3, ConvOptions.defaults().padding("full")));
        assertEquals("Invalid padding string 'full', should be one of {'valid', 'same'}", e.getMessage());
    }

    @Test
    void conv2dPrintsAndInitialisesAsPyTorch() {
        Conv2d conv = new Conv2d(1, 32, 3, ConvOptions.defaults().padding(1).generator(new Generator(0)));
        assertEquals("Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))", conv.toString());
        assertEquals(
                "Conv2d(4, 8, kernel_size=(3, 5), stride=(1, 1), padding=same, dilation=(2, 2), groups=2, bias=False)",
                new Conv2d(
                                4,
                                8,
                                new int[] {3, 5},
                                ConvOptions.defaults()
                                        .stride(1, 1)
                                        .padding("same")
                                        .dilation(2)
                                        .groups(2)
                                        .bias(false))
                        .toString());
        assertEquals("Conv1d(2, 4, kernel_size=(3,), stride=(1,))", new Conv1d(2, 4, 3).toString());
        assertArrayEquals(new int[] {32, 1, 3, 3}, conv.weight.shape().toArray());
        // kaiming_uniform(a=√5) over fan_in = 9: U(-1/3, 1/3); the bias from U(-1/3, 1/3) as well.
        double bound = 1.0 / 3;
        assertTrue(conv.weight.abs().max().item() <= bound);
        assertTrue(conv.weight.abs().max().item() > 0.9 * bound);
        assertTrue(conv.bias.abs().max().item() <= bound);
        assertEquals("[weight, bias]", conv.namedParameters().keySet().toString());
    }

    @Test
    void conv1dIsConv2dOfHeightOne() {
        Random r = new Random(11);
        NDArray x = random(r, DType.FLOAT64, 3, 4, 11);
        NDArray w = random(r, DType.FLOAT64, 6, 2, 3);
        NDArray b = random(r, DType.FLOAT64, 6);
        Tensor y = F.conv1d(Tensor.of(x), Tensor.of(w), Tensor.of(b), 2, 1, 2, 2);
        int[] shape = new int[4];
        double[] expected = ConvReference.conv2d(
                x.toDoubleArray(),
                new int[] {3, 4, 1, 11},
                w.toDoubleArray(),
                new int[] {6, 2, 1, 3},
                b.toDoubleArray(),
                new int[] {1, 2},
                new int[] {0, 0, 1, 1},
                new int[] {1, 2},
                2,
                shape);
        assertArrayEquals(new int[] {3, 6, shape[3]}, y.shape().toArray());
        assertArrayEquals(expected, y.toDoubleArray(), 1e-12);
        Conv1d layer = new Conv1d(4, 6, 3, ConvOptions.defaults().padding("same"));
        assertArrayEquals(
                new int[] {4, 6, 11}, layer.call(Tensor.randn(4, 4, 11)).shape().toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.call(Tensor.zeros(4)));
        assertEquals(
                "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [4]", e.getMessage());
    }

    @Test
    void float32GradientsAgreeWithFloat64OnesAtTheCnnsShapes() {
        Random r = new Random(21);
        int[][] layers = {{20, 1, 28, 8}, {20, 8, 14, 16}};
        for (int[] l : layers) {
            NDArray x = random(r, DType.FLOAT64, l[0], l[1], l[2], l[2]);
            NDArray w = random(r, DType.FLOAT64, l[3], l[1], 3, 3);
            NDArray b = random(r, DType.FLOAT64, l[3]);
            NDArray g = random(r, DType.FLOAT64, l[0], l[3], l[2], l[2]);
            NDArray[] d64 = grads(x, w, b, g);
            NDArray[] d32 = grads(x.toFloat(), w.toFloat(), b.toFloat(), g.toFloat());
            for (int i = 0; i < 4; i++) {
                double scale = d64[i].abs().max().item();
                double err = d32[i].toDouble().sub(d64[i]).abs().max().item();
                assertTrue(
                        err <= 1e-5 * Math.max(1, scale), "layer " + l[1] + "->" + l[3] + " output " + i + ": " + err);
            }
        }
    }

    private static NDArray[] grads(NDArray x, NDArray w, NDArray b, NDArray g) {
        Tensor xt = Tensor.of(x).requiresGrad_();
        Tensor wt = Tensor.of(w).requiresGrad_();
        Tensor bt = Tensor.of(b).requiresGrad_();
        Tensor y = F.conv2d(xt, wt, bt, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        y.backward(Tensor.of(g));
        return new NDArray[] {
            y.data(), xt.grad().data(), wt.grad().data(), bt.grad().data()
        };
    }

    /** {@code F.conv2d} of zero tensors of the given shapes: no bias, no padding, dilation 1. */
    private static Tensor conv2dOfZeros(int[] inputShape, int[] weightShape, int[] stride, int groups) {
        return F.conv2d(
                Tensor.zeros(inputShape),
                Tensor.zeros(weightShape),
                null,
                stride,
                new int[] {0, 0},
                new int[] {1, 1},
                groups);
    }
}
