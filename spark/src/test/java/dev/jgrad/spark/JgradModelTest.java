package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.mnist.MnistSample;
import dev.jgrad.mnist.MnistSplit;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring a DataFrame gives model.call's bits on the same batches, whatever the column type. */
class JgradModelTest {
    private static final int ROWS = 400; // of the embedded sample's 1,000 test images
    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static SparkSession spark;
    private static MnistSplit test;
    private static ModelSpec spec;
    private static Module module;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        spark = TestSpark.local2();
        test = MnistSample.test();
        spec = new ModelSpec("mlp", new int[] {784, 32, 10});
        module = spec.build(new Generator(3));
        module.eval();
    }

    /** Expected logits per image id: model.call on each partition's consecutive batches of batchSize. */
    @SuppressWarnings("try") // noGrad is opened for its effect
    private static Map<Long, float[]> expected(Dataset<Row> scored, int batchSize, MnistSplit split, int rowCount) {
        List<Row> rows = scored.withColumn("pid", functions.spark_partition_id())
                .select("pid", "id")
                .collectAsList();
        Map<Integer, List<Long>> byPartition = new TreeMap<>();
        for (Row r : rows) {
            byPartition.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r.getLong(1));
        }
        float[] pixels = split.images().narrow(0, 0, rowCount).contiguous().toFloatArray();
        Map<Long, float[]> out = new TreeMap<>();
        for (List<Long> ids : byPartition.values()) {
            ids.sort(Comparator.naturalOrder());
            for (int start = 0; start < ids.size(); start += batchSize) {
                int n = Math.min(batchSize, ids.size() - start);
                float[] x = new float[n * 784];
                for (int i = 0; i < n; i++) {
                    long id = ids.get(start + i);
                    for (int j = 0; j < 784; j++) {
                        x[i * 784 + j] = pixels[(int) id * 784 + j] / 255f;
                    }
                }
                float[] y;
                try (var s = Tensor.noGrad()) {
                    y = module.call(Tensor.of(NDArray.wrap(x, n, 784))).data().toFloatArray();
                }
                for (int i = 0; i < n; i++) {
                    float[] row = new float[10];
                    System.arraycopy(y, i * 10, row, 0, 10);
                    out.put(ids.get(start + i), row);
                }
            }
        }
        return out;
    }

    private static void assertExact(Dataset<Row> scored, int batchSize) {
        assertExact(scored, batchSize, test, ROWS);
    }

    private static void assertExact(Dataset<Row> scored, int batchSize, MnistSplit split, int rowCount) {
        Map<Long, float[]> expected = expected(scored, batchSize, split, rowCount);
        List<Row> rows = scored.select("id", "rawPrediction", "probability", "prediction")
                .collectAsList();
        assertEquals(rowCount, rows.size());
        for (Row r : rows) {
            float[] want = expected.get(r.getLong(0));
            double[] got = ((Vector) r.get(1)).toArray();
            float[] gotF = new float[got.length];
            int best = 0;
            for (int j = 0; j < got.length; j++) {
                gotF[j] = (float) got[j];
                assertEquals(got[j], gotF[j], 0.0, "a logit is a float32 value");
                if (want[j] > want[best]) {
                    best = j;
                }
            }
            assertArrayEquals(want, gotF, "image " + r.getLong(0) + ", batch size " + batchSize);
            assertEquals(best, r.getDouble(3), 0.0);
            double sum = 0;
            for (double p : ((Vector) r.get(2)).toArray()) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void logitsAreBitForBitModelCallOnTheSameBatches() {
        Dataset<Row> frame = MnistFrames.of(spark, test, ROWS, 2).cache();
        JgradModel model = JgradModel.of(spec, module);
        // 200 rows per partition: 7 and 150 leave a partial last batch, 1 and 100 do not.
        for (int batch : new int[] {1, 7, 100, 150}) {
            assertExact(model.setBatchSize(batch).transform(frame), batch);
        }
        frame.unpersist();
    }

    /**
     * The exactness check on the whole Fashion-MNIST test set (10,000 images, 5,000 per
     * partition): batch size 7 leaves a partial last batch, 1 and 100 do not. CI installs the
     * data and sets JGRAD_REQUIRE_FASHION_MNIST=1, so there the test fails rather than skips.
     */
    @Test
    void allTenThousandFashionMnistTestImagesScoreAsModelCall() throws Exception {
        Path images = FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz");
        if (!Files.isRegularFile(images)) {
            String reason = "Fashion-MNIST is not installed in " + FASHION_MNIST;
            if ("1".equals(System.getenv("JGRAD_REQUIRE_FASHION_MNIST"))) {
                fail(reason + ", and JGRAD_REQUIRE_FASHION_MNIST=1 requires it");
            }
            Assumptions.abort(reason + "; skipping the full test-set check");
        }
        MnistSplit full = MnistSplit.load(images, FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals(10_000, full.images().size(0));
        Dataset<Row> frame = MnistFrames.of(spark, full, 10_000, 2).cache();
        JgradModel model = JgradModel.of(spec, module);
        for (int batch : new int[] {1, 7, 100}) {
            assertExact(model.setBatchSize(batch).transform(frame), batch, full, 10_000);
        }
        frame.unpersist();
    }

    @Test
    void arrayColumnsScoreLikeVectors() {
        Dataset<Row> frame = MnistFrames.of(spark, test, ROWS, 2);
        JgradModel model = JgradModel.of(spec, module).setBatchSize(64);
        List<Row> viaVector = model.transform(frame)
                .select("id", "rawPrediction")
                .orderBy("id")
                .collectAsList();
        Dataset<Row> doubles = frame.withColumn(
                "features", org.apache.spark.ml.functions.vector_to_array(frame.col("features"), "float64"));
        Dataset<Row> floats = frame.withColumn(
                "features", org.apache.spark.ml.functions.vector_to_array(frame.col("features"), "float32"));
        assertEquals(
                "array<double>", doubles.schema().apply("features").dataType().simpleString());
        assertEquals(
                "array<float>", floats.schema().apply("features").dataType().simpleString());
        assertEquals(
                viaVector,
                model.transform(doubles)
                        .select("id", "rawPrediction")
                        .orderBy("id")
                        .collectAsList());
        assertEquals(
                viaVector,
                model.transform(floats)
                        .select("id", "rawPrediction")
                        .orderBy("id")
                        .collectAsList());
    }

    @Test
    void theModelIsDecodedOncePerJvmAndReusedByEveryTaskAndTransform() {
        Dataset<Row> frame = MnistFrames.of(spark, test, 200, 2);
        JgradModel model = JgradModel.of(spec, module).setBatchSize(50);
        int before = ExecutorModels.decodes();
        model.transform(frame).count();
        model.transform(frame).collectAsList();
        model.setProbabilityCol("").transform(frame).collectAsList();
        assertEquals(1, ExecutorModels.decodes() - before, "2 partitions x 3 jobs, one decode");
    }

    @Test
    void optionalColumnsAndBadInputs() {
        Dataset<Row> frame = MnistFrames.of(spark, test, 20, 2);
        JgradModel model = JgradModel.of(spec, module).setProbabilityCol("").setRawPredictionCol("logits");
        assertEquals(
                List.of("id", "features", "label", "logits", "prediction"),
                List.of(model.transform(frame).columns()));
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> model.setFeaturesCol("pixels").transform(frame));
        assertTrue(missing.getMessage().contains("no column 'pixels'"), missing.getMessage());
        IllegalArgumentException type = assertThrows(
                IllegalArgumentException.class,
                () -> model.setFeaturesCol("label").transform(frame));
        assertTrue(type.getMessage().contains("has type double"), type.getMessage());
        ModelSpec small = new ModelSpec("softmax", new int[] {5, 3});
        JgradModel wrongWidth = JgradModel.of(small, small.build(new Generator(1)));
        Exception e =
                assertThrows(Exception.class, () -> wrongWidth.transform(frame).collectAsList());
        assertTrue(
                String.valueOf(rootMessage(e)).contains("has a row of 784 features; the model takes 5"),
                rootMessage(e));
    }

    static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    @Test
    void savesAndLoadsAloneAndInAPipeline() throws Exception {
        Dataset<Row> frame = MnistFrames.of(spark, test, 100, 2);
        JgradModel model = JgradModel.of(spec, module).setBatchSize(13).setProbabilityCol("p");
        List<Row> expected = model.transform(frame).orderBy("id").collectAsList();

        String path = dir.resolve("model").toString();
        model.write().save(path);
        JgradModel loaded = JgradModel.load(path);
        assertEquals(13, (int) loaded.getOrDefault(loaded.batchSize()));
        assertEquals(model.uid(), loaded.uid());
        assertEquals(expected, loaded.transform(frame).orderBy("id").collectAsList());
        // The weights file is what ./jgrad train --load reads.
        assertEquals(
                spec,
                ModelSpec.fromMetadata(
                        dev.jgrad.tensor.io.SafeTensors.load(Path.of(path, "data", "model.safetensors"))
                                .metadata(),
                        "saved"));

        PipelineModel pipeline =
                new Pipeline().setStages(new PipelineStage[] {model}).fit(frame);
        String pPath = dir.resolve("pipeline").toString();
        pipeline.write().save(pPath);
        PipelineModel back = PipelineModel.load(pPath);
        assertEquals(expected, back.transform(frame).orderBy("id").collectAsList());
    }
}
