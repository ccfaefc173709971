package dev.jgrad.bench.report;

/** One benchmark's result with the work behind it: its rates in every unit the report uses. */
public record Measurement(BenchResult result, Workload work, Stats opsPerSecond) {

    public static Measurement of(BenchResult result, Workload work) {
        return new Measurement(result, work, result.opsPerSecond());
    }

    public Stats gflops() {
        return opsPerSecond.scaled(work.flops() / 1e9);
    }

    public Stats gelemsPerSecond() {
        return opsPerSecond.scaled(work.elements() / 1e9);
    }

    public Stats gbPerSecond() {
        return opsPerSecond.scaled(work.bytes() / 1e9);
    }
}
