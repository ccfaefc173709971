package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A sample transform, as torchvision's: {@link #apply} maps one sample. {@link #applyBatch}
 * maps a whole batch (a leading batch dim) and equals applying {@code apply} to each sample and
 * stacking; transforms override it so that a loader converts a batch in one pass.
 */
public interface Transform extends UnaryOperator<Tensor> {

    /**
     * The transform of one sample, torchvision's {@code transform(sample)}.
     *
     * @param sample one sample, without a batch dim
     * @return the transformed sample, a new tensor or the same one
     */
    @Override
    Tensor apply(Tensor sample);

    /**
     * The transform of a batch: {@code stack([apply(batch[0]), apply(batch[1]), ...])}. This default
     * applies {@link #apply} sample by sample; the transforms here override it with one pass.
     *
     * @param batch samples stacked along a new dim 0
     * @return the transformed samples, stacked along dim 0
     * @throws IllegalArgumentException if the batch is empty, or the transformed samples differ in shape
     */
    default Tensor applyBatch(Tensor batch) {
        NDArray data = batch.data();
        int n = data.size(0);
        if (n == 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".applyBatch: the batch is empty");
        }
        List<NDArray> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(apply(Tensor.of(data.get(i))).data());
        }
        return Tensor.of(Collate.stack(out));
    }
}
