package dev.jgrad.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings the suites share, written once: JMH looks a class-level annotation up the
 * superclasses, so a suite that extends this one inherits each setting it does not annotate
 * itself. Operations per second, 3 warm-up and 5 measured iterations of 500 ms, 2 forks with the
 * {@link Jvm} flags. The training step and convolution suites override the mode, the unit and the
 * iteration times.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 2,
        jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX})
public abstract class OneThreadBench {
    /** For the suites. */
    protected OneThreadBench() {}
}
