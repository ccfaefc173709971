package dev.jgrad.spark;

import dev.jgrad.mnist.MnistFiles;
import dev.jgrad.mnist.MnistSample;
import dev.jgrad.mnist.MnistSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Example: score a DataFrame with a saved model. Reads a model written by
 * {@code ./jgrad train --save FILE} or {@code ./jgrad spark-train --save FILE}, scores the
 * Fashion-MNIST test images (the embedded sample when the dataset is not installed), shows a few
 * rows and prints the accuracy.
 *
 * <pre>{@code java <flags> -cp <jgrad jars>:<spark jars> dev.jgrad.spark.ScoreSavedModel model.safetensors [master]}</pre>
 */
public final class ScoreSavedModel {
    private ScoreSavedModel() {}

    /**
     * Runs the example.
     *
     * @param args the model file, then optionally the Spark master (default {@code local[*]})
     * @throws Exception if the model or the data cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ScoreSavedModel MODEL.safetensors [MASTER]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder()
                .master(args.length > 1 ? args[1] : "local[*]")
                .appName("jgrad scoring example")
                .getOrCreate();
        try {
            Optional<MnistFiles> files = MnistFiles.inFolder(Path.of("/usr/share/datasets/fashion-mnist"));
            MnistSplit test = files.isPresent() ? files.get().test() : MnistSample.test();
            Dataset<Row> images = MnistFrames.of(spark, test, test.size(), 2);

            JgradModel model = new JgradModel(Files.readAllBytes(Path.of(args[0]))).setBatchSize(500);
            Dataset<Row> scored = model.transform(images);

            scored.select("id", "label", "prediction", "probability").show(5, false);
            double accuracy = (double) scored.filter("prediction = label").count() / test.size();
            System.out.printf(Locale.ROOT, "accuracy of %s on %d images: %.4f%n", model.spec(), test.size(), accuracy);
        } finally {
            spark.stop();
        }
    }
}
