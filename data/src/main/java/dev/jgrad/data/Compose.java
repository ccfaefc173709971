package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;

import java.util.List;

/** torchvision's {@code Compose}: applies its transforms in order, to samples and to batches. */
public final class Compose implements Transform {

    private final List<Transform> transforms;

    public Compose(Transform... transforms) {
        this(List.of(transforms));
    }

    public Compose(List<Transform> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    /** The transforms, in the order they are applied. */
    public List<Transform> transforms() {
        return transforms;
    }

    @Override
    public Tensor apply(Tensor sample) {
        Tensor x = sample;
        for (Transform t : transforms) {
            x = t.apply(x);
        }
        return x;
    }

    @Override
    public Tensor applyBatch(Tensor batch) {
        Tensor x = batch;
        for (Transform t : transforms) {
            x = t.applyBatch(x);
        }
        return x;
    }

    /** As torchvision prints it: one transform per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Compose(");
        for (Transform t : transforms) {
            sb.append("\n    ").append(t);
        }
        return sb.append("\n)").toString();
    }
}
