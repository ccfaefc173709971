package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Spark retries a failed barrier stage as a whole, and the retry ends with the weights of a run that never failed. */
class BarrierRetryTest {
    @AfterAll
    static void backToLocal2() {
        System.clearProperty(BarrierTrainer.FAIL_PROPERTY);
        TestSpark.local2();
    }

    @Test
    void aTaskFailingOnTheFirstAttemptIsRetriedAndEndsWithTheSameWeights() {
        SparkSession spark = TestSpark.session("local[2,4]"); // 2 slots, a task may fail up to 4 times
        Dataset<Row> data = JgradClassifierTest.synthetic(spark, 120, 2).cache();
        JgradClassifier est = new JgradClassifier()
                .setModel("mlp")
                .setHiddenSizes(8)
                .setBatchSize(10)
                .setEpochs(2)
                .setSeed(6)
                .setSyncEvery(2)
                .setLearningRate(0.2);
        JgradModel clean = est.fit(data);
        assertEquals(0, clean.summary().stageAttempt());

        System.setProperty(BarrierTrainer.FAIL_PROPERTY, "1:4"); // replica 1 throws after its 5th step, attempt 0 only
        try {
            BarrierTrainer.LAST_ATTEMPT.set(-1);
            JgradModel retried = est.fit(data);
            assertEquals(1, BarrierTrainer.LAST_ATTEMPT.get(), "a second attempt of the barrier stage ran");
            assertEquals(1, retried.summary().stageAttempt());
            assertArrayEquals(JgradClassifierTest.weights(clean), JgradClassifierTest.weights(retried));
        } finally {
            System.clearProperty(BarrierTrainer.FAIL_PROPERTY);
            data.unpersist();
        }
    }
}
