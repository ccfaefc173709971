package dev.jgrad.spark;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.OptimizerStateDict;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.io.SafeTensors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a replica's training state holds that replicas average: the parameters and the
 * optimizer's per-parameter state (SGD's momentum buffers, Adam's step and moments), as one flat
 * float32 array in a fixed order. After an average every replica holds the same state, so a
 * checkpoint of one is the state of all, and resuming from it is exact.
 */
final class ReplicaState {
    private final List<Tensor> params;
    private final Optimizer optimizer;

    ReplicaState(Module model, Optimizer optimizer) {
        this.params = model.parameters();
        this.optimizer = optimizer;
    }

    /** The live arrays in their fixed order: each parameter, then each parameter's state tensors. */
    private List<NDArray> arrays() {
        List<NDArray> out = new ArrayList<>();
        for (Tensor p : params) {
            out.add(p.data());
        }
        for (Tensor p : params) {
            out.addAll(optimizer.state(p).values());
        }
        return out;
    }

    float[] flatten() {
        List<NDArray> arrays = arrays();
        int total = 0;
        for (NDArray a : arrays) {
            total += a.numel();
        }
        float[] flat = new float[total];
        int at = 0;
        for (NDArray a : arrays) {
            float[] v = a.toFloatArray();
            System.arraycopy(v, 0, flat, at, v.length);
            at += v.length;
        }
        return flat;
    }

    /** Writes {@code flat} back into the live parameters and optimizer state. */
    void assign(float[] flat) {
        int at = 0;
        for (NDArray a : arrays()) {
            int n = a.numel();
            if (at + n > flat.length) {
                throw new IllegalStateException(
                        "replica state has " + flat.length + " floats, fewer than this model needs");
            }
            float[] part = new float[n];
            System.arraycopy(flat, at, part, 0, n);
            a.copy_(NDArray.wrap(part, a.shape().toArray()));
            at += n;
        }
        if (at != flat.length) {
            throw new IllegalStateException("replica state has " + flat.length + " floats, this model needs " + at);
        }
    }

    /** The element-wise mean of the replicas' states, summed in float64 in replica order: the same bits everywhere. */
    static float[] average(List<float[]> replicas) {
        int n = replicas.get(0).length;
        float[] out = new float[n];
        int p = replicas.size();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (float[] r : replicas) {
                sum += r[i];
            }
            out[i] = (float) (sum / p);
        }
        return out;
    }

    static String encode(float[] flat) {
        ByteBuffer b = ByteBuffer.allocate(flat.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(flat);
        return Base64.getEncoder().encodeToString(b.array());
    }

    static float[] decode(String text) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        float[] flat = new float[b.remaining() / 4];
        b.asFloatBuffer().get(flat);
        return flat;
    }

    /** Writes the state as a safetensors file (atomically): model tensors, optimizer state, then {@code metadata}. */
    void save(Path file, Module model, Map<String, String> metadata) throws IOException {
        SafeTensors.save(file, tensors(model), metadata);
    }

    private Map<String, NDArray> tensors(Module model) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> tensors.put("model." + k, v.data()));
        for (int i = 0; i < params.size(); i++) {
            for (Map.Entry<String, NDArray> e : optimizer.state(params.get(i)).entrySet()) {
                tensors.put("optim." + i + "." + e.getKey(), e.getValue());
            }
        }
        return tensors;
    }

    /** Restores a state written by {@link #save} into the model and the optimizer. */
    void load(SafeTensors.Contents contents, Module model) {
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
        optimizer.loadStateDict(
                new OptimizerStateDict(optimState, optimizer.stateDict().paramGroups()));
    }
}
