package dev.jgrad.spark;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.io.SafeTensors;
import dev.jgrad.tensor.io.SafeTensorsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model as safetensors bytes: its state dict plus the spec's metadata, the same bytes
 * {@code ./jgrad train --save} writes to a file. This is how a model travels to Spark executors
 * (in a broadcast variable) and how it is stored by {@link JgradModel}'s writer.
 */
final class ModelBytes {
    private ModelBytes() {}

    static byte[] encode(ModelSpec spec, Module model) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> tensors.put(k, v.data()));
        return SafeTensors.toBytes(tensors, spec.metadata());
    }

    static ModelSpec spec(byte[] bytes, String source) throws SafeTensorsException {
        return ModelSpec.fromMetadata(SafeTensors.load(bytes, source).metadata(), source);
    }

    /** Rebuilds the model the bytes describe, in eval mode. */
    static Module decode(byte[] bytes, String source) throws SafeTensorsException {
        SafeTensors.Contents contents = SafeTensors.load(bytes, source);
        ModelSpec spec = ModelSpec.fromMetadata(contents.metadata(), source);
        Module model = spec.build(new Generator(0));
        Map<String, Tensor> state = new LinkedHashMap<>();
        contents.tensors().forEach((k, v) -> state.put(k, Tensor.of(v)));
        model.loadStateDict(state);
        model.eval();
        return model;
    }
}
