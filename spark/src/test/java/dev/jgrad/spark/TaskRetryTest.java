package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Spark retries a failed round's task, and the retry ends with the weights of a run that never failed. */
class TaskRetryTest {
    @AfterAll
    static void backToLocal2() {
        System.clearProperty(RoundTrainer.FAIL_PROPERTY);
        TestSpark.local2();
    }

    @Test
    void aTaskFailingOnItsFirstAttemptIsRetriedAndTheFitEndsWithTheSameWeights() {
        SparkSession spark = TestSpark.session("local[2,4]"); // 2 slots, a task may fail up to 4 times
        Dataset<Row> data = JgradClassifierTest.synthetic(spark, 120, 2).cache();
        JgradClassifier est = new JgradClassifier()
                .setModel("mlp")
                .setHiddenSizes(8)
                .setBatchSize(10)
                .setEpochs(2)
                .setSeed(6)
                .setSyncEvery(2)
                .setOptimizer("adam")
                .setLearningRate(0.05);
        JgradModel clean = est.fit(data);
        assertEquals(0, clean.summary().retriedTasks());

        System.setProperty(RoundTrainer.FAIL_PROPERTY, "1:3"); // partition 1 throws in round 3, first attempt only
        try {
            RoundTrainer.LAST_ATTEMPT.set(-1);
            JgradModel retried = est.fit(data);
            assertEquals(1, RoundTrainer.LAST_ATTEMPT.get(), "a second attempt of the task ran");
            assertEquals(1, retried.summary().retriedTasks());
            assertArrayEquals(JgradClassifierTest.weights(clean), JgradClassifierTest.weights(retried));
        } finally {
            System.clearProperty(RoundTrainer.FAIL_PROPERTY);
            data.unpersist();
        }
    }
}
