package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code F.pad} and the convolutions' non-zero padding modes, against values worked out by hand as PyTorch gives them. */
class PaddingTest {
    private static Tensor row(double... v) {
        return Tensor.of(NDArray.tensor(v).reshape(1, 1, v.length));
    }

    private static double[] values(Tensor t) {
        return t.data().toDouble().contiguous().reshape(-1).toDoubleArray();
    }

    @Test
    void eachModeOnOneRow() {
        Tensor x = row(1, 2, 3);
        int[] two = {2, 2};
        assertArrayEquals(new double[] {3, 2, 1, 2, 3, 2, 1}, values(F.pad(x, two, "reflect", 0)));
        assertArrayEquals(new double[] {1, 1, 1, 2, 3, 3, 3}, values(F.pad(x, two, "replicate", 0)));
        assertArrayEquals(new double[] {2, 3, 1, 2, 3, 1, 2}, values(F.pad(x, two, "circular", 0)));
        assertArrayEquals(new double[] {7, 7, 1, 2, 3, 7, 7}, values(F.pad(x, two, "constant", 7)));
        assertArrayEquals(new double[] {0, 1, 2, 3, 0, 0}, values(F.pad(x, new int[] {1, 2})));
    }

    @Test
    void constantPaddingCropsWithNegativeAmountsAndPadsEarlierDims() {
        Tensor x = Tensor.of(NDArray.arange(6).toDouble().reshape(2, 3));
        // Crop one column at the start of the last dim, add a row of -1 after the first dim.
        Tensor y = F.pad(x, new int[] {-1, 0, 0, 1}, "constant", -1);
        assertArrayEquals(new int[] {3, 2}, y.shape().toArray());
        assertArrayEquals(new double[] {1, 2, 4, 5, -1, -1}, values(y));
    }

    @Test
    void twoDimensionalReflectPadsRowsAndColumns() {
        Tensor x = Tensor.of(NDArray.arange(9).toDouble().reshape(1, 1, 3, 3));
        Tensor y = F.pad(x, new int[] {1, 1, 1, 0}, "reflect", 0);
        assertArrayEquals(new int[] {1, 1, 4, 5}, y.shape().toArray());
        assertArrayEquals(new double[] {4, 3, 4, 5, 4, 1, 0, 1, 2, 1, 4, 3, 4, 5, 4, 7, 6, 7, 8, 7}, values(y));
    }

    @Test
    void gradientSumsOverTheCopies() {
        Tensor x = row(1, 2, 3).requiresGrad_();
        F.pad(x, new int[] {2, 2}, "reflect", 0).sum().backward();
        assertArrayEquals(new double[] {2, 3, 2}, values(x.grad()));
        Tensor z = row(1, 2, 3).requiresGrad_();
        F.pad(z, new int[] {1, 2}, "replicate", 0).sum().backward();
        assertArrayEquals(new double[] {2, 1, 3}, values(z.grad()));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random r = new Random(4);
        NDArray x = NDArray.tensor(r.doubles(2 * 3 * 4 * 5).toArray()).reshape(2, 3, 4, 5);
        for (String mode : Padding.MODES) {
            GradCheck.check(in -> F.pad(in, new int[] {2, 1, 3, 0}, mode, 0.5), x, mode);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        Tensor x = row(1, 2, 3);
        assertEquals(
                "Padding length must be divisible by 2, but got 3",
                assertThrows(IllegalArgumentException.class, () -> F.pad(x, new int[] {1, 1, 1}))
                        .getMessage());
        assertEquals(
                "Padding size should be less than the corresponding input dimension, but got: padding (3, 0) at "
                        + "dimension 2 of input [1, 1, 3]",
                assertThrows(IllegalArgumentException.class, () -> F.pad(x, new int[] {3, 0}, "reflect", 0))
                        .getMessage());
        assertEquals(
                "Padding value causes wrapping around more than once: padding (0, 4) at dimension 2 of input [1, 1, 3]",
                assertThrows(IllegalArgumentException.class, () -> F.pad(x, new int[] {0, 4}, "circular", 0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.pad(x, new int[] {1, 1}, "wrap", 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> F.pad(Tensor.of(NDArray.arange(3).toDouble()), new int[] {1, 1}, "reflect", 0));
    }

    @Test
    void convolutionPadsByItsModeThenConvolvesUnpadded() {
        for (String mode : new String[] {"reflect", "replicate", "circular"}) {
            Conv2d conv = new Conv2d(
                    2,
                    3,
                    3,
                    ConvOptions.defaults()
                            .padding(new int[] {1, 2})
                            .paddingMode(mode)
                            .generator(new Generator(1)));
            assertEquals(
                    "Conv2d(2, 3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 2), padding_mode=" + mode + ")",
                    conv.toString());
            Tensor x = Tensor.of(NDArray.randn(new Generator(2), 2, 2, 5, 6));
            Tensor expected = F.conv2d(
                    F.pad(x, new int[] {2, 2, 1, 1}, mode, 0),
                    conv.weight,
                    conv.bias,
                    new int[] {1, 1},
                    new int[] {0, 0},
                    new int[] {1, 1},
                    1);
            Tensor y = conv.forward(x);
            assertArrayEquals(new int[] {2, 3, 5, 8}, y.shape().toArray());
            assertArrayEquals(values(expected), values(y), mode);

            Conv1d same = new Conv1d(
                    2,
                    2,
                    4,
                    ConvOptions.defaults().padding("same").paddingMode(mode).generator(new Generator(3)));
            Tensor s = Tensor.of(NDArray.randn(new Generator(4), 1, 2, 7));
            Tensor expected1 = F.conv1d(F.pad(s, new int[] {1, 2}, mode, 0), same.weight, same.bias, 1, 0, 1, 1);
            assertArrayEquals(values(expected1), values(same.forward(s)), mode + " same");
        }
    }

    @Test
    void float32StaysFloat32() {
        Tensor x = Tensor.of(NDArray.arange(4).toFloat().reshape(1, 4));
        assertEquals(DType.FLOAT32, F.pad(x, new int[] {1, 1}, "replicate", 0).dtype());
        assertEquals(DType.FLOAT32, F.pad(x, new int[] {1, 1}).dtype());
    }
}
