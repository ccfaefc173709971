package dev.jgrad.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.fuzz.Fuzz;
import dev.jgrad.fuzz.MutantFile;
import dev.jgrad.fuzz.Mutator;
import dev.jgrad.fuzz.SpecJson;
import dev.jgrad.fuzz.SpecSafeTensors;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.io.SafeTensorsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of mnist's readers: IDX files through both APIs (path and stream), raw and
 * gzipped, against an independent IDX parser (and java.util.zip on the whole stream); and the
 * model check of {@code --load} against the spec-level safetensors reader and the metadata
 * {@code ./jgrad train} writes. Runs in the "fuzz" surefire execution, at -Xmx256m.
 */
@Tag("fuzz")
class ReadersFuzzTest {
    /** jgrad's limit on one array, part of what the reader documents. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final int[] ITEM = new int[16];

    static {
        ITEM[0x08] = 1;
        ITEM[0x09] = 1;
        ITEM[0x0B] = 2;
        ITEM[0x0C] = 4;
        ITEM[0x0D] = 4;
        ITEM[0x0E] = 8;
    }

    @TempDir
    Path dir;

    /** Small real files of every type, and a cut of the embedded sample. */
    private static List<byte[]> idxSeeds() throws IOException {
        Random r = new Random(1);
        byte[] pixels = new byte[24];
        r.nextBytes(pixels);
        List<IdxData> data = new ArrayList<>(List.of(
                IdxData.ofUnsignedBytes(pixels, 2, 3, 4),
                IdxData.ofBytes(new byte[] {-1, 0, 1, 127, -128}, 5),
                IdxData.ofShorts(new short[] {1, -2, 300, Short.MIN_VALUE}, 2, 2),
                IdxData.ofInts(new int[] {7, Integer.MIN_VALUE, -1}, 3),
                IdxData.ofInts(new int[] {42}),
                IdxData.ofFloats(new float[] {1.5f, Float.NaN, -0f, Float.MAX_VALUE}, 2, 2),
                IdxData.ofDoubles(new double[] {Math.E, -1e300}, 2),
                IdxData.ofUnsignedBytes(new byte[0], 0, 5)));
        MnistSplit sample = MnistSample.train();
        data.add(IdxData.ofUnsignedBytes(sample.images().narrow(0, 0, 2).toByteArray(), 2, 28, 28));
        List<byte[]> seeds = new ArrayList<>();
        for (IdxData d : data) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            IdxFile.write(out, d);
            seeds.add(out.toByteArray());
        }
        return seeds;
    }

    private static List<Mutator.Field> idxFields(byte[] seed) {
        List<Mutator.Field> fields =
                new ArrayList<>(List.of(new Mutator.Field(2, 1, true), new Mutator.Field(3, 1, true)));
        for (int i = 0; i < (seed[3] & 0xff); i++) {
            fields.add(new Mutator.Field(4 + 4 * i, 4, true));
        }
        return fields;
    }

    @Test
    void rawIdxMutantsReadAsTheSpecSaysThroughBothApis() throws IOException {
        List<byte[]> seeds = idxSeeds();
        byte[] first = seeds.get(0);
        int header = 4 + 4 * first[3];
        try (MutantFile file = new MutantFile(dir.resolve("mutant.idx"))) {
            Fuzz.run(
                    "IDX raw",
                    Fuzz.MUTANTS,
                    (i, random) -> {
                        if (i <= header) {
                            return Mutator.cut(first, i);
                        }
                        byte[] seed = seeds.get(random.nextInt(seeds.size()));
                        return new Mutator(random).binary(seed, idxFields(seed));
                    },
                    mutant -> idxAgrees(file.write(mutant), mutant));
        }
    }

    @Test
    void gzippedIdxMutantsReadAsJavaUtilZipAndTheSpecSayThroughBothApis() throws IOException {
        List<byte[]> seeds = idxSeeds();
        try (MutantFile file = new MutantFile(dir.resolve("mutant.idx.gz"))) {
            Fuzz.run(
                    "IDX gzip",
                    Fuzz.MUTANTS,
                    (i, random) -> {
                        byte[] seed = seeds.get(random.nextInt(seeds.size()));
                        Mutator m = new Mutator(random);
                        return random.nextBoolean()
                                ? Mutator.gzip(m.binary(seed, idxFields(seed)))
                                : m.gzipStream(Mutator.gzip(seed));
                    },
                    mutant -> idxAgrees(file.write(mutant), mutant));
        }
    }

    /** Whether the spec accepted; fails unless both APIs agree with it. */
    private static boolean idxAgrees(Path file, byte[] bytes) throws IOException {
        Idx expected;
        try {
            expected = specIdx(bytes);
        } catch (SpecJson.Reject reject) {
            rejected(() -> IdxFile.read(file), file.toString(), reject);
            rejected(() -> IdxFile.read(new ByteArrayInputStream(bytes), "stream"), "stream", reject);
            return false;
        }
        expected.check(IdxFile.read(file));
        expected.check(IdxFile.read(new ByteArrayInputStream(bytes), "stream"));
        return true;
    }

    private interface Read {
        IdxData read() throws IOException;
    }

    private static void rejected(Read read, String name, SpecJson.Reject why) {
        IdxData d;
        try {
            d = read.read();
        } catch (IdxFormatException e) {
            assertTrue(
                    e.getMessage().startsWith(name + ": ") && e.getMessage().length() > name.length() + 5,
                    e.getMessage());
            return;
        } catch (IOException e) {
            throw new AssertionError("not an IdxFormatException: " + e, e);
        }
        throw new AssertionError(name + ": jgrad read " + d + " where the spec rejects (" + why.getMessage() + ")");
    }

    /** An IDX file as the format defines it: type code, dims, big-endian data bytes. */
    private record Idx(int type, int[] dims, byte[] data) {
        void check(IdxData d) {
            assertEquals(type, d.type().code());
            assertArrayEquals(dims, d.dims());
            ByteBuffer b = ByteBuffer.allocate(data.length).order(ByteOrder.BIG_ENDIAN);
            switch (type) {
                case 0x08, 0x09 -> b.put(d.bytes());
                case 0x0B -> {
                    for (short x : d.shorts()) {
                        b.putShort(x);
                    }
                }
                case 0x0C -> {
                    for (int x : d.ints()) {
                        b.putInt(x);
                    }
                }
                case 0x0D -> {
                    for (float x : d.floats()) {
                        b.putInt(Float.floatToRawIntBits(x));
                    }
                }
                default -> {
                    for (double x : d.doubles()) {
                        b.putLong(Double.doubleToRawLongBits(x));
                    }
                }
            }
            assertArrayEquals(data, b.array());
        }
    }

    private static Idx specIdx(byte[] bytes) throws SpecJson.Reject {
        byte[] raw = bytes;
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                throw new SpecJson.Reject("gzip: " + e.getMessage());
            }
        }
        if (raw.length < 4 || raw[0] != 0 || raw[1] != 0 || raw[2] > 0x0E || raw[2] < 0 || ITEM[raw[2]] == 0) {
            throw new SpecJson.Reject("magic");
        }
        int rank = raw[3] & 0xff;
        int header = 4 + 4 * rank;
        if (raw.length < header) {
            throw new SpecJson.Reject("header");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
        int[] dims = new int[rank];
        java.math.BigInteger numel = java.math.BigInteger.ONE;
        for (int i = 0; i < rank; i++) {
            long d = Integer.toUnsignedLong(b.getInt(4 + 4 * i));
            if (d > MAX_ELEMENTS) {
                throw new SpecJson.Reject("dim beyond a Java array");
            }
            dims[i] = (int) d;
            numel = numel.multiply(java.math.BigInteger.valueOf(d));
        }
        if (numel.compareTo(java.math.BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
            throw new SpecJson.Reject("more elements than a Java array holds");
        }
        long length = numel.longValueExact() * ITEM[raw[2]];
        if (raw.length - header != length) {
            throw new SpecJson.Reject("data length");
        }
        return new Idx(raw[2], dims, Arrays.copyOfRange(raw, header, raw.length));
    }

    // ------------------------------------------------------------------ --load

    private static final int INPUTS = 16;

    @Test
    void loadMutantsLoadAsSavedOrFailClearly() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        List<ModelKind> kinds = List.of(ModelKind.SOFTMAX, ModelKind.MLP);
        for (ModelKind kind : kinds) {
            Path f = dir.resolve(kind.cliName() + ".safetensors");
            // Sorted: Map.of's order changes from run to run, and a seed must replay the same mutants.
            Map<String, String> metadata = new TreeMap<>(kind.metadata(INPUTS, MnistData.CLASSES));
            kind.build(INPUTS, MnistData.CLASSES, new Generator(3)).save(f, metadata);
            seeds.add(Files.readAllBytes(f));
        }
        List<SpecSafeTensors.Contents> parsed = new ArrayList<>();
        for (byte[] s : seeds) {
            parsed.add(SpecSafeTensors.readSeed(s));
        }
        try (MutantFile file = new MutantFile(dir.resolve("model.safetensors"))) {
            Fuzz.run(
                    "--load model",
                    Fuzz.MUTANTS,
                    (i, random) -> {
                        int k = random.nextInt(seeds.size());
                        return new Mutator(random).safetensors(seeds.get(k), parsed.get(k));
                    },
                    mutant -> {
                        // Loaded as whichever kind --model names; the file may hold the other.
                        ModelKind kind = kinds.get(mutant.length % 2);
                        return loadAgrees(file.write(mutant), mutant, kind);
                    });
        }
    }

    /** Whether the oracle accepted; fails unless the --load check agrees with it. */
    private static boolean loadAgrees(Path file, byte[] bytes, ModelKind kind) throws IOException {
        Module model = kind.build(INPUTS, MnistData.CLASSES, new Generator(99));
        Map<String, Tensor> fresh = model.stateDict();
        Map<String, SpecSafeTensors.Tensor> expected;
        try {
            SpecSafeTensors.Contents c = SpecSafeTensors.read(bytes);
            String sizes = kind == ModelKind.SOFTMAX ? INPUTS + ",10" : INPUTS + ",256,10";
            if (!kind.cliName().equals(c.metadata().get("jgrad.model"))
                    || !sizes.equals(c.metadata().get("jgrad.sizes"))
                    || !c.tensors().keySet().equals(fresh.keySet())) {
                throw new SpecJson.Reject("not this model");
            }
            for (Map.Entry<String, SpecSafeTensors.Tensor> e : c.tensors().entrySet()) {
                if (!e.getValue().dtype().equals("F32")
                        || !Arrays.equals(
                                e.getValue().shape(),
                                fresh.get(e.getKey()).shape().toArray())) {
                    throw new SpecJson.Reject("tensor " + e.getKey());
                }
            }
            expected = c.tensors();
        } catch (SpecJson.Reject reject) {
            try {
                TrainCommand.load(model, kind, INPUTS, file);
            } catch (SafeTensorsException | IllegalArgumentException e) {
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                return false;
            }
            throw new AssertionError("--load accepted what the spec rejects (" + reject.getMessage() + ")");
        }
        TrainCommand.load(model, kind, INPUTS, file);
        Map<String, Tensor> loaded = model.stateDict();
        for (Map.Entry<String, SpecSafeTensors.Tensor> e : expected.entrySet()) {
            assertTrue(SpecSafeTensors.same(e.getValue(), loaded.get(e.getKey()).data()), e.getKey());
        }
        return true;
    }
}
