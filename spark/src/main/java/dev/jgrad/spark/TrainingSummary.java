package dev.jgrad.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one {@link JgradClassifier#fit} measured: per epoch its mean training loss and accuracy
 * over every replica's batches and its wall time, and what a synchronisation round cost.
 *
 * @param epochs one entry per epoch trained in this fit (a resumed fit lists only the epochs it ran)
 * @param partitions replicas (one task per partition in each round)
 * @param rounds synchronisation rounds run (one Spark job each)
 * @param payloadBytes bytes of one replica's state per round as float32 (parameters, optimizer state and the
 *     training totals); the broadcast carries about as much down, the tree sum twice as much up (float64)
 * @param meanRoundMillis mean wall time of a round on the driver, in milliseconds: the job, its tasks'
 *     training steps, the aggregate and encoding the next state
 * @param meanOverheadMillis the same less the slowest task's own work (rebuilding its replica, its steps,
 *     flattening its state): what synchronising costs per round
 * @param retriedTasks task attempts after the first that produced a round's result (0 when none failed)
 */
public record TrainingSummary(
        List<Epoch> epochs,
        int partitions,
        long rounds,
        long payloadBytes,
        double meanRoundMillis,
        double meanOverheadMillis,
        int retriedTasks)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One epoch of training.
     *
     * @param epoch 1-based epoch number
     * @param loss mean of the batch losses over all replicas
     * @param trainAccuracy fraction of the epoch's training rows classified right before their step
     * @param seconds wall time of the epoch's rounds on the driver, synchronisation included
     * @param rows training rows processed by all replicas
     * @param modelBytes the averaged model at the end of the epoch (safetensors), when asked for, else null
     */
    public record Epoch(int epoch, double loss, double trainAccuracy, double seconds, long rows, byte[] modelBytes)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
