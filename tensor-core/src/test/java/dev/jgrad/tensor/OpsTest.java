package dev.jgrad.tensor;

import static dev.jgrad.tensor.FloatTensors.f;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("scalar-path")
class OpsTest {
    @Test
    void tutorialBroadcasting() {
        assertArrayEquals(
                new float[] {5, 5},
                f(new float[][] {{3, 3}}).add(f(new float[][] {{2, 2}})).toFloatArray());
        assertArrayEquals(
                new float[] {4, 5}, f(new float[][] {{1, 2}}).add(f(3)).toFloatArray());
        NDArray r = f(new float[][] {{1, 2}}).add(f(new float[][] {{3}, {4}}));
        assertEquals("Size([2, 2])", r.shape().toString());
        assertArrayEquals(new float[] {4, 5, 5, 6}, r.toFloatArray());
        NDArray m1 = f(new float[][] {{1, 2}, {3, 4}});
        NDArray m2 = f(new float[][] {{1}, {2}});
        assertArrayEquals(new float[] {5, 11}, m1.matmul(m2).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 6, 8}, m1.mul(m2).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 6, 8}, m1.mul(m2).toFloatArray());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.zeros(2, 3).add(NDArray.zeros(2, 4)));
        assertEquals(
                "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                e.getMessage());
    }

    @Test
    void typePromotion() {
        NDArray l = NDArray.tensor(new long[] {1, 2});
        assertEquals(DType.FLOAT32, l.add(2.5).dtype());
        assertArrayEquals(new float[] {3.5f, 4.5f}, l.add(2.5).toFloatArray());
        assertEquals(DType.INT64, l.add(2).dtype());
        assertEquals(DType.FLOAT32, f(1, 2).add(2.5).dtype());
        assertEquals(DType.FLOAT32, l.div(l).dtype());
        assertArrayEquals(new float[] {0.5f, 1f}, l.div(2).toFloatArray());
        assertEquals(DType.FLOAT64, l.add(NDArray.tensor(new double[] {1, 2})).dtype());
        assertEquals(
                DType.FLOAT32, f(1, 2).add(NDArray.scalar(1, DType.FLOAT64)).dtype());
        assertEquals(DType.FLOAT64, l.add(NDArray.scalar(1, DType.FLOAT64)).dtype());
        assertEquals(DType.UINT8, NDArray.tensor(new byte[] {1}).add(1).dtype());
        assertEquals(DType.INT64, NDArray.tensor(new boolean[] {true}).add(1).dtype());
        assertEquals(
                DType.INT32,
                NDArray.tensor(new int[] {1})
                        .add(NDArray.tensor(new byte[] {1}))
                        .dtype());
        assertEquals(DType.BOOL, l.gt(1).dtype());
        assertArrayEquals(new boolean[] {false, true}, l.gt(1.5).toBooleanArray());
        assertArrayEquals(new long[] {1, 4}, l.pow(2).toLongArray());
        assertEquals((byte) 44, NDArray.tensor(new byte[] {(byte) 200}).add(100).toByteArray()[0]);
    }

    @Test
    void unaryAndFriends() {
        NDArray x = f(-1, 0, 4);
        assertArrayEquals(new float[] {1, -0f, -4}, x.neg().toFloatArray());
        assertArrayEquals(new float[] {1, 0, 4}, x.abs().toFloatArray());
        assertArrayEquals(new float[] {0, 0, 4}, x.relu().toFloatArray());
        assertArrayEquals(new float[] {0, 0, 2}, x.relu().sqrt().toFloatArray());
        // float32 exp, tanh and log are polynomial kernels within 2 ulp of the JDK's (as PyTorch's are of libm's).
        assertArrayEquals(
                new float[] {(float) Math.exp(-1), 1, (float) Math.exp(4)},
                x.exp().toFloatArray(),
                1e-5f);
        assertArrayEquals(
                new float[] {0.26894142f, 0.5f, 0.98201376f}, x.sigmoid().toFloatArray(), 1e-7f);
        assertArrayEquals(
                new float[] {(float) Math.tanh(-1), 0, (float) Math.tanh(4)},
                x.tanh().toFloatArray(),
                1e-6f);
        assertArrayEquals(
                new float[] {Float.NaN, Float.NEGATIVE_INFINITY, (float) Math.log(4)},
                x.log().toFloatArray(),
                1e-6f);
        assertArrayEquals(new float[] {-0.5f, 0, 2}, x.clamp(-0.5, 2).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 4}, x.clampMin(0).toFloatArray());
        assertArrayEquals(new float[] {-1, 0, 1}, x.clampMax(1).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 16}, x.pow(2).toFloatArray());
        assertArrayEquals(new float[] {-1, 0, 8}, x.pow(f(1, 1, 1.5f)).toFloatArray());
        assertEquals(DType.FLOAT32, NDArray.tensor(new long[] {4}).sqrt().dtype());
        NDArray nan = f(Float.NaN, 1);
        assertTrue(Float.isNaN(nan.maximum(f(0, 0)).toFloatArray()[0]));
        assertArrayEquals(new float[] {0, 1}, f(0, 3).minimum(f(1, 1)).toFloatArray());
        assertArrayEquals(
                new boolean[] {false, true},
                NDArray.tensor(new boolean[] {true, false}).logicalNot().toBooleanArray());
        NDArray a = NDArray.tensor(new boolean[] {true, true, false});
        NDArray b = NDArray.tensor(new boolean[] {true, false, false});
        assertArrayEquals(new boolean[] {true, false, false}, a.logicalAnd(b).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, false}, a.logicalOr(b).toBooleanArray());
        assertArrayEquals(
                new float[] {1, 20, 30},
                NDArray.where(f(1, 2, 3).lt(2), f(1, 2, 3), f(10, 20, 30)).toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.neg());
        assertTrue(e.getMessage().startsWith("Negation, the `-` operator, on a bool tensor is not supported."));
        e = assertThrows(IllegalArgumentException.class, () -> NDArray.where(f(1), f(1), f(1)));
        assertEquals(
                "where expected condition to be a boolean tensor, but got a tensor with dtype Float", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> NDArray.tensor(new long[] {2}).pow(-1));
        assertEquals("Integers to negative integer powers are not allowed.", e.getMessage());
    }

    @Test
    void inPlace() {
        NDArray x = f(1, 2, 3);
        int v = x.storage().version();
        x.add_(1);
        x.mul_(f(2, 2, 2));
        x.sub_(f(1), 2);
        x.div_(2);
        assertArrayEquals(new float[] {1, 2, 3}, x.toFloatArray());
        assertEquals(v + 4, x.storage().version());
        x.add_(f(1, 1, 1), 0.5);
        assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f}, x.toFloatArray());
        x.clamp_(2, 3);
        assertArrayEquals(new float[] {2, 2.5f, 3}, x.toFloatArray());
        x.zero_();
        assertArrayEquals(new float[] {0, 0, 0}, x.toFloatArray());
        NDArray m = NDArray.zeros(2, 3);
        m.copy_(f(1, 2, 3));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, m.toFloatArray());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> f(1, 2, 3).add_(m));
        assertEquals("output with shape [3] doesn't match the broadcast shape [2, 3]", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> NDArray.tensor(new long[] {1}).add_(1.5));
        assertEquals("result type Float can't be cast to the desired output type Long", e.getMessage());
        NDArray l = NDArray.tensor(new long[] {1, 2});
        l.mul_(3);
        assertArrayEquals(new long[] {3, 6}, l.toLongArray());
        NDArray sq = NDArray.arange(0, 9, 1).view(3, 3);
        sq.add_(sq.t());
        assertArrayEquals(new float[] {0, 4, 8, 4, 8, 12, 8, 12, 16}, sq.toFloatArray());
        NDArray f64 = f(1, 2);
        f64.add_(NDArray.tensor(new double[] {0.5, 0.5}));
        assertArrayEquals(new float[] {1.5f, 2.5f}, f64.toFloatArray());
    }

    @Test
    void reductions() {
        NDArray x = f(new float[][] {{1, 2}, {3, 4}});
        assertEquals(10.0, x.sum().item());
        assertEquals(0, x.sum().dim());
        assertArrayEquals(new float[] {4, 6}, x.sum(0).toFloatArray());
        assertArrayEquals(new float[] {3, 7}, x.sum(1).toFloatArray());
        assertArrayEquals(new float[] {3, 7}, x.sum(-1).toFloatArray());
        assertEquals("Size([2, 1])", x.sum(1, true).shape().toString());
        assertEquals(10.0, x.sum(new int[] {0, 1}, false).item());
        assertEquals(2.5, x.mean().item());
        assertArrayEquals(new float[] {2, 3}, x.mean(0).toFloatArray());
        assertArrayEquals(new float[] {1.5f, 3.5f}, x.mean(1).toFloatArray());
        assertEquals(24.0, x.prod().item());
        assertArrayEquals(new float[] {2, 12}, x.prod(1, false).toFloatArray());
        assertEquals(4.0, x.max().item());
        assertEquals(1.0, x.min().item());
        ValuesIndices<NDArray> mx = x.max(0);
        assertEquals("max", mx.op());
        assertArrayEquals(new float[] {3, 4}, mx.values().toFloatArray());
        assertArrayEquals(new long[] {1, 1}, mx.indices().toLongArray());
        assertArrayEquals(new long[] {1, 1}, x.argmax(1).toLongArray());
        assertArrayEquals(new long[] {0, 0}, x.argmin(0).toLongArray());
        assertEquals(3L, x.argmax().itemLong());
        assertEquals("Size([1, 2])", x.max(0, true).values().shape().toString());
        assertArrayEquals(new float[] {1, 2}, x.min(0).values().toFloatArray());
        NDArray l = NDArray.tensor(new long[] {1, 2, 3});
        assertEquals(DType.INT64, l.sum().dtype());
        assertEquals(6L, l.sum().itemLong());
        assertEquals(
                DType.INT64, NDArray.tensor(new boolean[] {true, true}).sum().dtype());
        assertEquals(2L, NDArray.tensor(new boolean[] {true, true}).sum().itemLong());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, l::mean);
        assertEquals(
                "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. "
                        + "Got: Long",
                e.getMessage());
        NDArray withNan = f(1, Float.NaN, 3, Float.NaN);
        assertEquals(1L, withNan.argmax().itemLong());
        assertEquals(1L, withNan.argmin().itemLong());
        assertTrue(Double.isNaN(withNan.max().item()));
        NDArray s = f(1, 2, 3, 4);
        assertEquals(Math.sqrt(5.0 / 3), s.std().item(), 1e-6);
        assertEquals(5.0 / 3, s.var().item(), 1e-6);
        assertEquals(1.25, s.var(0, false, false).item(), 1e-6);
        assertArrayEquals(new float[] {0.5f, 0.5f}, x.var(1).toFloatArray());
        assertEquals("Size([2, 1])", x.std(1, true, true).shape().toString());
        assertEquals(Math.log(Math.exp(1) + Math.exp(2)), x.logsumexp(1).toDoubleArray()[0], 1e-6);
        assertEquals(1000 + Math.log(2), f(1000, 1000).logsumexp(0).item(), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(0).max());
        e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.zeros(2, 0).max(1));
        assertEquals("max(): Expected reduction dim 1 to have non-zero size.", e.getMessage());
        assertEquals(0.0, NDArray.zeros(0).sum().item());
    }

    @Test
    void softmax() {
        NDArray z = f(1, 2, 3);
        NDArray s = z.softmax(0);
        assertArrayEquals(new float[] {0.09003057f, 0.24472848f, 0.66524094f}, s.toFloatArray(), 1e-7f);
        assertArrayEquals(s.log().toFloatArray(), z.logSoftmax(0).toFloatArray(), 1e-6f);
        NDArray big = f(new float[][] {{1000, 1000}, {-1000, 0}});
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f, 1f}, big.softmax(1).toFloatArray());
        assertArrayEquals(new float[] {1f, 1f, 0f, 0f}, big.softmax(0).toFloatArray());
        assertArrayEquals(
                new float[] {-0.6931472f, -0.6931472f, -1000f, 0f},
                big.logSoftmax(1).toFloatArray(),
                1e-4f);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.arange(3).softmax(0));
        assertEquals("\"softmax_lastdim_kernel_impl\" not implemented for 'Long'", e.getMessage());
    }

    @Test
    void linearAlgebra() {
        NDArray v = f(1, 2, 3);
        NDArray d = v.matmul(v);
        assertEquals(0, d.dim());
        assertEquals(14.0, d.item());
        assertEquals(14.0, v.dot(v).item());
        NDArray a = NDArray.arange(0, 6, 1).view(2, 3);
        NDArray b = NDArray.arange(0, 6, 1).view(3, 2);
        assertArrayEquals(new float[] {10, 13, 28, 40}, a.mm(b).toFloatArray());
        assertArrayEquals(new float[] {10, 13, 28, 40}, a.matmul(b).toFloatArray());
        assertArrayEquals(new float[] {8, 26}, a.matmul(v).toFloatArray());
        assertArrayEquals(new float[] {16, 22}, v.matmul(b).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 2, 4}, f(1, 2).outer(f(1, 2)).toFloatArray());
        NDArray batch = NDArray.stack(List.of(a, a.mul(2)), 0);
        NDArray bm = batch.matmul(b);
        assertEquals("Size([2, 2, 2])", bm.shape().toString());
        assertArrayEquals(new float[] {10, 13, 28, 40, 20, 26, 56, 80}, bm.toFloatArray());
        assertArrayEquals(
                bm.toFloatArray(), batch.bmm(NDArray.stack(List.of(b, b), 0)).toFloatArray());
        assertArrayEquals(new long[] {10, 13, 28, 40}, a.toLong().mm(b.toLong()).toLongArray());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.zeros(4, 3).mm(NDArray.zeros(4, 2)));
        assertEquals("mat1 and mat2 shapes cannot be multiplied (4x3 and 4x2)", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.zeros(4, 3).matmul(NDArray.zeros(4, 2)));
        assertEquals("mat1 and mat2 shapes cannot be multiplied (4x3 and 4x2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f(1, 2).dot(f(1, 2, 3)));
        assertEquals(
                "inconsistent tensor size, expected tensor [2] and src [3] to have the same number of elements, "
                        + "but got 2 and 3 elements respectively",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.mm(b.toDouble()));
        assertEquals(
                "expected mat1 and mat2 to have the same dtype, but got: float != double. Convert one side with "
                        + ".toFloat() or .toDouble(); note that tensor(double[]...) makes float64, tensor(float[]...) float32 "
                        + "(write 0.5f), and layers' weights are float32",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NDArray.scalar(1).matmul(a));
        assertEquals("both arguments to matmul need to be at least 1D, but they are 0D and 2D", e.getMessage());
        assertEquals(
                "Size([3, 0])",
                NDArray.zeros(3, 0).mm(NDArray.zeros(0, 0)).shape().toString());
        assertArrayEquals(
                new float[] {0, 0}, NDArray.zeros(2, 0).mm(NDArray.zeros(0, 1)).toFloatArray());
    }

    @Test
    void catStackSplit() {
        NDArray x = f(new float[][] {{1, 2}, {3, 4}});
        NDArray y = f(new float[][] {{5, 6}, {7, 8}});
        NDArray c0 = NDArray.cat(List.of(x, y), 0);
        assertEquals("Size([4, 2])", c0.shape().toString());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, c0.toFloatArray());
        assertArrayEquals(
                new float[] {1, 2, 5, 6, 3, 4, 7, 8},
                NDArray.cat(List.of(x, y), 1).toFloatArray());
        NDArray a = f(1, 4);
        NDArray b = f(2, 5);
        NDArray c = f(3, 6);
        assertArrayEquals(
                new float[] {1, 4, 2, 5, 3, 6},
                NDArray.stack(List.of(a, b, c), 0).toFloatArray());
        NDArray s1 = NDArray.stack(List.of(a, b, c), 1);
        assertEquals("Size([2, 3])", s1.shape().toString());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, s1.toFloatArray());
        List<NDArray> parts = c0.split(3, 0);
        assertEquals(2, parts.size());
        assertEquals("Size([1, 2])", parts.get(1).shape().toString());
        assertEquals(2, c0.chunk(3, 0).size());
        assertEquals(3, NDArray.zeros(5).chunk(3, 0).size());
        assertEquals(2, c0.split(new int[] {1, 3}, 0).size());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NDArray.cat(List.of(x, f(1, 2, 3).view(1, 3)), 0));
        assertEquals(
                "Sizes of tensors must match except in dimension 0. Expected size 2 but got size 3 for tensor "
                        + "number 1 in the list.",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NDArray.stack(List.of(a, f(1, 2, 3)), 0));
        assertEquals(
                "stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c0.split(new int[] {1, 2}, 0));
        assertEquals(
                "split_with_sizes expects split_sizes to sum exactly to 4 (input tensor's size at dimension 0), "
                        + "but got split_sizes=[1, 2]",
                e.getMessage());
        assertEquals(
                DType.FLOAT32,
                NDArray.cat(List.of(a, NDArray.tensor(new long[] {1})), 0).dtype());
        assertEquals(
                "Size([2, 2])",
                NDArray.cat(List.of(NDArray.zeros(0), x), 0).shape().toString());
    }

    @Test
    void indexing() {
        NDArray x = f(new float[][] {{1, 2, 3}, {4, 5, 6}});
        NDArray idx = NDArray.tensor(new long[][] {{2, 0}, {1, 1}});
        assertArrayEquals(new float[] {3, 1, 5, 5}, x.gather(1, idx).toFloatArray());
        assertArrayEquals(
                new float[] {4, 2},
                x.gather(0, NDArray.tensor(new long[][] {{1, 0}})).toFloatArray());
        assertArrayEquals(
                new float[] {3, 1, 6, 4},
                x.indexSelect(1, NDArray.tensor(new long[] {2, 0})).toFloatArray());
        assertArrayEquals(
                new float[] {4, 5, 6},
                x.indexSelect(0, NDArray.tensor(new long[] {1})).toFloatArray());
        NDArray mask = NDArray.tensor(new boolean[] {false, true, false, true, false, true})
                .view(2, 3);
        assertArrayEquals(new float[] {2, 4, 6}, x.maskedSelect(mask).toFloatArray());
        assertArrayEquals(
                new float[] {1, 3, 4, 6},
                x.maskedSelect(NDArray.tensor(new boolean[] {true, false, true}))
                        .toFloatArray());
        NDArray y = NDArray.tensor(new long[] {0, 2, 1});
        NDArray oneHot = NDArray.zeros(3, 3);
        int v = oneHot.storage().version();
        oneHot.scatter_(1, y.unsqueeze(1), 1);
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 1, 0}, oneHot.toFloatArray());
        assertEquals(v + 1, oneHot.storage().version());
        NDArray t = NDArray.zeros(2, 3);
        t.scatter_(0, NDArray.tensor(new long[][] {{1, 0, 1}}), f(new float[][] {{7, 8, 9}}));
        assertArrayEquals(new float[] {0, 8, 0, 7, 0, 9}, t.toFloatArray());
        IndexOutOfBoundsException ie =
                assertThrows(IndexOutOfBoundsException.class, () -> x.gather(1, NDArray.tensor(new long[][] {{3}})));
        assertEquals("index 3 is out of bounds for dimension 1 with size 3", ie.getMessage());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> x.gather(1, NDArray.tensor(new int[] {0}).view(1, 1)));
        assertEquals("gather(): Expected dtype int64 for index", e.getMessage());
        ie = assertThrows(IndexOutOfBoundsException.class, () -> x.indexSelect(0, NDArray.tensor(new long[] {2})));
        assertEquals("index out of range in self", ie.getMessage());
    }
}
