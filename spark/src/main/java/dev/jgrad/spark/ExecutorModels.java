package dev.jgrad.spark;

import dev.jgrad.nn.Module;
import dev.jgrad.tensor.io.SafeTensorsException;
import dev.jgrad.tensor.kernel.Kernels;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models an executor JVM has decoded, by broadcast id: each broadcast model is decoded once
 * per JVM and shared by every task and partition that scores with it (inference only reads the
 * weights, and grad mode is per thread, so tasks can share one module). Also logs, once per JVM,
 * which kernels jgrad runs, so an executor without {@code --add-modules jdk.incubator.vector}
 * (and so on the scalar fallback) is visible in its log.
 */
final class ExecutorModels {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final ConcurrentMap<Long, Module> MODELS = new ConcurrentHashMap<>();
    private static final AtomicBoolean KERNELS_LOGGED = new AtomicBoolean();
    private static final AtomicInteger DECODES = new AtomicInteger();

    private ExecutorModels() {}

    static Module get(Broadcast<byte[]> model) {
        logKernelsOnce();
        return MODELS.computeIfAbsent(model.id(), id -> {
            DECODES.incrementAndGet();
            try {
                return ModelBytes.decode(model.value(), "broadcast model " + id);
            } catch (SafeTensorsException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Drops a model when its broadcast is destroyed on the driver (same JVM in local mode). */
    static void forget(long broadcastId) {
        MODELS.remove(broadcastId);
    }

    /** How many times this JVM decoded a broadcast model (for tests). */
    static int decodes() {
        return DECODES.get();
    }

    static void logKernelsOnce() {
        if (KERNELS_LOGGED.compareAndSet(false, true)) {
            String kernels = Kernels.get().name();
            if ("vector".equals(kernels)) {
                LOG.info("jgrad runs its Vector API kernels in this JVM");
            } else {
                LOG.warn("jgrad runs its SCALAR fallback kernels in this JVM (several times slower): add "
                        + "--add-modules jdk.incubator.vector to spark.executor.extraJavaOptions "
                        + "(and spark.driver.extraJavaOptions)");
            }
        }
    }
}
