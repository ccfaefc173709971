package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import java.util.List;
import java.util.function.BiFunction;

/** torchvision's {@code Compose}: applies its transforms in order, to samples and to batches. */
public final class Compose implements Transform {

    private final List<Transform> transforms;

    /**
     * Composes {@code transforms}, applied first to last: {@code Compose([t1, t2, ...])}.
     *
     * @param transforms the transforms, in order
     * @throws NullPointerException if one of them is null
     */
    public Compose(Transform... transforms) {
        this(List.of(transforms));
    }

    /**
     * Composes {@code transforms}, applied first to last.
     *
     * @param transforms the transforms, in order; copied
     * @throws NullPointerException if the list or one of them is null
     */
    public Compose(List<Transform> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    /**
     * The transforms, in the order they are applied.
     *
     * @return an unmodifiable list
     */
    public List<Transform> transforms() {
        return transforms;
    }

    /**
     * Applies each transform's {@link Transform#apply} in turn.
     *
     * @param sample one sample
     * @return the last transform's output ({@code sample} itself when there are none)
     */
    @Override
    public Tensor apply(Tensor sample) {
        return chain(sample, Transform::apply);
    }

    /**
     * Applies each transform's {@link Transform#applyBatch} in turn.
     *
     * @param batch samples stacked along dim 0
     * @return the last transform's output ({@code batch} itself when there are none)
     */
    @Override
    public Tensor applyBatch(Tensor batch) {
        return chain(batch, Transform::applyBatch);
    }

    /** {@code x} through every transform in turn, each applied by {@code step}. */
    private Tensor chain(Tensor x, BiFunction<Transform, Tensor, Tensor> step) {
        Tensor y = x;
        for (Transform t : transforms) {
            y = step.apply(t, y);
        }
        return y;
    }

    /**
     * As torchvision prints it: one transform per line.
     *
     * @return {@code Compose(\n    ToTensor()\n    Normalize(...)\n)}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Compose(");
        for (Transform t : transforms) {
            sb.append("\n    ").append(t);
        }
        return sb.append("\n)").toString();
    }
}
