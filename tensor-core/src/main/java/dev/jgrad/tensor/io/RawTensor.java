package dev.jgrad.tensor.io;

import dev.jgrad.tensor.DType;
import java.lang.reflect.Array;

/**
 * A tensor as a file sees it: dtype, shape and the elements in row-major order in one Java array
 * ({@code float[]}, {@code double[]}, {@code long[]}, {@code int[]}, {@code byte[]} for uint8,
 * {@code boolean[]} for bool).
 */
final class RawTensor {
    final DType dtype;
    final int[] shape;
    final Object data;

    RawTensor(DType dtype, int[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    int numel() {
        return Array.getLength(data);
    }

    static Object newArray(DType dtype, int numel) {
        return switch (dtype) {
            case FLOAT32 -> new float[numel];
            case FLOAT64 -> new double[numel];
            case INT64 -> new long[numel];
            case INT32 -> new int[numel];
            case UINT8 -> new byte[numel];
            case BOOL -> new boolean[numel];
        };
    }
}
