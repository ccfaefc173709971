package dev.jgrad.mnist;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One epoch of training: the mean of its batch losses, the running accuracy over its batches,
 * the test accuracy measured after it, and the seconds of the training pass alone.
 */
record EpochResult(int epoch, int epochs, double loss, double trainAcc, double testAcc, double timeS) {

    /** The line {@code ./jgrad train} prints: {@code epoch 3/5  loss 0.4123  train_acc 0.8812  test_acc 0.8731  time 1.23s}. */
    String line() {
        return String.format(
                Locale.ROOT,
                "epoch %d/%d  loss %.4f  train_acc %.4f  test_acc %.4f  time %.2fs",
                epoch,
                epochs,
                loss,
                trainAcc,
                testAcc,
                timeS);
    }

    /** The epoch as a JSON object for {@code --json}; a NaN (diverged) loss is written as null. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("loss", loss);
        m.put("train_acc", trainAcc);
        m.put("test_acc", testAcc);
        m.put("time_s", timeS);
        return m;
    }
}
