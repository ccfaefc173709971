package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PyTorch's {@code TensorDataset(*tensors)}: sample {@code i} is {@code [t[i] for t in tensors]}.
 * Each component may carry a {@link Transform} (e.g. {@link ToTensor} on uint8 images). A batch
 * is fetched by one index gather per component and then transformed as a whole, so pixels stay
 * uint8 in memory and become float one batch at a time.
 */
public final class TensorDataset implements BatchDataset<List<Tensor>> {

    private final List<NDArray> tensors;
    private final List<Transform> transforms;
    private final int size;

    /**
     * A dataset whose sample {@code i} holds {@code tensors[c][i]} for each component {@code c}, as
     * {@code TensorDataset(*tensors)}. The tensors' data are kept, not copied.
     *
     * @param tensors one or more tensors with the same size of dim 0 (the number of samples), any dtypes
     * @throws IllegalArgumentException if there are none, one is 0-dim, or their dim-0 sizes differ
     */
    public TensorDataset(Tensor... tensors) {
        this(data(List.of(tensors)), null);
    }

    private TensorDataset(List<NDArray> tensors, List<Transform> transforms) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("TensorDataset needs at least one tensor");
        }
        for (NDArray t : tensors) {
            if (t.dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: a 0-dim tensor has no samples to index");
            }
            if (t.size(0) != tensors.get(0).size(0)) {
                throw new IllegalArgumentException(
                        "Size mismatch between tensors: " + tensors.get(0).shape() + " and " + t.shape());
            }
        }
        this.tensors = List.copyOf(tensors);
        this.transforms = transforms == null ? Arrays.asList(new Transform[tensors.size()]) : transforms;
        this.size = tensors.get(0).size(0);
    }

    private static List<NDArray> data(List<Tensor> tensors) {
        List<NDArray> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            out.add(t.data());
        }
        return out;
    }

    /**
     * This dataset with {@code transform} applied to component {@code component} of every sample
     * ({@link Transform#apply}) and batch ({@link Transform#applyBatch}); it replaces that component's
     * earlier transform. This dataset itself is unchanged.
     *
     * <pre>{@code
     * new TensorDataset(images, labels).transform(0, new ToTensor())
     * }</pre>
     *
     * @param component the index of the tensor given to the constructor
     * @param transform the transform, or null for none
     * @return a new dataset over the same tensors
     * @throws IndexOutOfBoundsException if {@code component} is not a component index
     */
    public TensorDataset transform(int component, Transform transform) {
        Dataset.checkIndex(component, tensors.size());
        List<Transform> t = new ArrayList<>(transforms);
        t.set(component, transform);
        return new TensorDataset(tensors, t);
    }

    /**
     * This dataset with each sample and batch as a {@link Batch} of {@code x} and {@code y}:
     * {@code for (var batch : new DataLoader<>(dataset.xy(), 64, true)) { … batch.x() … batch.y() … }}.
     *
     * @return a view over the same tensors (and transforms)
     * @throws IllegalArgumentException if the dataset doesn't hold exactly two tensors
     */
    public BatchDataset<Batch> xy() {
        if (tensors.size() != 2) {
            throw new IllegalArgumentException("xy() needs a TensorDataset of two tensors (inputs and targets), but it"
                    + " has " + tensors.size() + "; use as(YourRecord.class)");
        }
        return new TypedTensorDataset<>(this, Batch::of);
    }

    /**
     * This dataset with each sample and batch as the user's record, built by its canonical
     * constructor from the tensors in order: {@code record Triple(Tensor image, Tensor label,
     * Tensor weight)} then {@code dataset.as(Triple.class)}.
     *
     * @param type a record with one Tensor component per tensor of this dataset
     * @param <R> the record type
     * @return a view over the same tensors (and transforms)
     * @throws IllegalArgumentException if the record's components don't match the tensors
     */
    public <R extends Record> BatchDataset<R> as(Class<R> type) {
        return TypedTensorDataset.of(this, type);
    }

    /**
     * The underlying tensors, untransformed: {@code dataset.tensors}.
     *
     * @return a new list of new tensors over the same data (they don't require grad)
     */
    public List<Tensor> tensors() {
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (NDArray t : tensors) {
            out.add(Tensor.of(t));
        }
        return out;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Sample {@code index}: each tensor's row {@code index} (a view), transformed where a component has
     * a transform.
     *
     * @param index the sample's position
     * @return one tensor per component, each with the shape of its tensor minus dim 0
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, size())}
     */
    @Override
    public List<Tensor> get(int index) {
        Dataset.checkIndex(index, size);
        List<Tensor> sample = new ArrayList<>(tensors.size());
        for (int c = 0; c < tensors.size(); c++) {
            Tensor value = Tensor.of(tensors.get(c).get(index));
            Transform t = transforms.get(c);
            sample.add(t == null ? value : t.apply(value));
        }
        return sample;
    }

    /**
     * The batch at {@code indices}: one index gather per component, then each component's transform
     * applied to the whole batch.
     *
     * @param indices the samples' positions, in batch order; repeats allowed
     * @return one tensor per component, each with a leading dim of {@code indices.length}
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, size())}
     */
    @Override
    public List<Tensor> getBatch(int[] indices) {
        long[] idx = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            idx[i] = Dataset.checkIndex(indices[i], size);
        }
        NDArray index = NDArray.wrap(idx, idx.length);
        List<Tensor> batch = new ArrayList<>(tensors.size());
        for (int c = 0; c < tensors.size(); c++) {
            Tensor value = Tensor.of(tensors.get(c).indexSelect(0, index));
            Transform t = transforms.get(c);
            batch.add(t == null ? value : t.applyBatch(value));
        }
        return batch;
    }
}
