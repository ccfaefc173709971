package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.io.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data-parallel training (a Spark job per round): the SGD equivalence, determinism, checkpoints and its errors. */
class JgradClassifierTest {
    static final int INPUTS = 12;
    static final int CLASSES = 3;

    @TempDir
    Path dir;

    /** Separable-ish synthetic rows: partition p holds rows [p n / parts, (p + 1) n / parts). */
    static Dataset<Row> synthetic(SparkSession spark, int n, int partitions) {
        Random rnd = new Random(17);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = rnd.nextInt(CLASSES);
            double[] f = new double[INPUTS];
            for (int j = 0; j < INPUTS; j++) {
                f[j] = (float) (rnd.nextGaussian() * 0.5 + (j % CLASSES == label ? 1.0 : 0.0));
            }
            rows.add(RowFactory.create(Vectors.dense(f), (double) label));
        }
        var schema = new org.apache.spark.sql.types.StructType()
                .add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType())
                .add("label", org.apache.spark.sql.types.DataTypes.DoubleType);
        return spark.createDataFrame(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(rows, partitions),
                schema);
    }

    static float[] weights(JgradModel m) {
        List<Float> all = new ArrayList<>();
        for (Tensor p : m.module().parameters()) {
            for (float v : p.data().toFloatArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    @Test
    void syncEveryStepWithSgdIsOneReplicaOnTheUnionOfTheBatches() {
        SparkSession spark = TestSpark.local2();
        int p = 2;
        int b = 8;
        int n = 160; // 80 rows per partition: 10 steps per epoch, 2 epochs = 20 steps
        Dataset<Row> data = synthetic(spark, n, p);
        JgradClassifier est = new JgradClassifier()
                .setModel("mlp")
                .setHiddenSizes(16)
                .setNumClasses(CLASSES)
                .setBatchSize(b)
                .setEpochs(2)
                .setLearningRate(0.5)
                .setSeed(9)
                .setSyncEvery(1);
        JgradModel fitted = est.fit(data);
        assertEquals(2, fitted.summary().partitions());
        assertEquals(20, fitted.summary().rounds());

        // The reference: one replica, batch p*b = the union of the replicas' batches at each step.
        List<Row> rows = data.collectAsList();
        ModelSpec spec = new ModelSpec("mlp", new int[] {INPUTS, 16, CLASSES});
        Module model = spec.build(new Generator(9));
        SGD sgd = new SGD(model.parameters(), 0.5);
        int per = n / p;
        for (int epoch = 1; epoch <= 2; epoch++) {
            int[][] perms = new int[p][];
            for (int r = 0; r < p; r++) {
                perms[r] = RoundTrainer.permutation(9, epoch, r, per);
            }
            for (int step = 0; step < per / b; step++) {
                float[] x = new float[p * b * INPUTS];
                long[] y = new long[p * b];
                for (int r = 0; r < p; r++) {
                    int[] idx = RoundTrainer.batchRows(perms[r], step, b);
                    for (int j = 0; j < b; j++) {
                        Row row = rows.get(r * per + idx[j]);
                        double[] f = ((org.apache.spark.ml.linalg.Vector) row.get(0)).toArray();
                        for (int k = 0; k < INPUTS; k++) {
                            x[(r * b + j) * INPUTS + k] = (float) f[k];
                        }
                        y[r * b + j] = (long) row.getDouble(1);
                    }
                }
                Tensor loss = F.crossEntropy(
                        model.call(Tensor.of(NDArray.wrap(x, p * b, INPUTS))), Tensor.of(NDArray.wrap(y, p * b)));
                sgd.zeroGrad();
                loss.backward();
                sgd.step();
            }
        }
        float[] got = weights(fitted);
        float[] want = weights(JgradModel.of(spec, model));
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6, "weight " + i);
        }
    }

    @Test
    void sameSeedDataAndPartitionsGiveTheSameWeightsAndAResumedRunEndsBitIdentical() throws Exception {
        SparkSession spark = TestSpark.local2();
        Dataset<Row> data = synthetic(spark, 150, 2).cache(); // 75 per partition: a partial, wrapping last batch
        JgradClassifier est = new JgradClassifier()
                .setModel("mlp")
                .setHiddenSizes(8)
                .setBatchSize(10)
                .setEpochs(3)
                .setOptimizer("adam")
                .setLearningRate(0.01)
                .setSeed(4)
                .setSyncEvery(3);
        // Each epoch is heard as it ends, from inside the fit (so spark-train prints its lines live).
        List<Integer> heard = new ArrayList<>();
        float[] first = weights(est.copy(new org.apache.spark.ml.param.ParamMap())
                .setKeepEpochModels(true)
                .onEpoch(e -> {
                    heard.add(e.epoch());
                    assertTrue(e.modelBytes() != null);
                    boolean insideFit = StackWalker.getInstance()
                            .walk(frames ->
                                    frames.anyMatch(f -> f.getClassName().equals(RoundTrainer.class.getName())
                                            && f.getMethodName().equals("fit")));
                    assertTrue(insideFit, "heard from inside the fit");
                })
                .fit(data));
        assertEquals(List.of(1, 2, 3), heard);
        assertArrayEquals(first, weights(est.fit(data)), "run after run");

        // Stop after epoch 2 with a checkpoint (each epoch's end), then resume to epoch 3.
        Path ckpt = Files.createDirectory(dir.resolve("ckpt"));
        JgradModel partial = est.copy(new org.apache.spark.ml.param.ParamMap())
                .setEpochs(2)
                .setCheckpointDir(ckpt.toString())
                .fit(data);
        assertEquals(2, partial.summary().epochs().size());
        Map<String, String> meta =
                SafeTensors.load(ckpt.resolve("checkpoint.safetensors")).metadata();
        assertEquals("3", meta.get(RoundTrainer.EPOCH_KEY));
        assertEquals("0", meta.get(RoundTrainer.STEP_KEY));
        // The settings must match for a resume: epochs is not one of them.
        JgradModel resumed = est.copy(new org.apache.spark.ml.param.ParamMap())
                .setCheckpointDir(ckpt.toString())
                .fit(data);
        assertEquals(1, resumed.summary().epochs().size(), "only epoch 3 ran");
        assertArrayEquals(first, weights(resumed));

        // A checkpoint in the middle of an epoch (every 2 rounds) resumes exactly too.
        Path mid = Files.createDirectory(dir.resolve("mid"));
        JgradClassifier every2 = est.copy(new org.apache.spark.ml.param.ParamMap())
                .setCheckpointEvery(2)
                .setCheckpointDir(mid.toString());
        every2.copy(new org.apache.spark.ml.param.ParamMap()).setEpochs(1).fit(data);
        assertEquals(
                "1",
                SafeTensors.load(mid.resolve("checkpoint.safetensors"))
                        .metadata()
                        .get(RoundTrainer.EPOCH_KEY));
        assertArrayEquals(first, weights(every2.fit(data)));

        IllegalArgumentException other = assertThrows(
                IllegalArgumentException.class,
                () -> est.copy(new org.apache.spark.ml.param.ParamMap())
                        .setSeed(5)
                        .setCheckpointDir(ckpt.toString())
                        .fit(data));
        assertTrue(other.getMessage().contains("other settings"), other.getMessage());
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> est.copy(new org.apache.spark.ml.param.ParamMap())
                        .setCheckpointDir(dir.resolve("nope").toString())
                        .fit(data));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        data.unpersist();
    }

    @Test
    void morePartitionsThanSlotsOrEmptyPartitionsFailBeforeTraining() {
        SparkSession spark = TestSpark.local2();
        JgradClassifier est = new JgradClassifier().setModel("softmax").setEpochs(1);
        IllegalArgumentException slots =
                assertThrows(IllegalArgumentException.class, () -> est.fit(synthetic(spark, 30, 3)));
        assertTrue(slots.getMessage().contains("3 partitions but only 2 task slots"), slots.getMessage());
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> est.fit(synthetic(spark, 1, 2)));
        assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
    }

    @Test
    void theEstimatorSavesAndLoadsAndItsModelScores() throws Exception {
        SparkSession spark = TestSpark.local2();
        JgradClassifier est = new JgradClassifier()
                .setModel("softmax")
                .setBatchSize(16)
                .setEpochs(2)
                .setSeed(3)
                .setSyncEvery(0)
                .setLearningRate(0.5);
        String path = dir.resolve("est").toString();
        est.write().save(path);
        JgradClassifier back = JgradClassifier.load(path);
        assertEquals(est.uid(), back.uid());
        assertEquals(0, (int) back.getOrDefault(back.syncEvery()));
        Dataset<Row> data = synthetic(spark, 200, 2);
        JgradModel m = back.fit(data);
        double acc = m.transform(data).filter("prediction = label").count() / 200.0;
        assertTrue(acc > 0.8, "training accuracy " + acc);
        assertEquals(2, m.summary().rounds(), "syncEvery 0: once per epoch");
        assertTrue(
                m.summary().payloadBytes() > (INPUTS * CLASSES + CLASSES) * 4,
                "payload " + m.summary().payloadBytes());
    }
}
