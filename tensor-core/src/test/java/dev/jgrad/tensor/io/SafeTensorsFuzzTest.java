package dev.jgrad.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.fuzz.Fuzz;
import dev.jgrad.fuzz.Mutator;
import dev.jgrad.fuzz.SpecJson;
import dev.jgrad.fuzz.SpecSafeTensors;
import dev.jgrad.tensor.NDArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/**
 * Seeded fuzzing of {@link SafeTensors#load}: each mutant must load as the independent
 * {@link SpecSafeTensors} reads it, or fail with a SafeTensorsException with a message when
 * that rejects it. Runs in the "fuzz" surefire execution, at -Xmx256m.
 */
@Tag("fuzz")
class SafeTensorsFuzzTest {
    @TempDir
    Path dir;

    /** Small real files: every dtype, a scalar, an empty tensor, metadata, and a hand-written header. */
    private List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Map<String, NDArray> all = new LinkedHashMap<>();
        all.put("w", NDArray.wrap(new float[] {1.5f, -2, Float.NaN, 0}, 2, 2));
        all.put("d", NDArray.wrap(new double[] {Math.PI}, 1));
        all.put("i", NDArray.wrap(new long[] {-1, Long.MAX_VALUE}, 2));
        all.put("n", NDArray.wrap(new int[] {7}));
        all.put("u", NDArray.wrap(new byte[] {0, (byte) 255, 3}, 3, 1));
        all.put("b", NDArray.wrap(new boolean[] {true, false}, 2));
        all.put("e", NDArray.wrap(new float[0], 0, 3));
        // Ordered maps only: Map.of's order changes from run to run, and a seed must replay the same mutants.
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("note", "caf\u00e9 \ud83d\ude00");
        seeds.add(saved(all, metadata));
        seeds.add(saved(Map.of("x", NDArray.wrap(new float[] {1, 2, 3}, 3)), Map.of()));
        String header = "{\"__metadata__\": {\"k\": \"v\\n\\u00e9\"},\n \"b\": {\"dtype\": \"U8\", \"shape\": [2],"
                + " \"data_offsets\": [4, 6]}, \"a\": {\"dtype\": \"I32\", \"shape\": [],"
                + " \"data_offsets\": [0, 4]}}   ";
        seeds.add(file(header, new byte[] {1, 0, 0, 0, 9, 8}));
        return seeds;
    }

    private byte[] saved(Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
        Path f = dir.resolve("seed.safetensors");
        SafeTensors.save(f, tensors, metadata);
        return Files.readAllBytes(f);
    }

    private static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + data.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length)
                .put(h)
                .put(data)
                .array();
    }

    @Test
    void mutantsLoadAsTheSpecSaysOrFailClearly() throws IOException {
        List<byte[]> seeds = seeds();
        byte[] first = seeds.get(0);
        int headerEnd = 8
                + (int) ByteBuffer.wrap(first, 0, 8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getLong();
        int accepted = Fuzz.runThroughFile(
                "safetensors",
                Fuzz.MUTANTS,
                dir.resolve("mutant.safetensors"),
                (i, random) -> {
                    if (i <= headerEnd) {
                        return Mutator.cut(first, i); // truncation at every header offset
                    }
                    return mutant(seeds.get(random.nextInt(seeds.size())), new Mutator(random), random);
                },
                SafeTensorsFuzzTest::agrees);
        assertTrue(accepted > 50, "the mutants should not all be broken: " + accepted + " accepted");
    }

    private static byte[] mutant(byte[] seed, Mutator m, Random random) {
        int n = (int) ByteBuffer.wrap(seed, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (random.nextInt(3) == 0) {
            return m.binary(seed, List.of(new Mutator.Field(0, 8, false), new Mutator.Field(4, 4, false)));
        }
        // The header's text mutated, the length fixed to match (or, sometimes, left as it was).
        String header = new String(seed, 8, n, StandardCharsets.UTF_8);
        byte[] h = Mutator.utf8(m.text(header));
        byte[] data = Arrays.copyOfRange(seed, 8 + n, seed.length);
        if (random.nextInt(4) == 0) {
            data = m.binary(data, List.of());
        }
        long length = random.nextInt(8) == 0 ? n : h.length;
        return ByteBuffer.allocate(8 + h.length + data.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(length)
                .put(h)
                .put(data)
                .array();
    }

    /** Whether the oracle accepted; fails when jgrad and the oracle disagree. */
    static boolean agrees(Path f, byte[] bytes) throws IOException {
        SpecSafeTensors.Contents expected;
        try {
            expected = SpecSafeTensors.read(bytes);
        } catch (SpecJson.Reject reject) {
            try {
                SafeTensors.Contents c = SafeTensors.load(f);
                throw new AssertionError("jgrad accepted what the spec rejects (" + reject.getMessage() + "): "
                        + c.tensors().keySet());
            } catch (SafeTensorsException e) {
                assertTrue(
                        e.getMessage().startsWith(f + ": ")
                                && e.getMessage().length() > f.toString().length() + 5,
                        e.getMessage());
                return false;
            }
        }
        SafeTensors.Contents c = SafeTensors.load(f);
        assertEquals(
                List.copyOf(expected.tensors().keySet()),
                List.copyOf(c.tensors().keySet()));
        for (Map.Entry<String, SpecSafeTensors.Tensor> e : expected.tensors().entrySet()) {
            assertTrue(SpecSafeTensors.same(e.getValue(), c.get(e.getKey())), e.getKey());
        }
        assertEquals(expected.metadata(), c.metadata());
        return true;
    }

    @Test
    void aSixtyMegabyteSpacePaddedHeaderLoadsAt256Megabytes() throws IOException {
        long max = Runtime.getRuntime().maxMemory();
        assertTrue(max <= 300L << 20, "this test runs in the -Xmx256m execution, not at " + (max >> 20) + " MB");
        String json = "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}}";
        int padding = 60_000_000;
        Path f = dir.resolve("padded.safetensors");
        try (var out = Files.newOutputStream(f)) {
            out.write(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(json.length() + padding)
                    .array());
            out.write(json.getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int left = padding; left > 0; left -= spaces.length) {
                out.write(spaces, 0, Math.min(left, spaces.length));
            }
            out.write(new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, 0x40});
        }
        assertArrayEquals(new float[] {1, 2}, SafeTensors.load(f).get("a").toFloatArray());
    }
}
