package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link TensorDataset} whose samples and batches come as a record instead of a {@code List<Tensor>}:
 * the same one gather per component per batch, then the record built from the tensors.
 */
final class TypedTensorDataset<R> implements BatchDataset<R> {
    private final TensorDataset tensors;
    private final Function<List<Tensor>, R> wrap;

    TypedTensorDataset(TensorDataset tensors, Function<List<Tensor>, R> wrap) {
        this.tensors = tensors;
        this.wrap = wrap;
    }

    /** The view that builds {@code type} by its canonical constructor, one Tensor component per tensor. */
    static <R extends Record> TypedTensorDataset<R> of(TensorDataset tensors, Class<R> type) {
        var components = type.getRecordComponents();
        int n = tensors.tensors().size();
        if (components.length != n) {
            throw new IllegalArgumentException("record " + type.getSimpleName() + " has " + components.length
                    + " components, but the dataset has " + n + " tensors");
        }
        Class<?>[] types = new Class<?>[n];
        for (int c = 0; c < n; c++) {
            if (components[c].getType() != Tensor.class) {
                throw new IllegalArgumentException("record " + type.getSimpleName() + " component '"
                        + components[c].getName() + "' is a "
                        + components[c].getType().getSimpleName()
                        + "; every component must be a Tensor");
            }
            types[c] = Tensor.class;
        }
        return new TypedTensorDataset<>(
                tensors, list -> Collate.newRecord(type, types, list.toArray(), "TensorDataset.as"));
    }

    @Override
    public int size() {
        return tensors.size();
    }

    @Override
    public R get(int index) {
        return wrap.apply(tensors.get(index));
    }

    @Override
    public R getBatch(int[] indices) {
        return wrap.apply(tensors.getBatch(indices));
    }
}
