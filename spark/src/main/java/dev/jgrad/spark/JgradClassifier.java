package dev.jgrad.spark;

import dev.jgrad.nn.Module;
import dev.jgrad.tensor.io.SafeTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains a jgrad classifier on a DataFrame, synchronous data-parallel on Spark's own primitives: one
 * replica per partition, and one short Spark job per synchronisation round, in which each task
 * rebuilds its replica from the broadcast averaged state, runs {@code syncEvery} local steps (fewer at
 * an epoch's end) on its partition and returns its parameters and optimizer state, which a
 * {@code treeAggregate} sums in a fixed order and the driver averages. No sockets or servers of its
 * own. {@link #fit} returns a {@link JgradModel}. (Barrier mode's {@code allGather} was tried first:
 * Spark 4.2 polls its reply once a second, so each round cost about a second; see {@link RoundTrainer}.)
 *
 * <p>The model is a spec ({@code softmax}, or {@code mlp} with {@code hiddenSizes}), so the
 * estimator is fully described by its params and saves with Spark's ML persistence. Inputs are the
 * features column's width; classes are {@code numClasses} or, when 0, the largest label plus one. The
 * training rows are decoded once into float32 blocks cached in memory for the fit.
 *
 * <p>Each replica's batch is {@code batchSize} rows, so the global batch is partitions x
 * batchSize and the learning rate is applied to the mean over it, unscaled. With plain SGD and
 * {@code syncEvery = 1} a step equals one replica's step on the union of the batches. With
 * {@code syncEvery > 1} optimizer state (momentum, Adam's moments) is averaged too, so after every
 * round all replicas start from identical state and a checkpoint is the whole training state. The
 * default {@code syncEvery} is {@value #DEFAULT_SYNC_EVERY} local steps.
 *
 * <p>The same seed, data and partitioning give the same final weights on every run. More partitions
 * than task slots fails before training: a round would then run its tasks in waves, correct but each
 * round as slow as its waves, so the sizing rule is one replica per slot. A failed task is retried by
 * Spark (with {@code spark.task.maxFailures} > 1) and recomputes the same bits, since a round's task
 * is a function of the broadcast state, the seed and its partition. With {@code checkpointDir} set,
 * the driver writes {@code checkpoint.safetensors} there (atomically) every {@code checkpointEvery}
 * rounds (0: at each epoch's end), and a fit that finds one there resumes from it, ending
 * bit-identical to an uninterrupted run. The directory is the driver's.
 */
public final class JgradClassifier extends Estimator<JgradModel> implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    /** The default of {@code syncEvery}, and of {@code ./jgrad spark-train --sync-every}. */
    public static final int DEFAULT_SYNC_EVERY = 100;

    private final String uid;
    private JgradModel initialModel;
    private transient Consumer<TrainingSummary.Epoch> epochListener;

    /** Features column: Spark ML vectors, {@code array<float>} or {@code array<double>}. */
    public final Param<String> featuresCol;
    /** Label column: numbers holding class indices 0, 1, ... */
    public final Param<String> labelCol;
    /** Model kind: softmax or mlp. */
    public final Param<String> model;
    /** Hidden layer widths of an mlp. */
    public final IntArrayParam hiddenSizes;
    /** Number of classes; 0 infers the largest label plus one. */
    public final IntParam numClasses;
    /** Optimizer: sgd or adam. */
    public final Param<String> optimizer;
    /** Learning rate. */
    public final DoubleParam learningRate;
    /** Rows per replica per step. */
    public final IntParam batchSize;
    /** Passes over the data. */
    public final IntParam epochs;
    /** Seed of the initial weights and the shuffles. */
    public final LongParam seed;
    /** Local steps between synchronisations; 0 syncs once per epoch. */
    public final IntParam syncEvery;
    /** Synchronisation rounds between checkpoints; 0 checkpoints at each epoch's end. */
    public final IntParam checkpointEvery;
    /** Directory for checkpoints ("" for none); an existing checkpoint there is resumed. */
    public final Param<String> checkpointDir;
    /** Whether the summary keeps each epoch's averaged model. */
    public final BooleanParam keepEpochModels;

    /** A classifier with the defaults of {@code ./jgrad train}: mlp 256 hidden, SGD lr 0.1, batch 100, 5 epochs. */
    public JgradClassifier() {
        this(Identifiable.randomUID("jgradClassifier"));
    }

    /**
     * A classifier with a given uid (Spark's copy and load use it).
     *
     * @param uid the Spark ML uid
     */
    public JgradClassifier(String uid) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "features column name");
        labelCol = new Param<>(this, "labelCol", "label column name");
        model = new Param<>(
                this, "model", "model kind: softmax or mlp", ParamValidators.inArray(new String[] {"softmax", "mlp"}));
        hiddenSizes = new IntArrayParam(this, "hiddenSizes", "hidden layer widths of an mlp");
        numClasses =
                new IntParam(this, "numClasses", "number of classes (0: largest label + 1)", ParamValidators.gtEq(0));
        optimizer = new Param<>(
                this, "optimizer", "optimizer: sgd or adam", ParamValidators.inArray(new String[] {"sgd", "adam"}));
        learningRate = new DoubleParam(this, "learningRate", "learning rate", ParamValidators.gt(0));
        batchSize = new IntParam(this, "batchSize", "rows per partition per step", ParamValidators.gtEq(1));
        epochs = new IntParam(this, "epochs", "passes over the data", ParamValidators.gtEq(1));
        seed = new LongParam(this, "seed", "seed of the initial weights and the shuffles");
        syncEvery = new IntParam(
                this, "syncEvery", "local steps between synchronisations (0: once per epoch)", ParamValidators.gtEq(0));
        checkpointEvery = new IntParam(
                this,
                "checkpointEvery",
                "synchronisation rounds between checkpoints (0: at each epoch's end)",
                ParamValidators.gtEq(0));
        checkpointDir = new Param<>(this, "checkpointDir", "checkpoint directory (\"\": none)");
        keepEpochModels =
                new BooleanParam(this, "keepEpochModels", "keep each epoch's averaged model in the training summary");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(model, "mlp");
        setDefault(hiddenSizes, new int[] {256});
        setDefault(numClasses, 0);
        setDefault(optimizer, "sgd");
        setDefault(learningRate, 0.1);
        setDefault(batchSize, 100);
        setDefault(epochs, 5);
        setDefault(seed, 0L);
        setDefault(syncEvery, DEFAULT_SYNC_EVERY);
        setDefault(checkpointEvery, 0);
        setDefault(checkpointDir, "");
        setDefault(keepEpochModels, false);
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * Starts training from this model's weights instead of the seed's initialisation, as Spark's
     * {@code KMeans.setInitialModel}; its kind and sizes must match what the data and params
     * call for. Not a param: a saved estimator does not keep it.
     *
     * @param model the starting weights, or null for none
     * @return this
     */
    public JgradClassifier setInitialModel(JgradModel model) {
        this.initialModel = model;
        return this;
    }

    /**
     * Sets the features column.
     *
     * @param v the features column
     * @return this
     */
    public JgradClassifier setFeaturesCol(String v) {
        set(featuresCol, v);
        return this;
    }

    /**
     * Sets the label column.
     *
     * @param v the label column
     * @return this
     */
    public JgradClassifier setLabelCol(String v) {
        set(labelCol, v);
        return this;
    }

    /**
     * Sets softmax or mlp.
     *
     * @param v softmax or mlp
     * @return this
     */
    public JgradClassifier setModel(String v) {
        set(model, v);
        return this;
    }

    /**
     * Sets hidden widths of an mlp.
     *
     * @param v hidden widths of an mlp
     * @return this
     */
    public JgradClassifier setHiddenSizes(int... v) {
        set(hiddenSizes, v);
        return this;
    }

    /**
     * Sets number of classes, 0 to infer.
     *
     * @param v number of classes, 0 to infer
     * @return this
     */
    public JgradClassifier setNumClasses(int v) {
        set(numClasses, v);
        return this;
    }

    /**
     * Sets sgd or adam.
     *
     * @param v sgd or adam
     * @return this
     */
    public JgradClassifier setOptimizer(String v) {
        set(optimizer, v);
        return this;
    }

    /**
     * Sets learning rate.
     *
     * @param v learning rate
     * @return this
     */
    public JgradClassifier setLearningRate(double v) {
        set(learningRate, v);
        return this;
    }

    /**
     * Sets rows per partition per step.
     *
     * @param v rows per partition per step
     * @return this
     */
    public JgradClassifier setBatchSize(int v) {
        set(batchSize, v);
        return this;
    }

    /**
     * Sets passes over the data.
     *
     * @param v passes over the data
     * @return this
     */
    public JgradClassifier setEpochs(int v) {
        set(epochs, v);
        return this;
    }

    /**
     * Sets seed.
     *
     * @param v seed
     * @return this
     */
    public JgradClassifier setSeed(long v) {
        set(seed, v);
        return this;
    }

    /**
     * Sets local steps between synchronisations, 0 for once per epoch.
     *
     * @param v local steps between synchronisations, 0 for once per epoch
     * @return this
     */
    public JgradClassifier setSyncEvery(int v) {
        set(syncEvery, v);
        return this;
    }

    /**
     * Sets rounds between checkpoints, 0 for each epoch's end.
     *
     * @param v rounds between checkpoints, 0 for each epoch's end
     * @return this
     */
    public JgradClassifier setCheckpointEvery(int v) {
        set(checkpointEvery, v);
        return this;
    }

    /**
     * Sets checkpoint directory, "" for none.
     *
     * @param v checkpoint directory, "" for none
     * @return this
     */
    public JgradClassifier setCheckpointDir(String v) {
        set(checkpointDir, v);
        return this;
    }

    /**
     * Sets whether to keep each epoch's model in the summary.
     *
     * @param v whether to keep each epoch's model in the summary
     * @return this
     */
    public JgradClassifier setKeepEpochModels(boolean v) {
        set(keepEpochModels, v);
        return this;
    }

    /**
     * The {@code featuresCol} param.
     *
     * @return the param
     */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /**
     * The {@code labelCol} param.
     *
     * @return the param
     */
    public Param<String> labelCol() {
        return labelCol;
    }

    /**
     * The {@code model} param.
     *
     * @return the param
     */
    public Param<String> model() {
        return model;
    }

    /**
     * The {@code hiddenSizes} param.
     *
     * @return the param
     */
    public IntArrayParam hiddenSizes() {
        return hiddenSizes;
    }

    /**
     * The {@code numClasses} param.
     *
     * @return the param
     */
    public IntParam numClasses() {
        return numClasses;
    }

    /**
     * The {@code optimizer} param.
     *
     * @return the param
     */
    public Param<String> optimizer() {
        return optimizer;
    }

    /**
     * The {@code learningRate} param.
     *
     * @return the param
     */
    public DoubleParam learningRate() {
        return learningRate;
    }

    /**
     * The {@code batchSize} param.
     *
     * @return the param
     */
    public IntParam batchSize() {
        return batchSize;
    }

    /**
     * The {@code epochs} param.
     *
     * @return the param
     */
    public IntParam epochs() {
        return epochs;
    }

    /**
     * The {@code seed} param.
     *
     * @return the param
     */
    public LongParam seed() {
        return seed;
    }

    /**
     * The {@code syncEvery} param.
     *
     * @return the param
     */
    public IntParam syncEvery() {
        return syncEvery;
    }

    /**
     * The {@code checkpointEvery} param.
     *
     * @return the param
     */
    public IntParam checkpointEvery() {
        return checkpointEvery;
    }

    /**
     * The {@code checkpointDir} param.
     *
     * @return the param
     */
    public Param<String> checkpointDir() {
        return checkpointDir;
    }

    /**
     * The {@code keepEpochModels} param.
     *
     * @return the param
     */
    public BooleanParam keepEpochModels() {
        return keepEpochModels;
    }

    @SuppressWarnings("unchecked")
    private <T> T value(Param<?> p) {
        return (T) getOrDefault(p);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Features.of(schema, value(featuresCol));
        String label = value(labelCol);
        int i = Features.fieldIndex(schema, label);
        if (!(schema.fields()[i].dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("label column '" + label + "' has type "
                    + schema.fields()[i].dataType().simpleString() + "; expected numbers (class indices)");
        }
        return schema;
    }

    /**
     * Sets what hears each epoch as it ends (the driver runs it between rounds): for progress output.
     * Not a param: a copy or a saved estimator does not keep it.
     */
    JgradClassifier onEpoch(Consumer<TrainingSummary.Epoch> listener) {
        this.epochListener = listener;
        return this;
    }

    @Override
    public JgradModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> df = dataset.toDF().select((String) value(featuresCol), new String[] {value(labelCol)});
        Features features = Features.of(df.schema(), value(featuresCol));
        JavaRDD<Row> rows = df.javaRDD();
        SparkContext sc = dataset.sparkSession().sparkContext();
        int partitions = rows.getNumPartitions();
        int slots = sc.maxNumConcurrentTasks(sc.resourceProfileManager().defaultResourceProfile());
        if (partitions > slots) {
            throw new IllegalArgumentException("training runs one replica per partition, all at once: " + partitions
                    + " partitions but only " + slots + " task slots (master " + sc.master()
                    + "); repartition to at most " + slots + " or add executors");
        }
        JavaRDD<TrainingBlock> blocks = rows.mapPartitionsWithIndex(
                        (index, it) -> TrainingBlock.decode(index, it, features), true)
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            return fit(blocks, partitions, JavaSparkContext.fromSparkContext(sc));
        } finally {
            blocks.unpersist(false);
        }
    }

    private JgradModel fit(JavaRDD<TrainingBlock> blocks, int partitions, JavaSparkContext jsc) {
        List<long[]> stats =
                blocks.map(b -> new long[] {b.rows(), b.width(), b.maxLabel()}).collect();
        int[] counts = new int[partitions];
        long total = 0;
        int inputs = -1;
        long maxLabel = -1;
        for (int p = 0; p < partitions; p++) {
            long[] st = stats.get(p);
            counts[p] = Math.toIntExact(st[0]);
            total += counts[p];
            if (st[1] >= 0) {
                if (inputs >= 0 && st[1] != inputs) {
                    throw new IllegalArgumentException("features column '" + value(featuresCol) + "' has rows of "
                            + inputs + " and of " + st[1] + " features");
                }
                inputs = (int) st[1];
            }
            maxLabel = Math.max(maxLabel, st[2]);
        }
        for (int p = 0; p < partitions; p++) {
            if (counts[p] == 0) {
                throw new IllegalArgumentException("partition " + p + " of " + partitions + " is empty (" + total
                        + " rows in all): every replica needs rows; use fewer partitions");
            }
        }
        int given = value(numClasses);
        if (given > 0 && maxLabel >= given) {
            throw new IllegalArgumentException(
                    "label " + maxLabel + " is not a class index in [0, " + given + ") (numClasses " + given + ")");
        }
        int classes = given > 0 ? given : (int) maxLabel + 1;
        ModelSpec spec = ModelSpec.of(value(model), inputs, value(hiddenSizes), classes);
        String dir = value(checkpointDir);
        if (initialModel != null && !initialModel.spec().equals(spec)) {
            throw new IllegalArgumentException(
                    "the initial model is " + initialModel.spec() + " but this fit trains " + spec);
        }
        RoundTrainer.Config config = new RoundTrainer.Config(
                spec,
                value(optimizer),
                value(learningRate),
                value(batchSize),
                value(epochs),
                value(seed),
                value(syncEvery),
                value(checkpointEvery),
                dir,
                value(keepEpochModels),
                counts);
        Module initial = initialModel == null ? null : initialModel.module();
        byte[] resume = dir.isEmpty() ? null : resumeFrom(dir, config.settings(initial != null));
        RoundTrainer.Result result = RoundTrainer.fit(blocks, config, initial, resume, epochListener);
        JgradModel fitted = new JgradModel(result.modelBytes()).withSummary(result.summary());
        fitted.setFeaturesCol(value(featuresCol));
        return fitted.setParent(this);
    }

    private static byte[] resumeFrom(String dir, String settings) {
        Path folder = Path.of(dir);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("checkpoint directory " + dir + " does not exist");
        }
        Path file = RoundTrainer.checkpointFile(dir);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            Map<String, String> meta = SafeTensors.load(bytes, file.toString()).metadata();
            String saved = meta.get(RoundTrainer.SETTINGS_KEY);
            if (!settings.equals(saved)) {
                throw new IllegalArgumentException(file + " was written by a fit with other settings (" + saved
                        + "); this fit has " + settings + ": use another checkpoint directory");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JgradClassifier copy(ParamMap extra) {
        JgradClassifier copy = defaultCopy(extra);
        copy.initialModel = initialModel;
        return copy;
    }

    /**
     * Spark's reader for this class.
     *
     * @return a reader
     */
    public static MLReader<JgradClassifier> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * Loads an estimator saved with {@code write().save(path)}.
     *
     * @param path the directory
     * @return the estimator with its saved params
     */
    public static JgradClassifier load(String path) {
        return read().load(path);
    }
}
