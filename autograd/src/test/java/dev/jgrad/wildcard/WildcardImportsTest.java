package dev.jgrad.wildcard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.autograd.*;
import dev.jgrad.tensor.*;
import org.junit.jupiter.api.Test;

/**
 * A program that imports both tensor packages by wildcard compiles: no public type name is in
 * both (max(dim) on either tensor kind returns the one {@code ValuesIndices}).
 */
class WildcardImportsTest {
    @Test
    void bothPackagesImportTogether() {
        ValuesIndices<Tensor> t = Tensor.tensor(new float[] {1, 3, 2}).max(0);
        ValuesIndices<NDArray> n = NDArray.tensor(new float[] {1, 3, 2}).max(0);
        assertEquals(1L, t.indices().itemLong());
        assertEquals(1L, n.indices().itemLong());
        assertEquals(DType.FLOAT, t.values().dtype());
    }
}
