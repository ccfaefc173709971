package dev.jgrad.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * The loop of a seeded fuzz test: a fixed seed, printed so that a failure can be replayed
 * ({@code -Djgrad.fuzz.seed=N} overrides it), a count of mutants, and on any failure the mutant
 * as hex. Each reader's fuzz test supplies the mutants and a check that holds the reader
 * against an independent, spec-level parser.
 */
public final class Fuzz {
    /** The system property that overrides the seed. */
    public static final String SEED_PROPERTY = "jgrad.fuzz.seed";
    /** Mutants per format and run. */
    public static final int MUTANTS = 5000;

    private static final long DEFAULT_SEED = 13;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Checks one mutant; anything it throws fails the test. */
    @FunctionalInterface
    public interface Check {
        /**
         * Runs the reader and the oracle on a mutant.
         *
         * @param mutant the bytes
         * @return whether the oracle accepted it (for the summary)
         * @throws Exception when the reader and the oracle disagree, or the reader fails wrongly
         */
        boolean run(byte[] mutant) throws Exception;
    }

    /** Makes mutant number {@code i}. */
    @FunctionalInterface
    public interface Source {
        /**
         * The mutant.
         *
         * @param i      its number, from 0
         * @param random the run's generator
         * @return its bytes
         */
        byte[] mutant(int i, Random random);
    }

    /** Checks one mutant that was written to a file; anything it throws fails the test. */
    @FunctionalInterface
    public interface FileCheck {
        /**
         * Runs the reader on the file and the oracle on the bytes.
         *
         * @param file   the file holding the mutant
         * @param mutant its bytes
         * @return whether the oracle accepted it (for the summary)
         * @throws Exception when the reader and the oracle disagree, or the reader fails wrongly
         */
        boolean run(Path file, byte[] mutant) throws Exception;
    }

    private Fuzz() {}

    /**
     * {@link #run}, with each mutant written to {@code path} (one {@link MutantFile}, rewritten in place) for
     * {@code check} to read.
     *
     * @return how many the oracle accepted
     * @throws IOException if the file cannot be made or removed
     */
    public static int runThroughFile(String format, int count, Path path, Source source, FileCheck check)
            throws IOException {
        try (MutantFile file = new MutantFile(path)) {
            return run(format, count, source, mutant -> check.run(file.write(mutant), mutant));
        }
    }

    /** The seed of this run: the property's value, or the fixed default. */
    public static long seed() {
        String s = System.getProperty(SEED_PROPERTY);
        return s == null || s.isBlank() ? DEFAULT_SEED : Long.parseLong(s.trim());
    }

    /**
     * Runs {@code count} mutants of a format through {@code check}, printing the seed first.
     *
     * @return how many the oracle accepted
     */
    public static int run(String format, int count, Source source, Check check) {
        long seed = seed();
        System.out.println("fuzz " + format + ": seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + "), "
                + count + " mutants");
        Random random = new Random(seed);
        int accepted = 0;
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            byte[] mutant = source.mutant(i, random);
            try {
                if (check.run(mutant)) {
                    accepted++;
                }
            } catch (Throwable t) {
                throw new AssertionError(
                        "fuzz " + format + ", seed " + seed + ", mutant " + i + " (" + mutant.length + " bytes): " + t
                                + "\nmutant as hex: " + hex(mutant),
                        t);
            }
        }
        System.out.printf(
                "fuzz %s: %d mutants, %d accepted by both, %d rejected by both, %.1f s (%.1f s of CPU)%n",
                format,
                count,
                accepted,
                count - accepted,
                (System.nanoTime() - start) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        return accepted;
    }

    /** The bytes as hex, 32 a line. */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            sb.append(i == 0 ? "" : i % 32 == 0 ? "\n" : " ").append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
