package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * double sums and dot products on the preferred vector species; strided inputs use the scalar
 * ones. Written apart from {@link VectorFloatSums}, not generated from it: those widen float
 * blocks to double, while these add in double lanes throughout and fold them once, in
 * {@link Lanes}' butterfly order.
 */
final class VectorDoubleSums {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements per block: 4 x L lanes add BLOCK / (4 L) elements each, then the block goes to the total. */
    private static final int BLOCK = 512;

    private VectorDoubleSums() {}

    static double sum(int n, double[] x, int off, int stride) {
        if (stride != 1) {
            return ScalarDoubleReduce.sum(n, x, off, stride);
        }
        int step = 4 * L;
        DoubleVector total = DoubleVector.zero(S);
        int i = 0;
        while (n - i >= step) {
            int end = i + Math.min(BLOCK, (n - i) / step * step);
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (; i < end; i += step) {
                a0 = a0.add(DoubleVector.fromArray(S, x, off + i));
                a1 = a1.add(DoubleVector.fromArray(S, x, off + i + L));
                a2 = a2.add(DoubleVector.fromArray(S, x, off + i + 2 * L));
                a3 = a3.add(DoubleVector.fromArray(S, x, off + i + 3 * L));
            }
            DoubleVector blk = a0.add(a1).add(a2.add(a3));
            total = total.add(blk);
        }
        double tail = 0.0;
        for (; i < n; i++) {
            tail += x[off + i];
        }
        if (Lanes.DOUBLE_LANES > 16) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_16));
        }
        if (Lanes.DOUBLE_LANES > 8) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_8));
        }
        if (Lanes.DOUBLE_LANES > 4) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_4));
        }
        if (Lanes.DOUBLE_LANES > 2) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_2));
        }
        return total.lane(0) + total.lane(1) + tail;
    }

    static double dot(int n, double[] x, int xo, int xs, double[] y, int yo, int ys) {
        if (xs != 1 || ys != 1) {
            return ScalarDoubleReduce.dot(n, x, xo, xs, y, yo, ys);
        }
        int step = 4 * L;
        DoubleVector total = DoubleVector.zero(S);
        int i = 0;
        while (n - i >= step) {
            int end = i + Math.min(BLOCK, (n - i) / step * step);
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (; i < end; i += step) {
                DoubleVector x0 = DoubleVector.fromArray(S, x, xo + i);
                DoubleVector y0 = DoubleVector.fromArray(S, y, yo + i);
                a0 = Fma.FAST ? x0.fma(y0, a0) : x0.mul(y0).add(a0);
                DoubleVector x1 = DoubleVector.fromArray(S, x, xo + i + L);
                DoubleVector y1 = DoubleVector.fromArray(S, y, yo + i + L);
                a1 = Fma.FAST ? x1.fma(y1, a1) : x1.mul(y1).add(a1);
                DoubleVector x2 = DoubleVector.fromArray(S, x, xo + i + 2 * L);
                DoubleVector y2 = DoubleVector.fromArray(S, y, yo + i + 2 * L);
                a2 = Fma.FAST ? x2.fma(y2, a2) : x2.mul(y2).add(a2);
                DoubleVector x3 = DoubleVector.fromArray(S, x, xo + i + 3 * L);
                DoubleVector y3 = DoubleVector.fromArray(S, y, yo + i + 3 * L);
                a3 = Fma.FAST ? x3.fma(y3, a3) : x3.mul(y3).add(a3);
            }
            DoubleVector blk = a0.add(a1).add(a2.add(a3));
            total = total.add(blk);
        }
        double tail = 0.0;
        for (; i < n; i++) {
            tail += x[xo + i] * y[yo + i];
        }
        if (Lanes.DOUBLE_LANES > 16) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_16));
        }
        if (Lanes.DOUBLE_LANES > 8) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_8));
        }
        if (Lanes.DOUBLE_LANES > 4) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_4));
        }
        if (Lanes.DOUBLE_LANES > 2) {
            total = total.add(total.rearrange(Lanes.DOUBLE_XOR_2));
        }
        return total.lane(0) + total.lane(1) + tail;
    }
}
