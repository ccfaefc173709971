package dev.jgrad.spark;

import dev.jgrad.mnist.MnistSplit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * MNIST-format images as a DataFrame: {@code id} (long, the image's index), {@code features} (a
 * dense Spark ML vector of the pixels scaled as {@code ToTensor} does, {@code x / 255f}) and
 * {@code label} (double). Partition {@code i} of {@code p} holds the contiguous images
 * {@code [i n / p, (i + 1) n / p)}; the pixels travel once, as bytes in a broadcast, and rows are
 * built on the executors.
 */
public final class MnistFrames {
    private MnistFrames() {}

    /**
     * The schema of the frames: id, features, label.
     *
     * @return the schema
     */
    public static StructType schema() {
        return new StructType()
                .add("id", DataTypes.LongType, false)
                .add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false);
    }

    /**
     * The first {@code limit} images of a split as a DataFrame of {@code partitions} partitions.
     *
     * @param spark the session
     * @param split the images and labels
     * @param limit how many images (at most the split's size)
     * @param partitions number of partitions, at least 1 and at most {@code limit}
     * @return the DataFrame
     * @throws IllegalArgumentException if {@code partitions} is out of range
     */
    public static Dataset<Row> of(SparkSession spark, MnistSplit split, int limit, int partitions) {
        int n = Math.min(limit, split.size());
        if (partitions < 1 || partitions > n) {
            throw new IllegalArgumentException("--partitions " + partitions + " is out of range: the data has " + n
                    + " rows, so 1 to " + n + " partitions");
        }
        int width = split.rows() * split.cols();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> pixels =
                jsc.broadcast(split.images().narrow(0, 0, n).contiguous().toByteArray());
        Broadcast<long[]> labels = jsc.broadcast(
                split.labels().narrow(0, 0, n).to(dev.jgrad.tensor.DType.INT64).toLongArray());
        List<int[]> ranges = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ranges.add(new int[] {(int) ((long) n * p / partitions), (int) ((long) n * (p + 1) / partitions)});
        }
        JavaRDD<Row> rows = jsc.parallelize(ranges, partitions).flatMap(range -> {
            byte[] px = pixels.value();
            long[] y = labels.value();
            List<Row> out = new ArrayList<>(range[1] - range[0]);
            for (int i = range[0]; i < range[1]; i++) {
                double[] f = new double[width];
                for (int j = 0; j < width; j++) {
                    f[j] = (px[i * width + j] & 0xff) / 255f;
                }
                out.add(RowFactory.create((long) i, Vectors.dense(f), (double) y[i]));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, schema());
    }
}
