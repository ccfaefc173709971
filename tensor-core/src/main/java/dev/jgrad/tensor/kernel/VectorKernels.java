package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The kernels on the JDK Vector API. Loaded by name from {@link KernelSelection} only, so that a
 * JVM without {@code jdk.incubator.vector} never links this class.
 */
final class VectorKernels implements Kernels {

    /** Fails when the preferred vectors are too narrow to beat scalar code. */
    VectorKernels() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits < 128 || DoubleVector.SPECIES_PREFERRED.length() < 2) {
            throw new IllegalStateException("the preferred vector species has only " + bits + " bits");
        }
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String toString() {
        return "VectorKernels[" + FloatVector.SPECIES_PREFERRED.vectorBitSize() + " bits]";
    }

    @Override
    public void gemm(
            int batch, int m, int n, int k, FloatOperand a, FloatOperand b, FloatOperand c, boolean accumulate) {
        VectorSgemm.gemm(batch, m, n, k, a, b, c, accumulate);
    }

    @Override
    public void gemm(
            int batch, int m, int n, int k, DoubleOperand a, DoubleOperand b, DoubleOperand c, boolean accumulate) {
        VectorDgemm.gemm(batch, m, n, k, a, b, c, accumulate);
    }

    @Override
    public double dot(int n, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        return VectorFloatSums.dot(n, x, xOff, xStride, y, yOff, yStride);
    }

    @Override
    public double dot(int n, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        return VectorDoubleSums.dot(n, x, xOff, xStride, y, yOff, yStride);
    }

    @Override
    public void unary(UnaryOp op, int n, float[] x, int xOff, int xStride, float[] out, int outOff, int outStride) {
        VectorFloatOps.unary(op, n, x, xOff, xStride, out, outOff, outStride);
    }

    @Override
    public void unary(UnaryOp op, int n, double[] x, int xOff, int xStride, double[] out, int outOff, int outStride) {
        VectorDoubleOps.unary(op, n, x, xOff, xStride, out, outOff, outStride);
    }

    @Override
    public void binary(
            BinaryOp op,
            int rows,
            int cols,
            float[] a,
            int aOff,
            int aRowStride,
            int aColStride,
            float[] b,
            int bOff,
            int bRowStride,
            int bColStride,
            float[] out,
            int outOff,
            int outRowStride,
            int outColStride) {
        for (int r = 0; r < rows; r++) {
            VectorFloatOps.binary(
                    op,
                    cols,
                    a,
                    aOff + r * aRowStride,
                    aColStride,
                    b,
                    bOff + r * bRowStride,
                    bColStride,
                    out,
                    outOff + r * outRowStride,
                    outColStride);
        }
    }

    @Override
    public void binary(
            BinaryOp op,
            int rows,
            int cols,
            double[] a,
            int aOff,
            int aRowStride,
            int aColStride,
            double[] b,
            int bOff,
            int bRowStride,
            int bColStride,
            double[] out,
            int outOff,
            int outRowStride,
            int outColStride) {
        for (int r = 0; r < rows; r++) {
            VectorDoubleOps.binary(
                    op,
                    cols,
                    a,
                    aOff + r * aRowStride,
                    aColStride,
                    b,
                    bOff + r * bRowStride,
                    bColStride,
                    out,
                    outOff + r * outRowStride,
                    outColStride);
        }
    }

    @Override
    public void clamp(
            int n, float[] x, int xOff, int xStride, float min, float max, float[] out, int outOff, int outStride) {
        VectorFloatOps.clamp(n, x, xOff, xStride, min, max, out, outOff, outStride);
    }

    @Override
    public void clamp(
            int n, double[] x, int xOff, int xStride, double min, double max, double[] out, int outOff, int outStride) {
        VectorDoubleOps.clamp(n, x, xOff, xStride, min, max, out, outOff, outStride);
    }

    @Override
    public void compare(
            BinaryOp op,
            int n,
            float[] a,
            int aOff,
            int aStride,
            float[] b,
            int bOff,
            int bStride,
            boolean[] out,
            int outOff,
            int outStride) {
        VectorFloatOps.compare(op, n, a, aOff, aStride, b, bOff, bStride, out, outOff, outStride);
    }

    @Override
    public void where(
            int n,
            boolean[] c,
            int cOff,
            int cStride,
            float[] a,
            int aOff,
            int aStride,
            float[] b,
            int bOff,
            int bStride,
            float[] out,
            int outOff,
            int outStride) {
        VectorFloatOps.where(n, c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, out, outOff, outStride);
    }

    @Override
    public void addScaled(
            int n,
            float[] a,
            int aOff,
            int aStride,
            float alpha,
            float[] b,
            int bOff,
            int bStride,
            float[] out,
            int outOff,
            int outStride) {
        VectorFloatOps.addScaled(n, a, aOff, aStride, alpha, b, bOff, bStride, out, outOff, outStride);
    }

    @Override
    public void fromUint8(int n, byte[] x, int xOff, int xStride, float[] out, int outOff, int outStride) {
        VectorFloatOps.fromUint8(n, x, xOff, xStride, out, outOff, outStride);
    }

    @Override
    public void thresholdBackward(
            int n,
            float[] g,
            int gOff,
            int gStride,
            float[] x,
            int xOff,
            int xStride,
            float threshold,
            float[] out,
            int outOff,
            int outStride) {
        VectorFloatOps.thresholdBackward(n, g, gOff, gStride, x, xOff, xStride, threshold, out, outOff, outStride);
    }

    @Override
    public void maxPool2x2(
            int outH, int outW, float[] x, int xOff, int w, float[] out, int outOff, int[] idx, int idxOff) {
        VectorPool.maxPool2x2(outH, outW, x, xOff, w, out, outOff, idx, idxOff);
    }

    @Override
    public void maxPoolBackward(int n, float[] g, int gOff, int[] idx, int idxOff, float[] dx, int dxOff) {
        VectorPool.maxPoolBackward(n, g, gOff, idx, idxOff, dx, dxOff);
    }

    @Override
    public double sum(int n, float[] x, int off, int stride) {
        return VectorFloatSums.sum(n, x, off, stride);
    }

    @Override
    public double sum(int n, double[] x, int off, int stride) {
        return VectorDoubleSums.sum(n, x, off, stride);
    }

    @Override
    public float max(int n, float[] x, int off, int stride) {
        return VectorFloatReduce.max(n, x, off, stride);
    }

    @Override
    public double max(int n, double[] x, int off, int stride) {
        return VectorDoubleReduce.max(n, x, off, stride);
    }

    @Override
    public float min(int n, float[] x, int off, int stride) {
        return VectorFloatReduce.min(n, x, off, stride);
    }

    @Override
    public double min(int n, double[] x, int off, int stride) {
        return VectorDoubleReduce.min(n, x, off, stride);
    }

    @Override
    public int argmax(int n, float[] x, int off, int stride) {
        return VectorFloatReduce.argmax(n, x, off, stride);
    }

    @Override
    public int argmax(int n, double[] x, int off, int stride) {
        return VectorDoubleReduce.argmax(n, x, off, stride);
    }

    @Override
    public int argmin(int n, float[] x, int off, int stride) {
        return VectorFloatReduce.argmin(n, x, off, stride);
    }

    @Override
    public int argmin(int n, double[] x, int off, int stride) {
        return VectorDoubleReduce.argmin(n, x, off, stride);
    }

    @Override
    public void columnSums(
            int rows, int cols, float[] x, int off, int rowStride, float[] out, int outOff, boolean accumulate) {
        VectorFloatReduce.columnSums(rows, cols, x, off, rowStride, out, outOff, accumulate);
    }

    @Override
    public void columnSums(
            int rows, int cols, double[] x, int off, int rowStride, double[] out, int outOff, boolean accumulate) {
        VectorDoubleReduce.columnSums(rows, cols, x, off, rowStride, out, outOff, accumulate);
    }
}
