package dev.jgrad.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All results of a run, each matched to its workload; results without one are kept aside. */
public final class Results {
    private final List<Measurement> measurements;
    private final List<BenchResult> unknown;

    private Results(List<Measurement> measurements, List<BenchResult> unknown) {
        this.measurements = measurements;
        this.unknown = unknown;
    }

    public static Results of(List<BenchResult> all) {
        List<Measurement> known = new ArrayList<>();
        List<BenchResult> unknown = new ArrayList<>();
        for (BenchResult r : all) {
            Workload w = Workloads.of(r);
            if (w == null) {
                unknown.add(r);
            } else {
                known.add(Measurement.of(r, w));
            }
        }
        known.sort(Comparator.comparing((Measurement m) -> m.work().suite())
                .thenComparingInt(m -> m.work().opOrder())
                .thenComparingLong(m -> m.work().caseOrder())
                .thenComparing(m -> m.work().impl()));
        return new Results(known, unknown);
    }

    /** The suite's measurements, by op, then size, then implementation. */
    public List<Measurement> suite(Suite suite) {
        List<Measurement> out = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.work().suite() == suite) {
                out.add(m);
            }
        }
        return out;
    }

    public Optional<Measurement> find(Suite suite, String opKey, Impl impl, long caseOrder) {
        for (Measurement m : measurements) {
            Workload w = m.work();
            if (w.suite() == suite && w.opKey().equals(opKey) && w.impl() == impl && w.caseOrder() == caseOrder) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Results of benchmarks the report has no workload for: shown with ops/s only. */
    public List<BenchResult> unknown() {
        return unknown;
    }

    public boolean isEmpty() {
        return measurements.isEmpty() && unknown.isEmpty();
    }

    /** Any one result, for the settings every result of the run shares (JDK, JMH options). */
    public Optional<BenchResult> any() {
        if (!measurements.isEmpty()) {
            return Optional.of(measurements.get(0).result());
        }
        return unknown.stream().findFirst();
    }
}
