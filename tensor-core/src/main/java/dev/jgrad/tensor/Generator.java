package dev.jgrad.tensor;

/**
 * jgrad's own seedable random number generator: xoshiro256** seeded through SplitMix64. Its
 * streams depend only on the seed, so runs are reproducible across JDKs and machines (they do
 * not reproduce PyTorch's streams). Methods are synchronized so one generator may be shared.
 */
public final class Generator {
    /** PyTorch's default CPU seed, so an unseeded program still starts from a fixed state. */
    private static final long DEFAULT_SEED = 67280421310721L;

    private static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private long initialSeed;

    /**
     * A generator seeded with {@code seed} ({@code torch.Generator().manual_seed(seed)}).
     *
     * @param seed the seed
     */
    public Generator(long seed) {
        manualSeedThis(seed);
    }

    /**
     * The generator behind {@code rand}, {@code randn}, ... when none is passed ({@code torch.default_generator}).
     *
     * @return the shared default generator
     */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /**
     * Reseeds the default generator, as {@code torch.manual_seed}.
     *
     * @param seed the seed
     */
    public static void manualSeed(long seed) {
        DEFAULT.manualSeedThis(seed);
    }

    /**
     * Reseeds this generator ({@code Generator.manual_seed}).
     *
     * @param seed the seed
     * @return this generator, for chaining
     */
    public synchronized Generator manualSeedThis(long seed) {
        initialSeed = seed;
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
        return this;
    }

    /**
     * The seed last given to this generator ({@code Generator.initial_seed}).
     *
     * @return the seed
     */
    public synchronized long initialSeed() {
        return initialSeed;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The next 64 random bits.
     *
     * @return a uniformly distributed long
     */
    public synchronized long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /**
     * Uniform in {@code [0, 1)} with 53 random bits.
     *
     * @return the sample
     */
    public synchronized double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Uniform in {@code [0, 1)} with 24 random bits, so that it never rounds up to 1.
     *
     * @return the sample
     */
    public synchronized float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /**
     * Standard normal, by the Box-Muller transform (one draw per call, no hidden cache).
     *
     * @return the sample
     */
    public synchronized double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // in (0, 1], so log is finite
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * Uniform in {@code [0, bound)}, without modulo bias.
     *
     * @param bound the exclusive upper bound, positive
     * @return the sample
     * @throws IllegalArgumentException if {@code bound} is not positive
     */
    public synchronized long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, but got " + bound);
        }
        long m = bound - 1;
        if ((bound & m) == 0) {
            return nextLong() & m;
        }
        long u = nextLong() >>> 1;
        for (long r = u % bound; u - r + m < 0; r = u % bound) {
            u = nextLong() >>> 1;
        }
        return u % bound;
    }

    synchronized void fillUniform(float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = nextFloat();
        }
    }

    synchronized void fillNormal(float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) nextGaussian();
        }
    }

    synchronized void fillRandint(long[] out, long low, long high) {
        long range = high - low;
        for (int i = 0; i < out.length; i++) {
            out[i] = low + nextLong(range);
        }
    }

    synchronized void fillPermutation(long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = (int) nextLong(i + 1);
            long t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }
}
