package dev.jgrad.tensor.kernel;

// @float-only:begin
// The float64 operand, DoubleOperand, is generated from this file in the build's generate-sources
// phase by tensor-core/src/build/GenerateDouble.java.
// @float-only:end

/**
 * One float32 operand of a batched matrix product ({@link Kernels#gemm(int, int, int, int,
 * FloatOperand, FloatOperand, FloatOperand, boolean)}): element (i, j) of matrix t is
 * {@code data[off + t*batchStride + i*rowStride + j*colStride]}, so a transposed operand is just
 * swapped strides, and a batch stride of 0 repeats one matrix. A product call takes three of
 * these; the kernels read their fields into locals once per matrix, so the loops see plain
 * arrays and ints.
 *
 * @param data the array holding the elements
 * @param off where element (0, 0) of matrix 0 is
 * @param batchStride the distance between matrices
 * @param rowStride the distance between rows
 * @param colStride the distance between columns
 */
public record FloatOperand(float[] data, int off, int batchStride, int rowStride, int colStride) {

    /**
     * One matrix: a batch stride of 0.
     *
     * @param data the array holding the elements
     * @param off where element (0, 0) is
     * @param rowStride the distance between rows
     * @param colStride the distance between columns
     */
    public FloatOperand(float[] data, int off, int rowStride, int colStride) {
        this(data, off, 0, rowStride, colStride);
    }

    /**
     * Where matrix {@code t} starts in {@link #data()}.
     *
     * @param t the matrix's index in the batch
     * @return the index of its element (0, 0)
     */
    int start(int t) {
        return off + t * batchStride;
    }
}
