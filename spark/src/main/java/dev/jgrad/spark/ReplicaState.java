package dev.jgrad.spark;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.OptimizerStateDict;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.io.SafeTensors;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a replica's training state holds that replicas average: the parameters and the
 * optimizer's per-parameter state (SGD's momentum buffers, Adam's step and moments). As safetensors
 * bytes ({@code model.<name>}, then {@code optim.<param index>.<name>}, plus metadata) it is what the
 * driver broadcasts at the start of a round and what a checkpoint file holds, byte for byte; as one
 * flat float32 array in a fixed {@link Layout} it is what a task sends back to be averaged.
 */
final class ReplicaState {
    private final Module model;
    private final List<Tensor> params;
    private final Optimizer optimizer;

    ReplicaState(Module model, Optimizer optimizer) {
        this.model = model;
        this.params = model.parameters();
        this.optimizer = optimizer;
    }

    /** The names and shapes of the flat array's pieces, in order; every replica of a fit has the same. */
    record Layout(List<String> names, List<int[]> shapes) implements Serializable {
        private static final long serialVersionUID = 1L;

        int floats() {
            int n = 0;
            for (int[] s : shapes) {
                n += numel(s);
            }
            return n;
        }

        /** The flat array back as named tensors, then as safetensors bytes with {@code metadata}. */
        byte[] toBytes(float[] flat, Map<String, String> metadata) {
            if (flat.length != floats()) {
                throw new IllegalStateException("replica state has " + flat.length + " floats, the layout " + floats());
            }
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            int at = 0;
            for (int i = 0; i < names.size(); i++) {
                int n = numel(shapes.get(i));
                float[] part = new float[n];
                System.arraycopy(flat, at, part, 0, n);
                tensors.put(names.get(i), NDArray.wrap(part, shapes.get(i)));
                at += n;
            }
            return SafeTensors.toBytes(tensors, metadata);
        }

        private static int numel(int[] shape) {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    /** The live tensors by safetensors name: model state, then each parameter's optimizer state. */
    Map<String, NDArray> tensors() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> tensors.put("model." + k, v.data()));
        for (int i = 0; i < params.size(); i++) {
            for (Map.Entry<String, NDArray> e : optimizer.state(params.get(i)).entrySet()) {
                tensors.put("optim." + i + "." + e.getKey(), e.getValue());
            }
        }
        return tensors;
    }

    /** The state as safetensors bytes with {@code metadata}. */
    byte[] toBytes(Map<String, String> metadata) {
        return SafeTensors.toBytes(tensors(), metadata);
    }

    Layout layout() {
        List<String> names = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        tensors().forEach((k, v) -> {
            if (v.dtype() != DType.FLOAT32) {
                throw new IllegalStateException("replica state " + k + " is " + v.dtype() + ", not float32");
            }
            names.add(k);
            shapes.add(v.shape().toArray());
        });
        return new Layout(names, shapes);
    }

    /** The state as one float32 array in {@link #layout()}'s order. */
    float[] flatten() {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (NDArray a : tensors().values()) {
            float[] v = a.toFloatArray();
            parts.add(v);
            total += v.length;
        }
        float[] flat = new float[total];
        int at = 0;
        for (float[] v : parts) {
            System.arraycopy(v, 0, flat, at, v.length);
            at += v.length;
        }
        return flat;
    }

    /**
     * Restores a state written by {@link #toBytes} or {@link Layout#toBytes} into the model and the
     * optimizer; a state without {@code optim.} entries (before the first step) leaves the optimizer fresh.
     */
    void load(SafeTensors.Contents contents) {
        Map<String, Tensor> modelState = new LinkedHashMap<>();
        Map<Integer, Map<String, Tensor>> optimState = new TreeMap<>();
        contents.tensors().forEach((k, v) -> {
            if (k.startsWith("model.")) {
                modelState.put(k.substring("model.".length()), Tensor.of(v));
            } else if (k.startsWith("optim.")) {
                String rest = k.substring("optim.".length());
                int dot = rest.indexOf('.');
                optimState
                        .computeIfAbsent(Integer.parseInt(rest.substring(0, dot)), i -> new LinkedHashMap<>())
                        .put(rest.substring(dot + 1), Tensor.of(v));
            }
        });
        model.loadStateDict(modelState);
        if (!optimState.isEmpty()) {
            optimizer.loadStateDict(
                    new OptimizerStateDict(optimState, optimizer.stateDict().paramGroups()));
        }
    }

    /** The model part of a state's bytes as a model file ({@link ModelBytes}'s format) for {@code spec}. */
    static byte[] modelBytes(SafeTensors.Contents state, ModelSpec spec) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        state.tensors().forEach((k, v) -> {
            if (k.startsWith("model.")) {
                tensors.put(k.substring("model.".length()), v);
            }
        });
        return SafeTensors.toBytes(tensors, spec.metadata());
    }
}
