package dev.jgrad.data;

import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** PyTorch's {@code random_split}: disjoint random subsets of a dataset, reproducible from a generator. */
public final class RandomSplit {

    private RandomSplit() {}

    /**
     * Splits into subsets of the given lengths, which must add up to the dataset's size:
     * {@code random_split(dataset, lengths, generator)}. One random permutation of the indices is
     * drawn and cut into consecutive pieces.
     *
     * @param <T> the type of one sample
     * @param dataset the dataset to split
     * @param lengths the subsets' sizes, non-negative, adding up to {@code dataset.size()}
     * @param generator the generator the permutation is drawn from
     * @return one {@link Subset} per length, in order, over disjoint indices
     * @throws IllegalArgumentException if a length is negative or they don't add up to the dataset's size
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        long sum = 0;
        for (int length : lengths) {
            if (length < 0) {
                throw new IllegalArgumentException(
                        "random_split: lengths must be non-negative, got " + Arrays.toString(lengths));
            }
            sum += length;
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException(
                    "Sum of input lengths does not equal the length of the input dataset! (lengths "
                            + Arrays.toString(lengths) + " add up to " + sum + ", the dataset has " + dataset.size()
                            + ")");
        }
        long[] perm = NDArray.randperm(generator, dataset.size()).toLongArray();
        List<Subset<T>> subsets = new ArrayList<>(lengths.length);
        int offset = 0;
        for (int length : lengths) {
            int[] indices = new int[length];
            for (int i = 0; i < length; i++) {
                indices[i] = (int) perm[offset + i];
            }
            subsets.add(new Subset<>(dataset, indices));
            offset += length;
        }
        return subsets;
    }

    /**
     * Splits by fractions that add up to 1: each length is {@code floor(fraction * size)}, and the
     * remainder is handed out one sample at a time, round-robin from the first subset, as PyTorch does:
     * {@code random_split(dataset, [0.8, 0.2], generator)}.
     *
     * @param <T> the type of one sample
     * @param dataset the dataset to split
     * @param fractions the subsets' shares, each in [0, 1], adding up to 1 (within 1e-9)
     * @param generator the generator the permutation is drawn from
     * @return one {@link Subset} per fraction, in order, over disjoint indices
     * @throws IllegalArgumentException if a fraction is outside [0, 1] or they don't add up to 1
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        double total = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (!(fractions[i] >= 0 && fractions[i] <= 1)) {
                throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1");
            }
            total += fractions[i];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("Sum of input fractions does not equal 1, got " + total);
        }
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        for (int i = 0; assigned < n; i = (i + 1) % lengths.length) {
            lengths[i]++;
            assigned++;
        }
        return randomSplit(dataset, lengths, generator);
    }

    /**
     * {@link #randomSplit(Dataset, int[], Generator)} drawing from the default generator:
     * {@code random_split(dataset, lengths)}.
     *
     * @param <T> the type of one sample
     * @param dataset the dataset to split
     * @param lengths the subsets' sizes, non-negative, adding up to {@code dataset.size()}
     * @return one {@link Subset} per length, in order, over disjoint indices
     * @throws IllegalArgumentException if a length is negative or they don't add up to the dataset's size
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths) {
        return randomSplit(dataset, lengths, Generator.defaultGenerator());
    }
}
