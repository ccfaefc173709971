package dev.jgrad.data;

/**
 * A map-style dataset, as PyTorch's {@code torch.utils.data.Dataset}: {@link #size()} is
 * {@code __len__} and {@link #get(int)} is {@code __getitem__}.
 *
 * @param <T> the type of one sample, e.g. a {@code Tensor}, a {@code List<Tensor>} or a record
 */
public interface Dataset<T> {

    /**
     * The number of samples, {@code len(dataset)}.
     *
     * @return the number of samples, at least 0
     */
    int size();

    /**
     * Sample {@code index}, for {@code 0 <= index < size()}: {@code dataset[index]}.
     *
     * @param index the sample's position
     * @return the sample
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, size())} (the datasets
     *     here check it with {@link #checkIndex})
     */
    T get(int index);

    /**
     * Throws PyTorch's error for an index outside {@code [0, size)}; returns the index otherwise.
     *
     * @param index the index to check
     * @param size the dataset's size
     * @return {@code index}
     * @throws IndexOutOfBoundsException if {@code index < 0 || index >= size}
     */
    static int checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds for dataset of size " + size);
        }
        return index;
    }
}
