package dev.jgrad.data;

import java.util.List;

/**
 * PyTorch's {@code ConcatDataset}: the samples of several datasets, one after the other. The sizes
 * are read once, when it is built.
 *
 * @param <T> the type of one sample
 */
public final class ConcatDataset<T> implements Dataset<T> {

    private final List<Dataset<T>> datasets;
    /** cumulativeSizes[k] = total size of datasets 0..k, as PyTorch's {@code cumulative_sizes}. */
    private final int[] cumulativeSizes;

    /**
     * Concatenates {@code datasets}, in order: {@code ConcatDataset([d1, d2, ...])}.
     *
     * @param datasets the datasets, at least one
     * @throws IllegalArgumentException if there are none or they hold more than
     *     {@code Integer.MAX_VALUE} samples together
     * @throws NullPointerException if one of them is null
     */
    // varargs: the array goes only to List.of, which copies its elements (JDK's Arrays.asList does the same).
    @SafeVarargs
    @SuppressWarnings("varargs")
    public ConcatDataset(Dataset<T>... datasets) {
        this(List.of(datasets));
    }

    /**
     * Concatenates {@code datasets}, in order.
     *
     * @param datasets the datasets, at least one; the list is copied
     * @throws IllegalArgumentException if there are none or they hold more than
     *     {@code Integer.MAX_VALUE} samples together
     * @throws NullPointerException if one of them is null
     */
    public ConcatDataset(List<? extends Dataset<T>> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets should not be an empty iterable");
        }
        this.datasets = List.copyOf(datasets);
        this.cumulativeSizes = new int[datasets.size()];
        long total = 0;
        for (int k = 0; k < datasets.size(); k++) {
            total += datasets.get(k).size();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("ConcatDataset: more than " + Integer.MAX_VALUE + " samples");
            }
            cumulativeSizes[k] = (int) total;
        }
    }

    /**
     * The concatenated datasets, in order: {@code concat.datasets}.
     *
     * @return an unmodifiable list
     */
    public List<Dataset<T>> datasets() {
        return datasets;
    }

    @Override
    public int size() {
        return cumulativeSizes[cumulativeSizes.length - 1];
    }

    @Override
    public T get(int index) {
        Dataset.checkIndex(index, size());
        int lo = 0;
        int hi = cumulativeSizes.length - 1;
        while (lo < hi) { // first k with cumulativeSizes[k] > index
            int mid = (lo + hi) >>> 1;
            if (cumulativeSizes[mid] > index) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int start = lo == 0 ? 0 : cumulativeSizes[lo - 1];
        return datasets.get(lo).get(index - start);
    }
}
