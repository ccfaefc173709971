package dev.jgrad.data;

import dev.jgrad.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Checks a property on seeded random cases: every run draws the same cases, and a failure names
 * the case and the seed, so it can be replayed.
 */
final class SeededCases {
    private SeededCases() {}

    /**
     * Random uint8 images: {@code shape[0]·shape[1]·…} bytes drawn by {@code random}, row-major.
     *
     * @param random the generator
     * @param shape the images' shape, e.g. (N, H, W)
     * @return a contiguous uint8 array of that shape
     */
    static NDArray images(Random random, int... shape) {
        byte[] pixels = new byte[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
        random.nextBytes(pixels);
        return NDArray.wrap(pixels, shape);
    }

    /**
     * Runs {@code check} {@code cases} times, each drawing its case from one generator seeded with {@code seed}.
     *
     * @param seed the generator's seed
     * @param cases how many cases to check
     * @param check draws a case from the generator and checks it
     */
    static void run(long seed, int cases, Consumer<Random> check) {
        Random random = new Random(seed);
        for (int c = 0; c < cases; c++) {
            try {
                check.accept(random);
            } catch (AssertionError e) {
                throw new AssertionError("case " + c + " of seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }
}
