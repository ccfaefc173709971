package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save then load gives back every dtype, shape and value, whatever the input's strides. */
@Tag("scalar-path")
class SafeTensorsRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyDtypeAndShapeRoundTrips() throws IOException {
        Random rnd = new Random(11);
        int[][] shapes = {{}, {0}, {1}, {5}, {3, 7}, {2, 0, 3}, {1, 1, 1}, {4, 3, 5}, {2, 3, 1, 5}};
        for (int trial = 0; trial < 3; trial++) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (DType d : DType.values()) {
                for (int[] shape : shapes) {
                    tensors.put(d.pyName() + Arrays.toString(shape) + "#" + trial, random(d, shape, rnd));
                }
            }
            Map<String, String> meta = Map.of("kind", "mlp", "sizes", "784,256,10", "unicode \"q\"\n", "é😀\u0001");
            Path f = dir.resolve("t" + trial + ".safetensors");
            SafeTensors.save(f, tensors, meta);
            SafeTensors.Contents back = SafeTensors.load(f);
            assertEquals(
                    List.copyOf(tensors.keySet()), List.copyOf(back.tensors().keySet()));
            assertEquals(meta, back.metadata());
            for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                assertSame(e.getValue(), back.get(e.getKey()), e.getKey());
            }
        }
    }

    @Test
    void nonContiguousInputsAreWrittenInRowMajorOrder() throws IOException {
        Random rnd = new Random(12);
        for (DType d : DType.values()) {
            NDArray base = random(d, new int[] {4, 5, 3}, rnd);
            List<NDArray> views = new ArrayList<>();
            views.add(base.transpose(0, 2)); // [3, 5, 4]
            views.add(base.slice(1, 2, 5).slice(0, 1, 4, 2)); // offset + stepped
            views.add(base.permute(2, 0, 1).select(1, 3)); // [3, 5] from the middle
            views.add(base.select(2, 1).unsqueeze(0).expand(3, 4, 5)); // stride 0
            views.add(base.slice(1, 0, 5, 3)); // step 3
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (int i = 0; i < views.size(); i++) {
                tensors.put("v" + i, views.get(i));
            }
            assertFalse(views.get(0).isContiguous());
            Path f = dir.resolve(d.pyName() + ".safetensors");
            SafeTensors.save(f, tensors);
            SafeTensors.Contents back = SafeTensors.load(f);
            for (int i = 0; i < views.size(); i++) {
                NDArray b = back.get("v" + i);
                assertTrue(b.isContiguous());
                assertSame(views.get(i), b, d + " view " + i);
            }
        }
    }

    @Test
    void loadedTensorsAreIndependentOfEachOther() throws IOException {
        Path f = dir.resolve("two.safetensors");
        SafeTensors.save(f, Map.of("a", NDArray.tensor(new float[] {1, 2}), "b", NDArray.tensor(new float[] {3, 4})));
        SafeTensors.Contents c = SafeTensors.load(f);
        c.get("a").fill_(9);
        assertArrayEquals(new float[] {3, 4}, c.get("b").toFloatArray());
    }

    private static void assertSame(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what);
        assertEquals(expected.shape(), actual.shape(), what);
        assertArrayEquals(bits(expected), bits(actual), what);
    }

    /** The elements' bits: floats compared bit for bit (NaN payloads, -0 and subnormals must survive), the rest as values. */
    private static long[] bits(NDArray x) {
        if (x.dtype() == DType.FLOAT32) {
            float[] f = x.toFloatArray();
            long[] b = new long[f.length];
            for (int i = 0; i < f.length; i++) {
                b[i] = Float.floatToRawIntBits(f[i]);
            }
            return b;
        }
        if (x.dtype() == DType.FLOAT64) {
            return Arrays.stream(x.toDoubleArray())
                    .mapToLong(Double::doubleToRawLongBits)
                    .toArray();
        }
        return x.toLongArray();
    }

    /** Random elements; the floats are raw bit patterns (NaN payloads, infinities, subnormals and -0 among them). */
    static NDArray random(DType d, int[] shape, Random rnd) {
        int n = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        return switch (d) {
            case FLOAT32 -> NDArray.wrap(floatsOfBits(rnd.ints(n).toArray()), shape);
            case FLOAT64 ->
                NDArray.wrap(rnd.longs(n).mapToDouble(Double::longBitsToDouble).toArray(), shape);
            case INT64 -> NDArray.wrap(rnd.longs(n).toArray(), shape);
            case INT32 -> NDArray.wrap(rnd.ints(n).toArray(), shape);
            case UINT8 -> {
                byte[] a = new byte[n];
                rnd.nextBytes(a);
                yield NDArray.wrap(a, shape);
            }
            case BOOL -> NDArray.wrap(rnd.ints(n, 0, 2).toArray(), shape).ne(0);
        };
    }

    private static float[] floatsOfBits(int[] bits) {
        float[] f = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            f[i] = Float.intBitsToFloat(bits[i]);
        }
        return f;
    }
}
