package dev.jgrad.bench;

/**
 * Flags of the forked benchmark JVMs. JMH takes a method's {@code @Fork} whole, without merging
 * it with the class's, so every {@code @Fork} that names a kernel ({@link KernelsBench}'s and each
 * {@code *Scalar} method's) repeats the common flags; these constants keep the copies identical.
 */
final class Jvm {
    /** The Vector API is an incubator module: without this jgrad runs its scalar kernels. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /** A fixed heap, so that heap resizing does not land inside a measurement. */
    static final String HEAP_MIN = "-Xms2g";

    static final String HEAP_MAX = "-Xmx2g";
    /** jgrad picks its kernels once per JVM from this property. */
    static final String KERNELS_VECTOR = "-Djgrad.kernels=vector";

    static final String KERNELS_SCALAR = "-Djgrad.kernels=scalar";

    private Jvm() {}
}
