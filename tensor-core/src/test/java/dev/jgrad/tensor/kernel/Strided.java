package dev.jgrad.tensor.kernel;

import java.util.Random;

/** Random operands for kernel tests: odd sizes, offsets, strides, and awkward values. */
final class Strided {
    private Strided() {}

    /** A size from 0 to max, biased towards the small and the odd. */
    static int size(Random r, int max) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(Math.min(max, 4) + 1);
            case 1 -> r.nextInt(Math.min(max, 40) + 1);
            default -> r.nextInt(max + 1);
        };
    }

    static int stride(Random r) {
        int s = r.nextInt(6);
        return s < 3 ? 1 : s - 1;
    }

    /** A value that is usually ordinary but sometimes NaN, infinite, a signed zero, tiny or huge. */
    static float value(Random r, boolean specials) {
        if (specials && r.nextInt(40) == 0) {
            float[] odd = {
                Float.NaN,
                Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY,
                0f,
                -0f,
                Float.MIN_VALUE,
                -Float.MIN_VALUE,
                1e-40f,
                Float.MIN_NORMAL,
                Float.MAX_VALUE,
                -Float.MAX_VALUE,
                88.7f,
                -103.5f,
                1f
            };
            return odd[r.nextInt(odd.length)];
        }
        return switch (r.nextInt(4)) {
            case 0 -> (float) (r.nextGaussian() * 30);
            case 1 -> r.nextFloat() * 2 - 1;
            default -> (float) r.nextGaussian();
        };
    }

    static float[] floats(Random r, int n, boolean specials) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = value(r, specials);
        }
        return a;
    }

    static double[] doubles(Random r, int n, boolean specials) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = specials && r.nextInt(40) == 0 ? value(r, true) : r.nextGaussian() * (r.nextBoolean() ? 1 : 40);
        }
        return a;
    }

    static String bits(float[] a, int off, int n, int stride) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(a[off + i * stride]);
        }
        return sb.append(']').toString();
    }
}
