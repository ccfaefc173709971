package dev.jgrad.data;

/** PyTorch's {@code Subset}: the samples of {@code dataset} at {@code indices}, in that order. */
public final class Subset<T> implements BatchDataset<T> {

    private final Dataset<T> dataset;
    private final int[] indices;

    public Subset(Dataset<T> dataset, int[] indices) {
        this.dataset = dataset;
        this.indices = indices.clone();
        for (int i : this.indices) {
            Dataset.checkIndex(i, dataset.size());
        }
    }

    /** The dataset this is a view of. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** The indices into {@link #dataset()}, in order. */
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
        return "Subset(size=" + indices.length + ", of " + dataset.getClass().getSimpleName() + " of size " + dataset.size() + ")";
    }
}
