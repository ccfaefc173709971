package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.ValuesIndices;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PoolingTest {
    private static final Tensor GRID =
            Tensor.of(NDArray.arange(0.0, 20.0, 1.0).toFloat().view(1, 1, 4, 5));

    @Test
    void maxPoolTakesWindowMaximaAndTheirIndices() {
        ValuesIndices<Tensor> r =
                F.maxPool2dWithIndices(GRID, new int[] {2}, null, new int[] {0}, new int[] {1}, false);
        assertArrayEquals(new float[] {6, 8, 16, 18}, r.values().toFloatArray());
        assertArrayEquals(new long[] {6, 8, 16, 18}, r.indices().toLongArray());
        // ceil_mode keeps the partial last column; padding 1 with stride 2 starts windows at -1.
        Tensor ceil = F.maxPool2d(GRID, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, true);
        assertArrayEquals(new float[] {6, 8, 9, 16, 18, 19}, ceil.toFloatArray());
        Tensor padded =
                F.maxPool2d(GRID, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, false);
        assertArrayEquals(new float[] {6, 8, 9, 16, 18, 19}, padded.toFloatArray());
        Tensor dilated =
                F.maxPool2d(GRID, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0}, new int[] {2, 2}, false);
        assertArrayEquals(new float[] {12, 13, 14, 17, 18, 19}, dilated.toFloatArray());
    }

    @Test
    void maxPoolPropagatesNaN() {
        Tensor x = Tensor.tensor(new float[] {1, Float.NaN, 3, 4}).view(1, 1, 2, 2);
        ValuesIndices<Tensor> r = F.maxPool2dWithIndices(x, new int[] {2}, null, new int[] {0}, new int[] {1}, false);
        assertTrue(Float.isNaN(r.values().toFloatArray()[0]));
        assertEquals(1, r.indices().toLongArray()[0]);
    }

    /** A max-pool case: a (2, 3, h, w) input and a square window, drawn by {@link #poolCases}. */
    record PoolCase(int trial, int h, int w, int k, int s, int p, int d, boolean ceil) {
        /** Whether the window fits the padded input (PyTorch rejects it otherwise). */
        boolean fits() {
            return h + 2 * p - d * (k - 1) - 1 >= 0 && w + 2 * p - d * (k - 1) - 1 >= 0;
        }

        int[] kernel() {
            return new int[] {k, k};
        }

        int[] stride() {
            return new int[] {s, s};
        }

        int[] padding() {
            return new int[] {p, p};
        }

        int[] dilation() {
            return new int[] {d, d};
        }
    }

    /** 30 cases from a seeded generator, the 2x2, stride-2 fast path first; those that don't fit are dropped. */
    static List<PoolCase> poolCases() {
        Random r = new Random(12);
        List<PoolCase> cases = new ArrayList<>();
        for (int trial = 0; trial < 30; trial++) {
            boolean pairs = trial < 6;
            int h = 1 + r.nextInt(9);
            int w = 1 + r.nextInt(9);
            int k = pairs ? 2 : 1 + r.nextInt(3);
            int s = pairs ? 2 : 1 + r.nextInt(3);
            int p = pairs ? 0 : r.nextInt(k / 2 + 1);
            int d = pairs ? 1 : 1 + r.nextInt(2);
            PoolCase c = new PoolCase(trial, h, w, k, s, p, d, r.nextBoolean());
            if (c.fits()) {
                cases.add(c);
            }
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("poolCases")
    void maxPoolMatchesAScalarReferenceOnRandomShapes(PoolCase pool) {
        // ReLU'd: many ties at 0, where the first element in window order must win, as in PyTorch.
        Tensor x = Tensor.randn(2, 3, pool.h(), pool.w()).relu();
        ValuesIndices<Tensor> vi =
                F.maxPool2dWithIndices(x, pool.kernel(), pool.stride(), pool.padding(), pool.dilation(), pool.ceil());
        Tensor y = vi.values();
        assertTrue(y.equal(F.maxPool2d(x, pool.kernel(), pool.stride(), pool.padding(), pool.dilation(), pool.ceil())));
        int oh = y.size(2);
        int ow = y.size(3);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double best = Double.NEGATIVE_INFINITY;
                        long at = -1;
                        for (int a = 0; a < pool.k(); a++) {
                            for (int b = 0; b < pool.k(); b++) {
                                int ih = i * pool.s() - pool.p() + a * pool.d();
                                int iw = j * pool.s() - pool.p() + b * pool.d();
                                if (ih >= 0
                                        && ih < pool.h()
                                        && iw >= 0
                                        && iw < pool.w()
                                        && (at < 0 || x.getDouble(n, c, ih, iw) > best)) {
                                    best = x.getDouble(n, c, ih, iw);
                                    at = (long) ih * pool.w() + iw;
                                }
                            }
                        }
                        assertEquals(best, y.getDouble(n, c, i, j), "case " + pool);
                        assertEquals(at, vi.indices().getLong(n, c, i, j), "case " + pool);
                    }
                }
            }
        }
    }

    @Test
    void avgPoolCountsPaddingAsAsked() {
        Tensor withPad = F.avgPool2d(GRID, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, false, true, 0);
        Tensor withoutPad = F.avgPool2d(GRID, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, false, false, 0);
        // The corner window holds one element (0) plus three zeros of padding.
        assertEquals(0.0, withPad.getDouble(0, 0, 0, 0));
        assertEquals((1 + 2) / 4.0, withPad.getDouble(0, 0, 0, 1), 1e-6);
        assertEquals((1 + 2) / 2.0, withoutPad.getDouble(0, 0, 0, 1), 1e-6);
        assertArrayEquals(
                new float[] {3, 5, 13, 15}, new AvgPool2d(2).call(GRID).toFloatArray());
    }

    @Test
    void adaptiveAvgPoolTilesTheInput() {
        Tensor y = new AdaptiveAvgPool2d(2, 3).call(GRID);
        assertArrayEquals(new int[] {1, 1, 2, 3}, y.shape().toArray());
        // Rows [0, 2) and [2, 4); columns [0, 2), [1, 4), [3, 5).
        assertEquals((0 + 1 + 5 + 6) / 4.0, y.getDouble(0, 0, 0, 0), 1e-6);
        assertEquals((1 + 2 + 3 + 6 + 7 + 8) / 6.0, y.getDouble(0, 0, 0, 1), 1e-6);
        assertEquals(GRID.mean().item(), new AdaptiveAvgPool2d(1).call(GRID).item(), 1e-6);
        assertEquals("AdaptiveAvgPool2d(output_size=(2, 3))", new AdaptiveAvgPool2d(2, 3).toString());
    }

    @Test
    void poolingErrorsAreWordedAsPyTorchWordsThem() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> F.maxPool2d(GRID, new int[] {2, 2}, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, false));
        assertEquals(
                "pad should be smaller than or equal to half of kernel size, but got padW = 2, padH = 2, kW = 2, kH = 2",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(5).call(GRID));
        assertEquals(
                "Given input size: (1x4x5). Calculated output size: (1x0x1). Output size is too small", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(2).call(Tensor.zeros(4, 4)));
        assertEquals("non-empty 3D or 4D (batch mode) tensor expected for input", e.getMessage());
        MaxPool2d withIndices = new MaxPool2d(new int[] {2}, null, new int[] {0}, new int[] {1}, true, false);
        assertThrows(IllegalStateException.class, () -> withIndices.call(GRID));
        assertArrayEquals(
                new long[] {6, 8, 16, 18},
                withIndices.forwardWithIndices(GRID).indices().toLongArray());
    }

    @Test
    void modulesPrintAsPyTorch() {
        assertEquals(
                "MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(2).toString());
        assertEquals(
                "MaxPool2d(kernel_size=(3, 2), stride=(2, 1), padding=1, dilation=1, ceil_mode=True)",
                new MaxPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1}, new int[] {1}, false, true)
                        .toString());
        assertEquals("AvgPool2d(kernel_size=2, stride=2, padding=0)", new AvgPool2d(2).toString());
        assertEquals("Dropout2d(p=0.5, inplace=False)", new Dropout2d().toString());
        assertEquals("Unflatten(dim=1, unflattened_size=(1, 28, 28))", new Unflatten(1, 1, 28, 28).toString());
    }

    @Test
    void theCnnOfTheReferencePrintsAndShapesAsPyTorch() {
        Sequential cnn = new Sequential(
                new Unflatten(1, 1, 28, 28),
                new Conv2d(1, 32, 3, ConvOptions.defaults().padding(1)),
                new ReLU(),
                new MaxPool2d(2),
                new Conv2d(32, 64, 3, ConvOptions.defaults().padding(1)),
                new ReLU(),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(7 * 7 * 64, 10));
        assertEquals(
                String.join(
                        "\n",
                        "Sequential(",
                        "  (0): Unflatten(dim=1, unflattened_size=(1, 28, 28))",
                        "  (1): Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
                        "  (2): ReLU()",
                        "  (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                        "  (4): Conv2d(32, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
                        "  (5): ReLU()",
                        "  (6): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                        "  (7): Flatten(start_dim=1, end_dim=-1)",
                        "  (8): Linear(in_features=3136, out_features=10, bias=True)",
                        ")"),
                cnn.toString());
        assertEquals(
                "[1.weight, 1.bias, 4.weight, 4.bias, 8.weight, 8.bias]",
                cnn.stateDict().keySet().toString());
        Tensor x = Tensor.rand(5, 784);
        Tensor y = cnn.call(x);
        assertArrayEquals(new int[] {5, 10}, y.shape().toArray());
        y.sum().backward();
        assertArrayEquals(
                new int[] {32, 1, 3, 3}, cnn.parameters().get(0).grad().shape().toArray());
    }

    @Test
    void batchNorm2dNormalisesEachChannelAndKeepsPyTorchsState() {
        BatchNorm2d bn = new BatchNorm2d(3);
        Tensor x = Tensor.randn(4, 3, 5, 5).mul(2).add(1);
        Tensor y = bn.call(x);
        for (int c = 0; c < 3; c++) {
            Tensor ch = y.narrow(1, c, 1);
            assertEquals(0, ch.mean().item(), 1e-5);
        }
        assertEquals(
                "[weight, bias, running_mean, running_var, num_batches_tracked]",
                bn.stateDict().keySet().toString());
        assertEquals(1, bn.numBatchesTracked().itemLong());
        double mean0 = x.narrow(1, 0, 1).mean().item();
        assertEquals(0.1 * mean0, bn.runningMean().getDouble(0), 1e-5);
        bn.eval();
        Tensor z = bn.call(x);
        double expected = (x.getDouble(0, 0, 0, 0) - bn.runningMean().getDouble(0))
                / Math.sqrt(bn.runningVar().getDouble(0) + 1e-5);
        assertEquals(expected, z.getDouble(0, 0, 0, 0), 1e-5);
        assertEquals("BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", bn.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.call(Tensor.zeros(2, 3, 4)));
        assertEquals("expected 4D input (got 3D input)", e.getMessage());
    }

    @Test
    void dropout2dZeroesWholeChannels() {
        Dropout2d d = new Dropout2d(0.5);
        Tensor y = d.call(Tensor.ones(8, 16, 3, 3));
        int zeroed = 0;
        for (int n = 0; n < 8; n++) {
            for (int c = 0; c < 16; c++) {
                double first = y.getDouble(n, c, 0, 0);
                assertTrue(first == 0 || first == 2);
                assertEquals(first * 9, y.narrow(0, n, 1).narrow(1, c, 1).sum().item(), 1e-6);
                zeroed += first == 0 ? 1 : 0;
            }
        }
        assertTrue(zeroed > 20 && zeroed < 108, "zeroed " + zeroed);
        d.eval();
        Tensor x = Tensor.ones(2, 2, 2, 2);
        assertTrue(x == d.call(x));
    }
}
