package dev.jgrad.tensor.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.tensor.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected strings are what PyTorch's torch/_tensor_str.py prints with default options (with
 * {@code torch.} dropped), computed by running its algorithm with CPython's own float formatting.
 * The "tutorial" cases are also printed verbatim in the tutorial's Lab-01.
 */
@Tag("scalar-path")
class TensorFormatterTest {
    private static final double NaN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    record Case(
            String name,
            int[] shape,
            DType dtype,
            TensorFormatter.Elements elems,
            List<String> suffixes,
            String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static TensorFormatter.Elements values(double... v) {
        return new TensorFormatter.Elements() {
            @Override
            public double getDouble(int i) {
                return v[i];
            }

            @Override
            public long getLong(int i) {
                throw new AssertionError("getLong on a floating-point tensor");
            }
        };
    }

    static TensorFormatter.Elements longs(long... v) {
        return new TensorFormatter.Elements() {
            @Override
            public double getDouble(int i) {
                throw new AssertionError("getDouble on an integer tensor");
            }

            @Override
            public long getLong(int i) {
                return v[i];
            }
        };
    }

    /** torch.arange(n, dtype=torch.float32) / d, divided in float32. */
    static TensorFormatter.Elements float32Div(int n, int d) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) i / (float) d;
        }
        return values(v);
    }

    /** torch.arange(n, dtype=torch.float64) / d. */
    static TensorFormatter.Elements float64Div(int n, int d) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (double) i / d;
        }
        return values(v);
    }

    static TensorFormatter.Elements arange(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return longs(v);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "tutorial 1-D",
                        new int[] {7},
                        DType.FLOAT32,
                        values(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0),
                        List.of(),
                        """
                    tensor([0., 1., 2., 3., 4., 5., 6.])"""),
                new Case(
                        "tutorial 2-D",
                        new int[] {4, 3},
                        DType.FLOAT32,
                        values(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0),
                        List.of(),
                        """
                    tensor([[ 1.,  2.,  3.],
                            [ 4.,  5.,  6.],
                            [ 7.,  8.,  9.],
                            [10., 11., 12.]])"""),
                new Case(
                        "tutorial 3-D",
                        new int[] {4, 1, 3},
                        DType.FLOAT32,
                        values(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0),
                        List.of(),
                        """
                    tensor([[[ 0.,  1.,  2.]],

                            [[ 3.,  4.,  5.]],

                            [[ 6.,  7.,  8.]],

                            [[ 9., 10., 11.]]])"""),
                new Case("tutorial mean", new int[] {}, DType.FLOAT32, values(1.5), List.of(), """
                    tensor(1.5000)"""),
                new Case("tutorial scalar zero", new int[] {}, DType.FLOAT32, values(0.0), List.of(), """
                    tensor(0.)"""),
                new Case("tutorial uint8", new int[] {4}, DType.UINT8, longs(1, 0, 0, 1), List.of(), """
                    tensor([1, 0, 0, 1], dtype=uint8)"""),
                new Case("tutorial int64", new int[] {4}, DType.INT64, longs(1, 2, 3, 4), List.of(), """
                    tensor([1, 2, 3, 4])"""),
                new Case("tutorial matmul", new int[] {2, 1}, DType.FLOAT32, values(5.0, 11.0), List.of(), """
                    tensor([[ 5.],
                            [11.]])"""),
                new Case(
                        "fixed mixed",
                        new int[] {3},
                        DType.FLOAT32,
                        values(0.10000000149011612, 2.5, -3.25),
                        List.of(),
                        """
                    tensor([ 0.1000,  2.5000, -3.2500])"""),
                new Case("fixed one", new int[] {1}, DType.FLOAT32, values(1.2345678806304932), List.of(), """
                    tensor([1.2346])"""),
                new Case(
                        "fixed half-even ties",
                        new int[] {3},
                        DType.FLOAT32,
                        values(0.03125, 0.09375, 1.0),
                        List.of(),
                        """
                    tensor([0.0312, 0.0938, 1.0000])"""),
                new Case(
                        "fixed negative rounding",
                        new int[] {3},
                        DType.FLOAT32,
                        values(-0.5, 0.25, -12.125),
                        List.of(),
                        """
                    tensor([ -0.5000,   0.2500, -12.1250])"""),
                new Case(
                        "fixed float64",
                        new int[] {2},
                        DType.FLOAT64,
                        values(0.30000000000000004, 0.3333333333333333),
                        List.of(),
                        """
                    tensor([0.3000, 0.3333], dtype=float64)"""),
                new Case(
                        "fixed 2-D", new int[] {2, 2}, DType.FLOAT32, values(0.5, -1.75, 100.125, 3.0), List.of(), """
                    tensor([[  0.5000,  -1.7500],
                            [100.1250,   3.0000]])"""),
                new Case("fixed at 1e-4", new int[] {2}, DType.FLOAT64, values(0.0001, 0.1), List.of(), """
                    tensor([0.0001, 0.1000], dtype=float64)"""),
                new Case("fixed with zeros", new int[] {3}, DType.FLOAT32, values(0.0, 0.5, -0.0), List.of(), """
                    tensor([0.0000, 0.5000, -0.0000])"""),
                new Case("sci small", new int[] {2}, DType.FLOAT32, values(9.999999747378752e-06, 1.0), List.of(), """
                    tensor([1.0000e-05, 1.0000e+00])"""),
                new Case("sci big", new int[] {2}, DType.FLOAT32, values(1000000000.0, 1.5), List.of(), """
                    tensor([1.0000e+09, 1.5000e+00])"""),
                new Case("sci int ratio", new int[] {2}, DType.FLOAT32, values(1.0, 10000.0), List.of(), """
                    tensor([1.0000e+00, 1.0000e+04])"""),
                new Case("int mode 1000 ratio", new int[] {2}, DType.FLOAT32, values(1.0, 1000.0), List.of(), """
                    tensor([   1., 1000.])"""),
                new Case("sci int big", new int[] {2}, DType.FLOAT32, values(0.0, 200000000.0), List.of(), """
                    tensor([0.0000e+00, 2.0000e+08])"""),
                new Case("sci negative", new int[] {3}, DType.FLOAT64, values(-1.5e-07, 2.0, 0.0), List.of(), """
                    tensor([-1.5000e-07,  2.0000e+00,  0.0000e+00], dtype=float64)"""),
                new Case("sci rounding carry", new int[] {2}, DType.FLOAT64, values(9.99995e-05, 1.0), List.of(), """
                    tensor([9.9999e-05, 1.0000e+00], dtype=float64)"""),
                new Case("sci scalar", new int[] {}, DType.FLOAT32, values(9.999999747378752e-06), List.of(), """
                    tensor(1.0000e-05)"""),
                new Case("sci huge exponent", new int[] {2}, DType.FLOAT64, values(1e+100, 1.0), List.of(), """
                    tensor([1.0000e+100,  1.0000e+00], dtype=float64)"""),
                new Case("nan inf int mode", new int[] {3}, DType.FLOAT32, values(NaN, 1.0, INF), List.of(), """
                    tensor([nan, 1., inf])"""),
                new Case("nan inf fixed", new int[] {3}, DType.FLOAT32, values(NaN, 1.5, -INF), List.of(), """
                    tensor([   nan, 1.5000,   -inf])"""),
                new Case(
                        "nan inf sci",
                        new int[] {4},
                        DType.FLOAT32,
                        values(NaN, 1.0000000116860974e-07, -INF, 0.0),
                        List.of(),
                        """
                    tensor([       nan, 1.0000e-07,       -inf, 0.0000e+00])"""),
                new Case("all nan", new int[] {2}, DType.FLOAT32, values(NaN, NaN), List.of(), """
                    tensor([nan, nan])"""),
                new Case("inf only", new int[] {2}, DType.FLOAT32, values(INF, -INF), List.of(), """
                    tensor([inf, -inf])"""),
                new Case("neg zero", new int[] {2}, DType.FLOAT32, values(-0.0, 0.0), List.of(), """
                    tensor([-0., 0.])"""),
                new Case("scalar nan", new int[] {}, DType.FLOAT32, values(NaN), List.of(), """
                    tensor(nan)"""),
                new Case("scalar neg zero", new int[] {}, DType.FLOAT32, values(-0.0), List.of(), """
                    tensor(-0.)"""),
                new Case("scalar inf", new int[] {}, DType.FLOAT64, values(-INF), List.of(), """
                    tensor(-inf, dtype=float64)"""),
                new Case("ints negative", new int[] {3}, DType.INT64, longs(-1, 20, -300), List.of(), """
                    tensor([  -1,   20, -300])"""),
                new Case("int32", new int[] {2, 2}, DType.INT32, longs(1, -2, 30, 4), List.of(), """
                    tensor([[ 1, -2],
                            [30,  4]], dtype=int32)"""),
                new Case("uint8 255", new int[] {3}, DType.UINT8, longs(0, 255, 7), List.of(), """
                    tensor([  0, 255,   7], dtype=uint8)"""),
                new Case("bool", new int[] {3}, DType.BOOL, longs(1, 0, 1), List.of(), """
                    tensor([ True, False,  True])"""),
                new Case("bool 2-D", new int[] {2, 1}, DType.BOOL, longs(1, 0), List.of(), """
                    tensor([[ True],
                            [False]])"""),
                new Case("scalar int", new int[] {}, DType.INT64, longs(5), List.of(), """
                    tensor(5)"""),
                new Case("scalar bool", new int[] {}, DType.BOOL, longs(1), List.of(), """
                    tensor(True)"""),
                new Case("scalar uint8", new int[] {}, DType.UINT8, longs(5), List.of(), """
                    tensor(5, dtype=uint8)"""),
                new Case("scalar int32", new int[] {}, DType.INT32, longs(-7), List.of(), """
                    tensor(-7, dtype=int32)"""),
                new Case("int64 big", new int[] {2}, DType.INT64, longs(4611686018427387904L, -5), List.of(), """
                    tensor([4611686018427387904,                  -5])"""),
                new Case("wrap floats", new int[] {30}, DType.FLOAT32, float32Div(30, 3), List.of(), """
                    tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333, 2.6667,
                            3.0000, 3.3333, 3.6667, 4.0000, 4.3333, 4.6667, 5.0000, 5.3333, 5.6667,
                            6.0000, 6.3333, 6.6667, 7.0000, 7.3333, 7.6667, 8.0000, 8.3333, 8.6667,
                            9.0000, 9.3333, 9.6667])"""),
                new Case("wrap ints", new int[] {40}, DType.INT64, arange(40), List.of(), """
                    tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17,
                            18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
                            36, 37, 38, 39])"""),
                new Case(
                        "wrap bool",
                        new int[] {20},
                        DType.BOOL,
                        longs(1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0),
                        List.of(),
                        """
                    tensor([ True, False, False,  True, False, False,  True, False, False,  True,
                            False, False,  True, False, False,  True, False, False,  True, False])"""),
                new Case("wrap 2-D", new int[] {2, 20}, DType.FLOAT32, float32Div(40, 7), List.of(), """
                    tensor([[0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,
                             1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,
                             2.5714, 2.7143],
                            [2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143, 3.8571, 4.0000,
                             4.1429, 4.2857, 4.4286, 4.5714, 4.7143, 4.8571, 5.0000, 5.1429, 5.2857,
                             5.4286, 5.5714]])"""),
                new Case("wrap float64", new int[] {17}, DType.FLOAT64, float64Div(17, 3), List.of(), """
                    tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333, 2.6667,
                            3.0000, 3.3333, 3.6667, 4.0000, 4.3333, 4.6667, 5.0000, 5.3333],
                           dtype=float64)"""),
                new Case("summ 1-D ints", new int[] {2000}, DType.INT64, arange(2000), List.of(), """
                    tensor([   0,    1,    2,  ..., 1997, 1998, 1999])"""),
                new Case("summ 2-D", new int[] {40, 50}, DType.FLOAT32, float32Div(2000, 7), List.of(), """
                    tensor([[0.0000e+00, 1.4286e-01, 2.8571e-01,  ..., 6.7143e+00, 6.8571e+00,
                             7.0000e+00],
                            [7.1429e+00, 7.2857e+00, 7.4286e+00,  ..., 1.3857e+01, 1.4000e+01,
                             1.4143e+01],
                            [1.4286e+01, 1.4429e+01, 1.4571e+01,  ..., 2.1000e+01, 2.1143e+01,
                             2.1286e+01],
                            ...,
                            [2.6429e+02, 2.6443e+02, 2.6457e+02,  ..., 2.7100e+02, 2.7114e+02,
                             2.7129e+02],
                            [2.7143e+02, 2.7157e+02, 2.7171e+02,  ..., 2.7814e+02, 2.7829e+02,
                             2.7843e+02],
                            [2.7857e+02, 2.7871e+02, 2.7886e+02,  ..., 2.8529e+02, 2.8543e+02,
                             2.8557e+02]])"""),
                new Case("summ 3-D", new int[] {11, 11, 11}, DType.FLOAT32, float32Div(1331, 1), List.of(), """
                    tensor([[[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 8.0000e+00,
                              9.0000e+00, 1.0000e+01],
                             [1.1000e+01, 1.2000e+01, 1.3000e+01,  ..., 1.9000e+01,
                              2.0000e+01, 2.1000e+01],
                             [2.2000e+01, 2.3000e+01, 2.4000e+01,  ..., 3.0000e+01,
                              3.1000e+01, 3.2000e+01],
                             ...,
                             [8.8000e+01, 8.9000e+01, 9.0000e+01,  ..., 9.6000e+01,
                              9.7000e+01, 9.8000e+01],
                             [9.9000e+01, 1.0000e+02, 1.0100e+02,  ..., 1.0700e+02,
                              1.0800e+02, 1.0900e+02],
                             [1.1000e+02, 1.1100e+02, 1.1200e+02,  ..., 1.1800e+02,
                              1.1900e+02, 1.2000e+02]],

                            [[1.2100e+02, 1.2200e+02, 1.2300e+02,  ..., 1.2900e+02,
                              1.3000e+02, 1.3100e+02],
                             [1.3200e+02, 1.3300e+02, 1.3400e+02,  ..., 1.4000e+02,
                              1.4100e+02, 1.4200e+02],
                             [1.4300e+02, 1.4400e+02, 1.4500e+02,  ..., 1.5100e+02,
                              1.5200e+02, 1.5300e+02],
                             ...,
                             [2.0900e+02, 2.1000e+02, 2.1100e+02,  ..., 2.1700e+02,
                              2.1800e+02, 2.1900e+02],
                             [2.2000e+02, 2.2100e+02, 2.2200e+02,  ..., 2.2800e+02,
                              2.2900e+02, 2.3000e+02],
                             [2.3100e+02, 2.3200e+02, 2.3300e+02,  ..., 2.3900e+02,
                              2.4000e+02, 2.4100e+02]],

                            [[2.4200e+02, 2.4300e+02, 2.4400e+02,  ..., 2.5000e+02,
                              2.5100e+02, 2.5200e+02],
                             [2.5300e+02, 2.5400e+02, 2.5500e+02,  ..., 2.6100e+02,
                              2.6200e+02, 2.6300e+02],
                             [2.6400e+02, 2.6500e+02, 2.6600e+02,  ..., 2.7200e+02,
                              2.7300e+02, 2.7400e+02],
                             ...,
                             [3.3000e+02, 3.3100e+02, 3.3200e+02,  ..., 3.3800e+02,
                              3.3900e+02, 3.4000e+02],
                             [3.4100e+02, 3.4200e+02, 3.4300e+02,  ..., 3.4900e+02,
                              3.5000e+02, 3.5100e+02],
                             [3.5200e+02, 3.5300e+02, 3.5400e+02,  ..., 3.6000e+02,
                              3.6100e+02, 3.6200e+02]],

                            ...,

                            [[9.6800e+02, 9.6900e+02, 9.7000e+02,  ..., 9.7600e+02,
                              9.7700e+02, 9.7800e+02],
                             [9.7900e+02, 9.8000e+02, 9.8100e+02,  ..., 9.8700e+02,
                              9.8800e+02, 9.8900e+02],
                             [9.9000e+02, 9.9100e+02, 9.9200e+02,  ..., 9.9800e+02,
                              9.9900e+02, 1.0000e+03],
                             ...,
                             [1.0560e+03, 1.0570e+03, 1.0580e+03,  ..., 1.0640e+03,
                              1.0650e+03, 1.0660e+03],
                             [1.0670e+03, 1.0680e+03, 1.0690e+03,  ..., 1.0750e+03,
                              1.0760e+03, 1.0770e+03],
                             [1.0780e+03, 1.0790e+03, 1.0800e+03,  ..., 1.0860e+03,
                              1.0870e+03, 1.0880e+03]],

                            [[1.0890e+03, 1.0900e+03, 1.0910e+03,  ..., 1.0970e+03,
                              1.0980e+03, 1.0990e+03],
                             [1.1000e+03, 1.1010e+03, 1.1020e+03,  ..., 1.1080e+03,
                              1.1090e+03, 1.1100e+03],
                             [1.1110e+03, 1.1120e+03, 1.1130e+03,  ..., 1.1190e+03,
                              1.1200e+03, 1.1210e+03],
                             ...,
                             [1.1770e+03, 1.1780e+03, 1.1790e+03,  ..., 1.1850e+03,
                              1.1860e+03, 1.1870e+03],
                             [1.1880e+03, 1.1890e+03, 1.1900e+03,  ..., 1.1960e+03,
                              1.1970e+03, 1.1980e+03],
                             [1.1990e+03, 1.2000e+03, 1.2010e+03,  ..., 1.2070e+03,
                              1.2080e+03, 1.2090e+03]],

                            [[1.2100e+03, 1.2110e+03, 1.2120e+03,  ..., 1.2180e+03,
                              1.2190e+03, 1.2200e+03],
                             [1.2210e+03, 1.2220e+03, 1.2230e+03,  ..., 1.2290e+03,
                              1.2300e+03, 1.2310e+03],
                             [1.2320e+03, 1.2330e+03, 1.2340e+03,  ..., 1.2400e+03,
                              1.2410e+03, 1.2420e+03],
                             ...,
                             [1.2980e+03, 1.2990e+03, 1.3000e+03,  ..., 1.3060e+03,
                              1.3070e+03, 1.3080e+03],
                             [1.3090e+03, 1.3100e+03, 1.3110e+03,  ..., 1.3170e+03,
                              1.3180e+03, 1.3190e+03],
                             [1.3200e+03, 1.3210e+03, 1.3220e+03,  ..., 1.3280e+03,
                              1.3290e+03, 1.3300e+03]]])"""),
                new Case("summ 1001", new int[] {1001}, DType.FLOAT32, float32Div(1001, 1), List.of(), """
                    tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])"""),
                new Case("summ 2x600", new int[] {2, 600}, DType.FLOAT32, float32Div(1200, 3), List.of(), """
                    tensor([[0.0000e+00, 3.3333e-01, 6.6667e-01,  ..., 1.9900e+02, 1.9933e+02,
                             1.9967e+02],
                            [2.0000e+02, 2.0033e+02, 2.0067e+02,  ..., 3.9900e+02, 3.9933e+02,
                             3.9967e+02]])"""),
                new Case("summ 600x2", new int[] {600, 2}, DType.INT64, arange(1200), List.of(), """
                    tensor([[   0,    1],
                            [   2,    3],
                            [   4,    5],
                            ...,
                            [1194, 1195],
                            [1196, 1197],
                            [1198, 1199]])"""),
                new Case("summ 1000 not", new int[] {1000}, DType.INT64, arange(1000), List.of(), """
                    tensor([  0,   1,   2,   3,   4,   5,   6,   7,   8,   9,  10,  11,  12,  13,
                             14,  15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,
                             28,  29,  30,  31,  32,  33,  34,  35,  36,  37,  38,  39,  40,  41,
                             42,  43,  44,  45,  46,  47,  48,  49,  50,  51,  52,  53,  54,  55,
                             56,  57,  58,  59,  60,  61,  62,  63,  64,  65,  66,  67,  68,  69,
                             70,  71,  72,  73,  74,  75,  76,  77,  78,  79,  80,  81,  82,  83,
                             84,  85,  86,  87,  88,  89,  90,  91,  92,  93,  94,  95,  96,  97,
                             98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
                            112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125,
                            126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139,
                            140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153,
                            154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167,
                            168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181,
                            182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195,
                            196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209,
                            210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
                            224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237,
                            238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251,
                            252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265,
                            266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277, 278, 279,
                            280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293,
                            294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306, 307,
                            308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321,
                            322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 332, 333, 334, 335,
                            336, 337, 338, 339, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349,
                            350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363,
                            364, 365, 366, 367, 368, 369, 370, 371, 372, 373, 374, 375, 376, 377,
                            378, 379, 380, 381, 382, 383, 384, 385, 386, 387, 388, 389, 390, 391,
                            392, 393, 394, 395, 396, 397, 398, 399, 400, 401, 402, 403, 404, 405,
                            406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 419,
                            420, 421, 422, 423, 424, 425, 426, 427, 428, 429, 430, 431, 432, 433,
                            434, 435, 436, 437, 438, 439, 440, 441, 442, 443, 444, 445, 446, 447,
                            448, 449, 450, 451, 452, 453, 454, 455, 456, 457, 458, 459, 460, 461,
                            462, 463, 464, 465, 466, 467, 468, 469, 470, 471, 472, 473, 474, 475,
                            476, 477, 478, 479, 480, 481, 482, 483, 484, 485, 486, 487, 488, 489,
                            490, 491, 492, 493, 494, 495, 496, 497, 498, 499, 500, 501, 502, 503,
                            504, 505, 506, 507, 508, 509, 510, 511, 512, 513, 514, 515, 516, 517,
                            518, 519, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529, 530, 531,
                            532, 533, 534, 535, 536, 537, 538, 539, 540, 541, 542, 543, 544, 545,
                            546, 547, 548, 549, 550, 551, 552, 553, 554, 555, 556, 557, 558, 559,
                            560, 561, 562, 563, 564, 565, 566, 567, 568, 569, 570, 571, 572, 573,
                            574, 575, 576, 577, 578, 579, 580, 581, 582, 583, 584, 585, 586, 587,
                            588, 589, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 600, 601,
                            602, 603, 604, 605, 606, 607, 608, 609, 610, 611, 612, 613, 614, 615,
                            616, 617, 618, 619, 620, 621, 622, 623, 624, 625, 626, 627, 628, 629,
                            630, 631, 632, 633, 634, 635, 636, 637, 638, 639, 640, 641, 642, 643,
                            644, 645, 646, 647, 648, 649, 650, 651, 652, 653, 654, 655, 656, 657,
                            658, 659, 660, 661, 662, 663, 664, 665, 666, 667, 668, 669, 670, 671,
                            672, 673, 674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 684, 685,
                            686, 687, 688, 689, 690, 691, 692, 693, 694, 695, 696, 697, 698, 699,
                            700, 701, 702, 703, 704, 705, 706, 707, 708, 709, 710, 711, 712, 713,
                            714, 715, 716, 717, 718, 719, 720, 721, 722, 723, 724, 725, 726, 727,
                            728, 729, 730, 731, 732, 733, 734, 735, 736, 737, 738, 739, 740, 741,
                            742, 743, 744, 745, 746, 747, 748, 749, 750, 751, 752, 753, 754, 755,
                            756, 757, 758, 759, 760, 761, 762, 763, 764, 765, 766, 767, 768, 769,
                            770, 771, 772, 773, 774, 775, 776, 777, 778, 779, 780, 781, 782, 783,
                            784, 785, 786, 787, 788, 789, 790, 791, 792, 793, 794, 795, 796, 797,
                            798, 799, 800, 801, 802, 803, 804, 805, 806, 807, 808, 809, 810, 811,
                            812, 813, 814, 815, 816, 817, 818, 819, 820, 821, 822, 823, 824, 825,
                            826, 827, 828, 829, 830, 831, 832, 833, 834, 835, 836, 837, 838, 839,
                            840, 841, 842, 843, 844, 845, 846, 847, 848, 849, 850, 851, 852, 853,
                            854, 855, 856, 857, 858, 859, 860, 861, 862, 863, 864, 865, 866, 867,
                            868, 869, 870, 871, 872, 873, 874, 875, 876, 877, 878, 879, 880, 881,
                            882, 883, 884, 885, 886, 887, 888, 889, 890, 891, 892, 893, 894, 895,
                            896, 897, 898, 899, 900, 901, 902, 903, 904, 905, 906, 907, 908, 909,
                            910, 911, 912, 913, 914, 915, 916, 917, 918, 919, 920, 921, 922, 923,
                            924, 925, 926, 927, 928, 929, 930, 931, 932, 933, 934, 935, 936, 937,
                            938, 939, 940, 941, 942, 943, 944, 945, 946, 947, 948, 949, 950, 951,
                            952, 953, 954, 955, 956, 957, 958, 959, 960, 961, 962, 963, 964, 965,
                            966, 967, 968, 969, 970, 971, 972, 973, 974, 975, 976, 977, 978, 979,
                            980, 981, 982, 983, 984, 985, 986, 987, 988, 989, 990, 991, 992, 993,
                            994, 995, 996, 997, 998, 999])"""),
                new Case("empty 1-D", new int[] {0}, DType.FLOAT32, values(), List.of(), """
                    tensor([])"""),
                new Case("empty 2-D", new int[] {0, 3}, DType.FLOAT32, values(), List.of(), """
                    tensor([], size=(0, 3))"""),
                new Case("empty int64", new int[] {0}, DType.INT64, longs(), List.of(), """
                    tensor([], dtype=int64)"""),
                new Case("empty bool", new int[] {2, 0, 3}, DType.BOOL, longs(), List.of(), """
                    tensor([], size=(2, 0, 3), dtype=bool)"""),
                new Case("empty float64 2-D", new int[] {3, 0}, DType.FLOAT64, values(), List.of(), """
                    tensor([], size=(3, 0), dtype=float64)"""),
                new Case(
                        "4-D",
                        new int[] {2, 1, 2, 2},
                        DType.FLOAT32,
                        values(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0),
                        List.of(),
                        """
                    tensor([[[[0., 1.],
                              [2., 3.]]],


                            [[[4., 5.],
                              [6., 7.]]]])"""),
                new Case(
                        "4-D ints",
                        new int[] {2, 2, 2, 2},
                        DType.INT64,
                        longs(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                        List.of(),
                        """
                    tensor([[[[ 0,  1],
                              [ 2,  3]],

                             [[ 4,  5],
                              [ 6,  7]]],


                            [[[ 8,  9],
                              [10, 11]],

                             [[12, 13],
                              [14, 15]]]])"""),
                new Case(
                        "suffix requires_grad",
                        new int[] {2},
                        DType.FLOAT32,
                        values(1.0, 2.0),
                        List.of("requires_grad=True"),
                        """
                    tensor([1., 2.], requires_grad=True)"""),
                new Case(
                        "suffix scalar grad_fn",
                        new int[] {},
                        DType.FLOAT32,
                        values(2.5),
                        List.of("grad_fn=<MeanBackward0>"),
                        """
                    tensor(2.5000, grad_fn=<MeanBackward0>)"""),
                new Case(
                        "suffix wraps",
                        new int[] {10},
                        DType.FLOAT32,
                        float32Div(10, 3),
                        List.of("grad_fn=<AddBackward0>"),
                        """
                    tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333, 2.6667,
                            3.0000], grad_fn=<AddBackward0>)"""),
                new Case(
                        "suffix 2-D grad_fn",
                        new int[] {2, 2},
                        DType.FLOAT32,
                        values(0.10000000149011612, 0.20000000298023224, 0.30000001192092896, 0.4000000059604645),
                        List.of("grad_fn=<MulBackward0>"),
                        """
                    tensor([[0.1000, 0.2000],
                            [0.3000, 0.4000]], grad_fn=<MulBackward0>)"""),
                new Case(
                        "suffix dtype plus grad",
                        new int[] {3},
                        DType.FLOAT64,
                        values(1.0, 2.0, 3.0),
                        List.of("requires_grad=True"),
                        """
                    tensor([1., 2., 3.], dtype=float64, requires_grad=True)"""),
                new Case("suffix dtype fits", new int[] {6}, DType.FLOAT64, float64Div(6, 7), List.of(), """
                    tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143], dtype=float64)"""),
                new Case("suffix empty", new int[] {0, 3}, DType.FLOAT64, values(), List.of("requires_grad=True"), """
                    tensor([], size=(0, 3), dtype=float64, requires_grad=True)"""),
                new Case(
                        "suffix exactly fits",
                        new int[] {7},
                        DType.FLOAT32,
                        float32Div(7, 3),
                        List.of("requires_grad=True"),
                        """
                    tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000],
                           requires_grad=True)"""),
                new Case(
                        "suffix two both wrap",
                        new int[] {8},
                        DType.FLOAT64,
                        float64Div(8, 3),
                        List.of("requires_grad=True", "grad_fn=<SumBackward1>"),
                        """
                    tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333],
                           dtype=float64, requires_grad=True, grad_fn=<SumBackward1>)"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsLikePyTorch(Case c) {
        assertEquals(c.expected(), TensorFormatter.format(c.shape(), c.dtype(), c.elems(), c.suffixes()));
    }

    @Test
    void suffixOnItsOwnLineAfterAMultiLineTensor() {
        // The last line "        [0.3000, 0.4000]]" is measured, not the whole text.
        String s = TensorFormatter.format(
                new int[] {2, 2},
                DType.FLOAT32,
                values(0.1f, 0.2f, 0.3f, 0.4f),
                List.of("grad_fn=<" + "X".repeat(41) + ">"));
        assertEquals("tensor([[0.1000, 0.2000],\n" + "        [0.3000, 0.4000]], grad_fn=<" + "X".repeat(41) + ">)", s);
        String t = TensorFormatter.format(
                new int[] {2, 2},
                DType.FLOAT32,
                values(0.1f, 0.2f, 0.3f, 0.4f),
                List.of("grad_fn=<" + "X".repeat(42) + ">"));
        assertEquals(
                "tensor([[0.1000, 0.2000],\n"
                        + "        [0.3000, 0.4000]],\n"
                        + "       grad_fn=<" + "X".repeat(42) + ">)",
                t);
    }

    @Test
    void negativeDimensionIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TensorFormatter.format(new int[] {2, -1}, DType.FLOAT32, values(), List.of()));
    }

    @Test
    void shapeTupleIsPythons() {
        assertEquals("()", TensorFormatter.shapeTuple(new int[] {}));
        assertEquals("(0,)", TensorFormatter.shapeTuple(new int[] {0}));
        assertEquals("(2, 0, 3)", TensorFormatter.shapeTuple(new int[] {2, 0, 3}));
    }

    /**
     * On random shapes (sizes 0 and 1 included) of at most 1000 elements, the text holds every
     * element once, in row-major order, with one bracket pair per row of every dimension.
     */
    @Test
    void everyElementAppearsInRowMajorOrder() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int rank = 1 + rnd.nextInt(4);
            int[] shape = new int[rank];
            long numel = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = rnd.nextInt(8);
                numel *= shape[d];
            }
            if (numel > 1000) {
                continue; // summarised: covered by the table
            }
            long[] v = new long[(int) numel];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextInt(2001) - 1000;
            }
            String s = TensorFormatter.format(shape, DType.INT64, longs(v), List.of());
            String inner = s.substring("tensor(".length(), s.length() - 1);
            if (numel == 0) {
                String expected = rank == 1
                        ? "[], dtype=int64"
                        : "[], size=" + TensorFormatter.shapeTuple(shape) + ", dtype=int64";
                assertEquals(expected, inner, Arrays.toString(shape));
                continue;
            }
            List<Long> seen = new ArrayList<>();
            for (String tok : inner.replaceAll("[\\[\\]\\s]", "").split(",")) {
                seen.add(Long.parseLong(tok));
            }
            List<Long> want = new ArrayList<>();
            for (long x : v) {
                want.add(x);
            }
            assertEquals(want, seen, Arrays.toString(shape));
            long opens = inner.chars().filter(ch -> ch == '[').count();
            long rows = 0;
            long prefix = 1;
            for (int d = 0; d < rank; d++) {
                rows += prefix;
                prefix *= shape[d];
            }
            assertEquals(rows, opens, Arrays.toString(shape));
        }
    }
}
