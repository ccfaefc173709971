package dev.jgrad.spark;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Parallel;
import dev.jgrad.tensor.io.SafeTensorsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A trained jgrad classifier as a Spark ML {@link Model}: {@link #transform} scores a DataFrame
 * and writes what Spark's own probabilistic classifiers write, a {@code rawPrediction} vector (the
 * logits), a {@code probability} vector (their softmax; set {@code probabilityCol} to "" to skip
 * it) and a {@code prediction} (the index of the largest logit, as a double).
 *
 * <p>Features come from a column of Spark ML vectors or of {@code array<float>} /
 * {@code array<double>}, one row per example. The model travels to the executors once, as
 * safetensors bytes in a broadcast variable; each executor JVM decodes it once and shares it
 * between its tasks. Each task runs the forward pass under no-grad on batches of
 * {@code batchSize} consecutive rows of its partition, with as many kernel threads as Spark gives
 * a task ({@code spark.task.cpus}, set per thread: a task never changes the JVM-wide count).
 *
 * <p><b>Exactness and batches:</b> a row's logits are bit-for-bit those of {@code model.call} on
 * the same batch in one JVM. They can differ in the last bits between batches of different sizes
 * (the matrix product takes different paths for few rows and for many), so a row's bits depend on
 * the batch it shares: its partition and {@code batchSize}, not the thread count or the executor.
 *
 * <p>Saves and loads with Spark's ML persistence ({@code model.write().save(path)},
 * {@link #load(String)}), also inside a {@code PipelineModel}: Spark's metadata plus the weights
 * as {@code data/model.safetensors}, a file {@code ./jgrad train --load} reads.
 */
public final class JgradModel extends Model<JgradModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    private static final String WEIGHTS = "data/model.safetensors";

    private final String uid;
    private final byte[] modelBytes;
    private final ModelSpec spec;
    private transient Broadcast<byte[]> broadcast;
    private transient TrainingSummary summary;

    /** Name of the features column: Spark ML vectors, {@code array<float>} or {@code array<double>}. */
    public final Param<String> featuresCol;
    /** Name of the prediction column written (double: the class index). */
    public final Param<String> predictionCol;
    /** Name of the raw prediction (logits) column written, a vector; "" to skip it. */
    public final Param<String> rawPredictionCol;
    /** Name of the probability column written, a vector; "" to skip it. */
    public final Param<String> probabilityCol;
    /** Rows per forward pass (>= 1). */
    public final IntParam batchSize;

    /**
     * A model from safetensors bytes as {@code ./jgrad train --save} writes them (state dict plus
     * {@code jgrad.model}/{@code jgrad.sizes} metadata).
     *
     * @param modelBytes the safetensors encoding of the model
     * @throws IllegalArgumentException if the bytes are not a jgrad model
     */
    public JgradModel(byte[] modelBytes) {
        this(Identifiable.randomUID("jgradModel"), modelBytes);
    }

    /**
     * A model with a given uid (Spark's copy and load use it).
     *
     * @param uid the Spark ML uid
     * @param modelBytes the safetensors encoding of the model
     * @throws IllegalArgumentException if the bytes are not a jgrad model
     */
    public JgradModel(String uid, byte[] modelBytes) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "features column name");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        rawPredictionCol = new Param<>(this, "rawPredictionCol", "raw prediction (logits) column name");
        probabilityCol = new Param<>(this, "probabilityCol", "probability column name");
        batchSize = new IntParam(this, "batchSize", "rows per forward pass (>= 1)", ParamValidators.gtEq(1));
        this.modelBytes = modelBytes.clone();
        try {
            this.spec = ModelBytes.spec(this.modelBytes, "model bytes");
        } catch (SafeTensorsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(rawPredictionCol, "rawPrediction");
        setDefault(probabilityCol, "probability");
        setDefault(batchSize, 1000);
    }

    /**
     * A model holding the given jgrad module.
     *
     * @param spec what the module is (kind and sizes)
     * @param module the module, with {@code spec}'s layout
     * @return a Spark ML model scoring with a copy of the module's weights
     */
    public static JgradModel of(ModelSpec spec, Module module) {
        return new JgradModel(ModelBytes.encode(spec, module));
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * The model's kind and sizes.
     *
     * @return the spec
     */
    public ModelSpec spec() {
        return spec;
    }

    /**
     * The weights as safetensors bytes ({@code ./jgrad train --load} reads them from a file).
     *
     * @return a copy of the bytes
     */
    public byte[] modelBytes() {
        return modelBytes.clone();
    }

    /**
     * A new jgrad module with this model's weights, in eval mode, for use in one JVM.
     *
     * @return the module
     */
    public Module module() {
        try {
            return ModelBytes.decode(modelBytes, "model bytes");
        } catch (SafeTensorsException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@link JgradClassifier#fit} measured, when this model came from it.
     *
     * @return the summary, or null for a loaded or hand-built model
     */
    public TrainingSummary summary() {
        return summary;
    }

    JgradModel withSummary(TrainingSummary s) {
        this.summary = s;
        return this;
    }

    /**
     * Sets the features column name.
     *
     * @param value the features column name
     * @return this model
     */
    public JgradModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * Sets the prediction column name.
     *
     * @param value the prediction column name
     * @return this model
     */
    public JgradModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * Sets the raw prediction (logits) column name, "" for none.
     *
     * @param value the raw prediction (logits) column name, "" for none
     * @return this model
     */
    public JgradModel setRawPredictionCol(String value) {
        set(rawPredictionCol, value);
        return this;
    }

    /**
     * Sets the probability column name, "" for none.
     *
     * @param value the probability column name, "" for none
     * @return this model
     */
    public JgradModel setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    /**
     * Sets rows per forward pass, at least 1.
     *
     * @param value rows per forward pass, at least 1
     * @return this model
     */
    public JgradModel setBatchSize(int value) {
        set(batchSize, value);
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
     * The {@code predictionCol} param.
     *
     * @return the param
     */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /**
     * The {@code rawPredictionCol} param.
     *
     * @return the param
     */
    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    /**
     * The {@code probabilityCol} param.
     *
     * @return the param
     */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /**
     * The {@code batchSize} param.
     *
     * @return the param
     */
    public IntParam batchSize() {
        return batchSize;
    }

    private String str(Param<String> p) {
        return getOrDefault(p);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Features.of(schema, str(featuresCol));
        StructType out = schema;
        for (String col : List.of(str(rawPredictionCol), str(probabilityCol), str(predictionCol))) {
            if (!col.isEmpty() && Arrays.asList(schema.fieldNames()).contains(col)) {
                throw new IllegalArgumentException(
                        "output column '" + col + "' already exists in " + schema.simpleString());
            }
        }
        for (Param<String> vectorCol : List.of(rawPredictionCol, probabilityCol)) {
            if (!str(vectorCol).isEmpty()) {
                out = out.add(new StructField(
                        str(vectorCol), SQLDataTypes.VectorType(), false, org.apache.spark.sql.types.Metadata.empty()));
            }
        }
        if (!str(predictionCol).isEmpty()) {
            out = out.add(str(predictionCol), DataTypes.DoubleType, false);
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outSchema = transformSchema(dataset.schema());
        SparkSession spark = dataset.sparkSession();
        Scorer scorer = new Scorer(
                broadcast(spark),
                Features.of(dataset.schema(), str(featuresCol)),
                spec.inputs(),
                (Integer) getOrDefault(batchSize),
                !str(rawPredictionCol).isEmpty(),
                !str(probabilityCol).isEmpty(),
                !str(predictionCol).isEmpty());
        JavaRDD<Row> scored = dataset.toDF().javaRDD().mapPartitions(scorer);
        return spark.createDataFrame(scored, outSchema);
    }

    /** One broadcast per model instance, reused by every transform, so executors decode it once. */
    private synchronized Broadcast<byte[]> broadcast(SparkSession spark) {
        if (broadcast == null || !broadcast.isValid()) {
            broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(modelBytes);
        }
        return broadcast;
    }

    @Override
    public JgradModel copy(ParamMap extra) {
        JgradModel copy = copyValues(new JgradModel(uid, modelBytes), extra);
        copy.summary = summary;
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /**
     * Spark's reader for this class ({@code PipelineModel.load} finds it by reflection).
     *
     * @return a reader
     */
    public static MLReader<JgradModel> read() {
        return new Reader();
    }

    /**
     * Loads a model saved with {@code model.write().save(path)}.
     *
     * @param path the directory it was saved to (any Hadoop file system)
     * @return the model, with its saved params
     */
    public static JgradModel load(String path) {
        return read().load(path);
    }

    /**
     * Scores one partition in batches; runs on the executors. A record: Spark serializes it into
     * each task, with the broadcast model, how to read the features, and which columns to write.
     */
    record Scorer(
            Broadcast<byte[]> model,
            Features features,
            int inputs,
            int batchSize,
            boolean raw,
            boolean probability,
            boolean prediction)
            implements FlatMapFunction<Iterator<Row>, Row> {
        /** Nanoseconds this JVM's tasks spent reading features, in the forward pass, and building output rows. */
        static final LongAdder READ_NANOS = new LongAdder();

        static final LongAdder FORWARD_NANOS = new LongAdder();
        static final LongAdder OUTPUT_NANOS = new LongAdder();

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            Module module = ExecutorModels.get(model);
            TaskContext task = TaskContext.get();
            int threads = task == null ? 1 : Math.max(1, task.cpus());
            return new Iterator<>() {
                private final List<Row> pending = new ArrayList<>();
                private int next;

                @Override
                public boolean hasNext() {
                    if (next < pending.size()) {
                        return true;
                    }
                    pending.clear();
                    next = 0;
                    List<Row> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && rows.hasNext()) {
                        batch.add(rows.next());
                    }
                    if (batch.isEmpty()) {
                        return false;
                    }
                    score(module, batch, threads, pending);
                    return true;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return pending.get(next++);
                }
            };
        }

        @SuppressWarnings("try") // the scopes are opened for their effect on this thread
        private void score(Module module, List<Row> batch, int threads, List<Row> out) {
            long t0 = System.nanoTime();
            int n = batch.size();
            float[] x = new float[n * inputs];
            for (int i = 0; i < n; i++) {
                features.read(batch.get(i), inputs, x, i * inputs);
            }
            long t1 = System.nanoTime();
            float[] logits;
            float[] probs = null;
            int classes;
            try (Parallel.Scope s = Parallel.scopedNumThreads(threads);
                    var noGrad = Tensor.noGrad()) {
                NDArray y = module.call(Tensor.of(NDArray.wrap(x, n, inputs))).data();
                classes = y.size(1);
                logits = y.toFloatArray();
                if (probability) {
                    probs = y.softmax(1).toFloatArray();
                }
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Row row = batch.get(i);
                Object[] values =
                        new Object[row.length() + (raw ? 1 : 0) + (probability ? 1 : 0) + (prediction ? 1 : 0)];
                for (int j = 0; j < row.length(); j++) {
                    values[j] = row.get(j);
                }
                int at = row.length();
                if (raw) {
                    values[at++] = Vectors.dense(toDoubles(logits, i * classes, classes));
                }
                if (probability) {
                    values[at++] = Vectors.dense(toDoubles(probs, i * classes, classes));
                }
                if (prediction) {
                    values[at] = (double) argmax(logits, i * classes, classes);
                }
                out.add(RowFactory.create(values));
            }
            READ_NANOS.add(t1 - t0);
            FORWARD_NANOS.add(t2 - t1);
            OUTPUT_NANOS.add(System.nanoTime() - t2);
        }

        private static double[] toDoubles(float[] v, int from, int length) {
            double[] d = new double[length];
            for (int j = 0; j < length; j++) {
                d[j] = v[from + j];
            }
            return d;
        }

        /** The first index of the largest value, as torch.argmax and Spark's classifiers pick. */
        private static int argmax(float[] v, int from, int length) {
            int best = 0;
            for (int j = 1; j < length; j++) {
                if (v[from + j] > v[from + best]) {
                    best = j;
                }
            }
            return best;
        }
    }

    private static final class Writer extends MLWriter {
        private final JgradModel instance;

        Writer(JgradModel instance) {
            this.instance = instance;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(instance, path, sparkSession());
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path, WEIGHTS);
            try {
                FileSystem fs = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
                try (OutputStream out = fs.create(file, true)) {
                    out.write(instance.modelBytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    private static final class Reader extends MLReader<JgradModel> {
        @Override
        public JgradModel load(String path) {
            DefaultParamsReader.Metadata metadata =
                    DefaultParamsReader.loadMetadata(path, sparkSession(), JgradModel.class.getName());
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path, WEIGHTS);
            byte[] bytes;
            try {
                FileSystem fs = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
                try (InputStream in = fs.open(file)) {
                    bytes = in.readAllBytes();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            JgradModel model = new JgradModel(metadata.uid(), bytes);
            metadata.getAndSetParams(model, scala.Option.empty());
            return model;
        }
    }
}
