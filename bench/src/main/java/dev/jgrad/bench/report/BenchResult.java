package dev.jgrad.bench.report;

import dev.jgrad.tensor.io.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One benchmark (one method at one parameter point) as JMH's JSON result file records it. */
public record BenchResult(
        String benchmark,
        Map<String, String> params,
        String unit,
        List<List<Double>> rawData,
        Map<String, Object> fields) {

    /** Every result in a JMH JSON result file's text. */
    public static List<BenchResult> parseAll(String json) {
        Object root;
        try {
            // JMH writes NaN for the error of a single iteration, which plain JSON lacks.
            root = Json.parseAllowingNonFinite(json);
        } catch (Json.ParseException e) {
            throw new IllegalArgumentException("JMH JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof List<?> list)) {
            throw new IllegalArgumentException("JMH JSON: expected an array of results");
        }
        List<BenchResult> out = new ArrayList<>();
        for (Object item : list) {
            out.add(of(asMap(item, "result")));
        }
        return out;
    }

    private static BenchResult of(Map<String, Object> o) {
        String benchmark = (String) o.get("benchmark");
        if (benchmark == null) {
            throw new IllegalArgumentException("JMH JSON: a result without \"benchmark\"");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Object p = o.get("params");
        if (p != null) {
            asMap(p, "params").forEach((k, v) -> params.put(k, String.valueOf(v)));
        }
        Map<String, Object> metric = asMap(o.get("primaryMetric"), benchmark + " primaryMetric");
        List<List<Double>> raw = new ArrayList<>();
        Object rawData = metric.get("rawData");
        if (rawData instanceof List<?> forks && !forks.isEmpty()) {
            for (Object fork : forks) {
                List<Double> scores = new ArrayList<>();
                for (Object v : (List<?>) fork) {
                    scores.add(score(v, benchmark));
                }
                raw.add(scores);
            }
        } else {
            raw.add(List.of(score(metric.get("score"), benchmark)));
        }
        return new BenchResult(
                benchmark, Collections.unmodifiableMap(params), (String) metric.get("scoreUnit"), raw, o);
    }

    private static double score(Object v, String benchmark) {
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("JMH JSON: a score of " + benchmark + " is " + v + ", not a number");
        }
        return ((Number) v).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("JMH JSON: expected an object for " + what);
        }
        return (Map<String, Object>) o;
    }

    /** The benchmark class's simple name, e.g. {@code MatmulBench}. */
    public String className() {
        String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    /** The benchmark method's name, e.g. {@code vector}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException(benchmark + " has no parameter " + name);
        }
        return v;
    }

    /** Whether the scores are a throughput (ops per time unit). */
    public boolean isThroughput() {
        return unit != null && unit.startsWith("ops/");
    }

    /** The scores as JMH recorded them, in {@link #unit()}. */
    public Stats scores() {
        return Stats.of(rawData);
    }

    /** Whether the scores are a time per operation (JMH's average-time or sample modes). */
    public boolean isTimePerOp() {
        return unit != null && unit.endsWith("/op");
    }

    /** Time per operation of each iteration, in seconds. */
    public Stats secondsPerOp() {
        return Stats.of(rawData).scaled(secondsPerUnit());
    }

    /** Seconds in one unit of a time-per-operation score. */
    private double secondsPerUnit() {
        switch (unit == null ? "" : unit) {
            case "s/op":
                return 1;
            case "ms/op":
                return 1e-3;
            case "us/op":
                return 1e-6;
            case "ns/op":
                return 1e-9;
            case "min/op":
                return 60;
            default:
                throw new IllegalArgumentException(benchmark + ": unit " + unit + " is not a time per operation");
        }
    }

    /**
     * Throughput of each iteration, in operations per second; a time per operation is inverted
     * iteration by iteration.
     */
    public Stats opsPerSecond() {
        if (isTimePerOp()) {
            double seconds = secondsPerUnit();
            List<List<Double>> inverted = new ArrayList<>();
            for (List<Double> fork : rawData) {
                List<Double> ops = new ArrayList<>();
                for (double t : fork) {
                    ops.add(1 / (t * seconds));
                }
                inverted.add(ops);
            }
            return Stats.of(inverted);
        }
        double factor;
        switch (unit == null ? "" : unit) {
            case "ops/s":
                factor = 1;
                break;
            case "ops/ms":
                factor = 1e3;
                break;
            case "ops/us":
                factor = 1e6;
                break;
            case "ops/ns":
                factor = 1e9;
                break;
            case "ops/min":
                factor = 1.0 / 60;
                break;
            default:
                throw new IllegalArgumentException(
                        benchmark + ": unit " + unit + " is neither a throughput nor a time per operation");
        }
        return Stats.of(rawData).scaled(factor);
    }

    /** A top-level integer field such as {@code forks}, or -1 when absent. */
    public int integer(String field) {
        Object v = fields.get(field);
        return v instanceof Number n ? n.intValue() : -1;
    }

    /** A top-level string field such as {@code jdkVersion}, or "" when absent. */
    public String text(String field) {
        Object v = fields.get(field);
        return v == null ? "" : String.valueOf(v);
    }
}
