package dev.jgrad.data;

import java.util.ArrayList;
import java.util.List;

/** Fetching a collated batch from any dataset: one gather when it can, one sample at a time otherwise. */
final class Batches {

    private Batches() {}

    static <T> T fetch(Dataset<T> dataset, int[] indices) {
        if (dataset instanceof BatchDataset<T> batched) {
            return batched.getBatch(indices);
        }
        return Collate.defaultCollate(samples(dataset, indices));
    }

    static <T> List<T> samples(Dataset<T> dataset, int[] indices) {
        List<T> samples = new ArrayList<>(indices.length);
        for (int i : indices) {
            samples.add(dataset.get(i));
        }
        return samples;
    }
}
