package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import java.util.List;

/**
 * A batch of inputs and targets, PyTorch's {@code for xb, yb in loader}: {@code for (var batch :
 * loader) { model.call(batch.x()) … batch.y() … }}. A {@link TensorDataset} of two tensors serves
 * it through {@link TensorDataset#xy()}; the same record is also one sample of that view.
 *
 * @param x the inputs
 * @param y the targets
 */
public record Batch(Tensor x, Tensor y) {
    /**
     * The batch of a two-tensor {@code List<Tensor>} sample or batch, as {@link TensorDataset} yields them.
     *
     * @param tensors exactly two tensors: inputs, then targets
     * @return the batch
     * @throws IllegalArgumentException if there are not exactly two
     */
    public static Batch of(List<Tensor> tensors) {
        if (tensors.size() != 2) {
            throw new IllegalArgumentException("a Batch holds x and y, but the sample has " + tensors.size()
                    + " tensors; use TensorDataset.as(YourRecord.class) for other shapes of sample");
        }
        return new Batch(tensors.get(0), tensors.get(1));
    }
}
