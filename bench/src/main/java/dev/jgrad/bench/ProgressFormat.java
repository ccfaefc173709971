package dev.jgrad.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, split: the full text log (forked JVMs' output included) goes to {@code log},
 * and one line per benchmark with its score goes to {@code progress}, so a long run shows
 * where it is without flooding the terminal.
 */
final class ProgressFormat implements OutputFormat {
    private final OutputFormat log;
    private final PrintStream progress;
    private int started;
    private int finished;
    private boolean open;

    ProgressFormat(OutputFormat log, PrintStream progress) {
        this.log = log;
        this.progress = progress;
    }

    /** Benchmarks started that produced no result: their setup or body threw. */
    int failures() {
        return started - finished;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.startBenchmark(params);
        closeLine("FAILED (see the log)");
        started++;
        open = true;
        String name = params.getBenchmark();
        name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
        StringBuilder line = new StringBuilder("  ").append(name);
        for (String key : params.getParamsKeys()) {
            line.append(' ').append(key).append('=').append(params.getParam(key));
        }
        progress.print(line.append(": ").toString());
        progress.flush();
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        if (result == null
                || result.getPrimaryResult() == null
                || Double.isNaN(result.getPrimaryResult().getScore())) {
            closeLine("FAILED (see the log)");
            return;
        }
        finished++;
        closeLine(
                String.format(Locale.ROOT, "%.4g %s", result.getPrimaryResult().getScore(), result.getScoreUnit()));
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        closeLine("FAILED (see the log)");
        log.endRun(result);
    }

    private void closeLine(String text) {
        if (open) {
            progress.println(text);
            progress.flush();
            open = false;
        }
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(
            BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
