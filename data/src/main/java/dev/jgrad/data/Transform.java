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

    /** The transform of one sample. */
    @Override
    Tensor apply(Tensor sample);

    /** The transform of a batch: {@code stack([apply(batch[0]), apply(batch[1]), ...])}. */
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
