package dev.jgrad.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The distribution of one benchmark's per-iteration scores over all its forks. The machine is
 * shared and noisy, so the report quotes the median and shows the whole range.
 */
public record Stats(double median, double min, double max, int samples, int forks) {

    /** From JMH's raw data: one list of iteration scores per fork. */
    public static Stats of(List<List<Double>> perFork) {
        List<Double> all = new ArrayList<>();
        for (List<Double> fork : perFork) {
            all.addAll(fork);
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no iteration scores");
        }
        Collections.sort(all);
        int n = all.size();
        double median = n % 2 == 1 ? all.get(n / 2) : (all.get(n / 2 - 1) + all.get(n / 2)) / 2;
        return new Stats(median, all.get(0), all.get(n - 1), n, perFork.size());
    }

    /** The same distribution with every score multiplied by {@code factor} (a unit change). */
    public Stats scaled(double factor) {
        return new Stats(median * factor, min * factor, max * factor, samples, forks);
    }
}
