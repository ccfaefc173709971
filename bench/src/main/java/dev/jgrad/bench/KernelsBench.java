package dev.jgrad.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * The suites that time jgrad's vector kernels against its scalar kernels and plain loops. Their
 * benchmarks fork with {@code -Djgrad.kernels=vector}: the choice jgrad makes by itself when the
 * module is there, forced so that a suite can never time the scalar fallback as "vector". The
 * {@code *Scalar} benchmarks name the scalar kernels in their own {@code @Fork}, which JMH takes
 * instead of this one.
 */
@Fork(
        value = 2,
        jvmArgs = {Jvm.VECTOR_MODULE, Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.KERNELS_VECTOR})
public abstract class KernelsBench extends OneThreadBench {
    /** For the suites. */
    protected KernelsBench() {}
}
