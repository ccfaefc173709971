package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.util.Arrays;

/**
 * A value an op keeps for its backward, with the storage version it had when saved: backward
 * refuses a value that was modified in place since, as PyTorch's SavedVariable does.
 */
final class SavedValue {
    static final String FREED = "Trying to backward through the graph a second time (or directly access saved"
            + " tensors after they have already been freed). Saved intermediate values of the graph are freed"
            + " when you call backward(). Call backward(gradient, true) (retain_graph=True) if you need to"
            + " backward through the graph a second time or if you need to access saved tensors after calling"
            + " backward.";

    private NDArray value;
    private final int version;
    private final String producer;
    private final String savedBy;
    /** The value saved before this one by the same node: a node's saved values form a list through this link. */
    SavedValue nextSaved;

    /**
     * @param producer the node that computed the value (named in the error), or null for a leaf
     * @param savedBy the node that saved it
     */
    SavedValue(NDArray value, String producer, String savedBy) {
        this.value = value;
        this.version = value.storage().version();
        this.producer = producer;
        this.savedBy = savedBy;
    }

    NDArray get() {
        NDArray v = value;
        if (v == null) {
            throw new IllegalStateException(FREED);
        }
        int now = v.storage().version();
        if (now != version) {
            throw new IllegalStateException("one of the variables needed for gradient computation has been"
                    + " modified by an inplace operation: [" + typeName(v.dtype()) + " "
                    + Arrays.toString(v.shape().toArray()) + "]"
                    + (producer == null ? "" : ", which is output 0 of " + producer + ",")
                    + " is at version " + now + "; expected version " + version + " instead. Hint: " + savedBy
                    + " saved it for backward; modify a clone instead, or modify it after backward.");
        }
        return v;
    }

    void release() {
        value = null;
    }

    private static String typeName(DType dtype) {
        return "torch." + dtype.scalarTypeName() + "Tensor";
    }
}
