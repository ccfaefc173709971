package dev.jgrad.tensor.kernel;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Picks the kernels once per JVM. This class never names a Vector API type: the vector kernels
 * are loaded by name, so a JVM without {@code jdk.incubator.vector} never tries to link them.
 */
final class KernelSelection {
    static final String PROPERTY = "jgrad.kernels";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String LOGGER_NAME = "dev.jgrad.tensor.kernel";
    private static final String VECTOR_CLASS = "dev.jgrad.tensor.kernel.VectorKernels";
    private static final String ENABLE_HINT = "run java with --add-modules " + VECTOR_MODULE
            + " (or put it in JDK_JAVA_OPTIONS) to use the Vector API kernels";

    private static final AtomicInteger WARNINGS = new AtomicInteger();

    /** The outcome of a selection: the kernels, and the warning to log (null when none). */
    record Choice(Kernels kernels, String warning) {}

    private KernelSelection() {}

    static Kernels selected() {
        return Selected.KERNELS;
    }

    static Optional<Kernels> vector() {
        return Optional.ofNullable(VectorHolder.LOADED.kernels());
    }

    /** How many selection warnings this JVM has logged (at most one). */
    static int warningsLogged() {
        return WARNINGS.get();
    }

    /** The warning logged when this JVM chose the scalar kernels, or null. */
    static String warning() {
        return Selected.WARNING;
    }

    /**
     * The selection rule, free of global state so that it can be tested: {@code forced} is the
     * value of {@value #PROPERTY} (or null), {@code vmInfo} the {@code java.vm.info} property, and
     * {@code vectorLoader} yields the vector kernels or the reason they cannot run.
     */
    static Choice choose(String forced, boolean modulePresent, String vmInfo, Supplier<Loaded> vectorLoader) {
        String prefix = "";
        if (forced != null) {
            String f = forced.trim().toLowerCase(java.util.Locale.ROOT);
            if (f.equals("scalar")) {
                return new Choice(ScalarKernels.INSTANCE, null);
            }
            if (!f.equals("vector")) {
                prefix = "ignoring " + PROPERTY + "=" + forced + " (expected scalar or vector); ";
                forced = null;
            }
        }
        if (!modulePresent) {
            return new Choice(
                    ScalarKernels.INSTANCE,
                    prefix + "module " + VECTOR_MODULE + " is not in the boot layer, so jgrad uses its scalar kernels; "
                            + ENABLE_HINT);
        }
        // Without C2 (-Xint, -XX:TieredStopAtLevel=1) the Vector API runs its slow Java fallback, but
        // jgrad still uses it: the scalar GEMM and sums round differently in the last bits, and a
        // result must not depend on the JIT settings any more than on whether a kernel was compiled
        // yet (WarmupDeterminismTest). The warning names the faster choice and its cost.
        String slowVm = null;
        if (forced == null && vmInfo != null) {
            String info = vmInfo.toLowerCase(java.util.Locale.ROOT);
            if (info.contains("interpreted") || info.contains("emulated-client")) {
                slowVm = "the JVM runs without the C2 compiler (java.vm.info: " + vmInfo + "), where the Vector API"
                        + " kernels run slowly; jgrad uses them all the same, so that results have the same bits as"
                        + " with C2. -D" + PROPERTY + "=scalar runs faster there, with other last bits in matrix"
                        + " products and sums";
            }
        }
        Loaded loaded = vectorLoader.get();
        if (loaded.kernels() == null) {
            return new Choice(
                    ScalarKernels.INSTANCE,
                    prefix + "the Vector API kernels cannot run here (" + loaded.failure()
                            + "), so jgrad uses its scalar kernels");
        }
        if (slowVm != null) {
            return new Choice(loaded.kernels(), prefix + slowVm);
        }
        return new Choice(loaded.kernels(), prefix.isEmpty() ? null : prefix + "using the Vector API kernels");
    }

    /** The vector kernels, or why they could not be loaded. */
    record Loaded(Kernels kernels, String failure) {}

    static Loaded loadVector() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return new Loaded(null, "module " + VECTOR_MODULE + " is not in the boot layer");
        }
        try {
            Class<?> type = Class.forName(VECTOR_CLASS);
            return new Loaded((Kernels) type.getDeclaredConstructor().newInstance(), null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Loaded(null, cause.toString());
        } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
            return new Loaded(null, e.toString());
        }
    }

    private static final class VectorHolder {
        static final Loaded LOADED = loadVector();
    }

    private static final class Selected {
        static final String WARNING;
        static final Kernels KERNELS;

        static {
            Choice choice = choose(
                    System.getProperty(PROPERTY),
                    ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(),
                    System.getProperty("java.vm.info"),
                    () -> VectorHolder.LOADED);
            WARNING = choice.warning();
            KERNELS = choice.kernels();
            if (WARNING != null) {
                WARNINGS.incrementAndGet();
                System.getLogger(LOGGER_NAME).log(System.Logger.Level.WARNING, WARNING);
            }
        }
    }
}
