package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import org.junit.jupiter.api.Test;

class TransformsTest {

    @Test
    void toTensorScalesBytesAndAddsAChannelDim() {
        NDArray image = NDArray.wrap(new byte[] {0, (byte) 255, (byte) 128, 51, 1, 2}, 2, 3);
        Tensor t = new ToTensor().apply(image);
        assertEquals(DType.FLOAT32, t.data().dtype());
        assertArrayEquals(new int[] {1, 2, 3}, t.data().shape().toArray());
        assertArrayEquals(
                new float[] {0f, 1f, 128 / 255f, 0.2f, 1 / 255f, 2 / 255f},
                t.data().toFloatArray());
    }

    @Test
    void toTensorGivesEveryByteValueTheCorrectlyRoundedQuotient() {
        // A batch long enough for the vector loops and their tails: 37 x 7 x 11 pixels cycling through 0..255.
        byte[] pixels = new byte[37 * 7 * 11];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        float[] scaled = new ToTensor()
                .applyBatch(Tensor.of(NDArray.wrap(pixels, 37, 7, 11)))
                .data()
                .toFloatArray();
        for (int i = 0; i < pixels.length; i++) {
            assertEquals(
                    Float.floatToIntBits((pixels[i] & 0xFF) / 255f),
                    Float.floatToIntBits(scaled[i]),
                    "pixel " + (pixels[i] & 0xFF));
        }
    }

    @Test
    void toTensorMovesChannelsFirstForHwcImages() {
        // 1 x 2 pixels with 3 channels: (r, g, b) = (1, 2, 3) and (4, 5, 6).
        NDArray hwc = NDArray.wrap(new byte[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
        Tensor chw = new ToTensor().apply(hwc);
        assertArrayEquals(new int[] {3, 1, 2}, chw.data().shape().toArray());
        float[] expected = {1, 4, 2, 5, 3, 6};
        for (int i = 0; i < expected.length; i++) {
            expected[i] /= 255f;
        }
        assertArrayEquals(expected, chw.data().toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> new ToTensor().apply(NDArray.zeros(DType.UINT8, 4)));
        assertEquals("pic should be 2/3 dimensional. Got 1 dimensions.", e.getMessage());
    }

    @Test
    void batchTransformsEqualPerSampleTransforms() {
        Transform[] transforms = {
            new ToTensor(), new Compose(new ToTensor(), new Normalize(new double[] {0.1307}, new double[] {0.3081})),
        };
        SeededCases.run(31, 30, random -> {
            int n = 1 + random.nextInt(5);
            int h = 1 + random.nextInt(6);
            int w = 1 + random.nextInt(6);
            Tensor batch = Tensor.of(SeededCases.images(random, n, h, w));
            for (Transform t : transforms) {
                NDArray fast = t.applyBatch(batch).data();
                Transform perSample = t::apply; // only apply(): its applyBatch is the default, sample by sample
                NDArray slow = perSample.applyBatch(batch).data();
                assertArrayEquals(slow.shape().toArray(), fast.shape().toArray());
                assertArrayEquals(slow.toFloatArray(), fast.toFloatArray(), 1e-6f);
            }
        });
    }

    @Test
    void normalizeWorksPerChannel() {
        NDArray x = NDArray.ones(2, 1, 2).mul(3); // C=2, H=1, W=2
        Tensor y = new Normalize(new double[] {1, 2}, new double[] {2, 0.5}).apply(Tensor.of(x));
        assertArrayEquals(new float[] {1, 1, 2, 2}, y.data().toFloatArray());
        assertEquals(
                "Normalize(mean=[1.0, 2.0], std=[2.0, 0.5])",
                new Normalize(new double[] {1, 2}, new double[] {2, 0.5}).toString());
        var e = assertThrows(IllegalArgumentException.class, () -> new Normalize(0, 0));
        assertEquals(
                "std evaluated to zero after conversion to torch.float32, leading to division by zero.",
                e.getMessage());
        var bytes = assertThrows(
                IllegalArgumentException.class,
                () -> new Normalize(0, 1).apply(Tensor.of(NDArray.zeros(DType.UINT8, 1, 2, 2))));
        assertEquals("Input tensor should be a float tensor. Got torch.uint8.", bytes.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Normalize(0, 1).apply(Tensor.of(NDArray.zeros(2, 2))));
    }

    @Test
    void composeAppliesInOrderAndPrintsLikeTorchvision() {
        Compose c = new Compose(new ToTensor(), new Normalize(0.5, 0.5));
        Tensor y = c.apply(Tensor.of(NDArray.wrap(new byte[] {0, (byte) 255}, 1, 2)));
        assertArrayEquals(new float[] {-1, 1}, y.data().toFloatArray(), 1e-6f);
        assertEquals("Compose(\n    ToTensor()\n    Normalize(mean=[0.5], std=[0.5])\n)", c.toString());
    }

    @Test
    void standardizeFitsPerFeatureMeanAndUnbiasedStd() {
        // Feature 0: 1, 2, 3 (mean 2, std 1); feature 1: 10, 10, 10 (constant); feature 2: 0, 4, 8 (mean 4, std 4).
        NDArray train = NDArray.tensor(new float[][] {{1, 10, 0}, {2, 10, 4}, {3, 10, 8}});
        Standardize s = Standardize.fit(Tensor.of(train));
        assertArrayEquals(new float[] {2, 10, 4}, s.mean().data().toFloatArray());
        assertArrayEquals(new float[] {1, 1, 4}, s.std().data().toFloatArray(), "a constant feature divides by 1");
        Tensor z = s.applyBatch(Tensor.of(train));
        assertArrayEquals(new float[] {-1, 0, -1, 0, 0, 0, 1, 0, 1}, z.data().toFloatArray(), 1e-6f);
        assertArrayEquals(
                new float[] {2, 0, 0.5f},
                s.apply(Tensor.of(NDArray.tensor(new float[] {4, 10, 6})))
                        .data()
                        .toFloatArray(),
                1e-6f);
        var e = assertThrows(IllegalArgumentException.class, () -> s.apply(Tensor.of(NDArray.zeros(4))));
        assertTrue(e.getMessage().contains("Size([3])") && e.getMessage().contains("Size([4])"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Standardize.fit(Tensor.of(NDArray.zeros(1, 3))));
    }
}
