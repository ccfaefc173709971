package dev.jgrad.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one {@link JgradClassifier#fit} measured: per epoch its mean training loss and accuracy
 * over every replica's batches and its wall time, and what a synchronisation round cost.
 *
 * @param epochs one entry per epoch trained in this fit (a resumed fit lists only the epochs it ran)
 * @param partitions replicas (barrier tasks)
 * @param rounds synchronisation rounds run
 * @param payloadBytes bytes of one replica's message per round (the Base64 text {@code allGather} carries)
 * @param meanRoundMillis mean wall time of a round's {@code allGather} plus the averaging, in milliseconds
 *     (it includes waiting for the slowest replica)
 * @param stageAttempt which attempt of the barrier stage produced the result (0 when none failed)
 */
public record TrainingSummary(
        List<Epoch> epochs, int partitions, long rounds, long payloadBytes, double meanRoundMillis, int stageAttempt)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One epoch of training.
     *
     * @param epoch 1-based epoch number
     * @param loss mean of the batch losses over all replicas
     * @param trainAccuracy fraction of the epoch's training rows classified right before their step
     * @param seconds wall time of the epoch on replica 0, synchronisation included
     * @param rows training rows processed by all replicas
     * @param modelBytes the averaged model at the end of the epoch (safetensors), when asked for, else null
     */
    public record Epoch(int epoch, double loss, double trainAccuracy, double seconds, long rows, byte[] modelBytes)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
