package dev.jgrad.data;

/**
 * A dataset that can fetch a whole batch at once, as PyTorch's {@code __getitems__}: the
 * {@link DataLoader} calls {@link #getBatch(int[])} instead of {@code get} per sample when it
 * uses the default collate, so a batch is one gather from the underlying arrays rather than
 * one small tensor per sample.
 *
 * @param <T> the type of one sample, which is also the type of a collated batch
 */
public interface BatchDataset<T> extends Dataset<T> {

    /**
     * The samples at {@code indices}, already collated: equal to
     * {@code Collate.defaultCollate(List.of(get(indices[0]), get(indices[1]), ...))}.
     *
     * @param indices the samples' positions, in batch order; repeats allowed
     * @return the collated batch
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, size())}
     */
    T getBatch(int[] indices);
}
