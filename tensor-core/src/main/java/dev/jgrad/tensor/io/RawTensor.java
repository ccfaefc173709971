package dev.jgrad.tensor.io;

import dev.jgrad.tensor.DType;

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
        switch (dtype) {
            case FLOAT32:
                return ((float[]) data).length;
            case FLOAT64:
                return ((double[]) data).length;
            case INT64:
                return ((long[]) data).length;
            case INT32:
                return ((int[]) data).length;
            case UINT8:
                return ((byte[]) data).length;
            case BOOL:
                return ((boolean[]) data).length;
            default:
                throw new AssertionError(dtype);
        }
    }

    static Object newArray(DType dtype, int numel) {
        switch (dtype) {
            case FLOAT32:
                return new float[numel];
            case FLOAT64:
                return new double[numel];
            case INT64:
                return new long[numel];
            case INT32:
                return new int[numel];
            case UINT8:
                return new byte[numel];
            case BOOL:
                return new boolean[numel];
            default:
                throw new AssertionError(dtype);
        }
    }
}
