package dev.jgrad.data;

/**
 * PyTorch's {@code Subset}: the samples of {@code dataset} at {@code indices}, in that order. A
 * batch is fetched from the underlying dataset in one {@link BatchDataset#getBatch} when it is one.
 *
 * @param <T> the type of one sample
 */
public final class Subset<T> implements BatchDataset<T> {

    private final Dataset<T> dataset;
    private final int[] indices;

    /**
     * The samples of {@code dataset} at {@code indices}: {@code Subset(dataset, indices)}.
     *
     * @param dataset the dataset to view
     * @param indices positions in {@code dataset}, in the subset's order (repeats allowed); copied
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, dataset.size())}
     */
    public Subset(Dataset<T> dataset, int[] indices) {
        this.dataset = dataset;
        this.indices = indices.clone();
        for (int i : this.indices) {
            Dataset.checkIndex(i, dataset.size());
        }
    }

    /**
     * The dataset this is a view of: {@code subset.dataset}.
     *
     * @return the underlying dataset
     */
    public Dataset<T> dataset() {
        return dataset;
    }

    /**
     * The indices into {@link #dataset()}, in order: {@code subset.indices}.
     *
     * @return a copy of the indices
     */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public T get(int index) {
        return dataset.get(indices[Dataset.checkIndex(index, indices.length)]);
    }

    @Override
    public T getBatch(int[] batchIndices) {
        int[] mapped = new int[batchIndices.length];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = indices[Dataset.checkIndex(batchIndices[i], indices.length)];
        }
        return Batches.fetch(dataset, mapped);
    }

    @Override
    public String toString() {
        return "Subset(size=" + indices.length + ", of " + dataset.getClass().getSimpleName() + " of size "
                + dataset.size() + ")";
    }
}
