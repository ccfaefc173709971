package com.example.closed;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.Collate;
import java.util.List;

/** Samples in a package that the module does not open to dev.jgrad.data. */
public final class ClosedSamples {
    private ClosedSamples() {
    }

    record Sample(Tensor x) {
    }

    /** Collates two samples: fails, because Collate cannot read this package's records. */
    public static Object collate() {
        return Collate.defaultCollate(List.of(new Sample(Tensor.zeros(2)), new Sample(Tensor.zeros(2))));
    }
}
