package dev.jgrad.tensor.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Whether the kernels use fused multiply-add, decided once per JVM (Lucene makes the same guard).
 * {@code Math.fma} and {@code FloatVector.fma} are one instruction where the CPU has FMA and HotSpot
 * uses it (its {@code UseFMA} flag, on by default on such CPUs); elsewhere {@code Math.fma} falls back
 * to {@code BigDecimal} arithmetic, a hundred times slower, exactly on the machines that need the
 * scalar fallback. Where FMA is off, the scalar and the vector kernels both compute {@code a * b + c}
 * as a rounded multiply then a rounded add, so they still agree bit for bit (they then round once
 * more per step, and a few results differ in the last bit from the FMA ones).
 *
 * <p>{@code -Djgrad.fma=false} forces the multiply-add path (CI runs the kernel tests that way),
 * {@code -Djgrad.fma=true} forces FMA. On a JVM that is not HotSpot (no diagnostic bean, or no
 * {@code UseFMA} flag), jgrad does not know whether FMA is fast and uses multiply-add, as Lucene
 * does: it costs a little where FMA was fast, while the opposite guess costs a hundredfold where it
 * is not.
 */
final class Fma {
    static final String PROPERTY = "jgrad.fma";

    /**
     * Use fused multiply-add. A {@code static final} constant, so C2 folds every
     * {@code FAST ? a.fma(b, c) : a.mul(b).add(c)} and compiles only the path taken.
     */
    static final boolean FAST;

    static {
        Decision d = decide(System.getProperty(PROPERTY), useFmaFlag());
        FAST = d.fast();
        if (d.warning() != null) {
            System.getLogger(KernelSelection.LOGGER_NAME).log(System.Logger.Level.WARNING, d.warning());
        }
    }

    private Fma() {}

    /** {@code a * b + c}: fused (one rounding) when {@link #FAST}, else a rounded product plus c. */
    static float fma(float a, float b, float c) {
        return FAST ? Math.fma(a, b, c) : a * b + c;
    }

    /** {@code a * b + c} in double: fused (one rounding) when {@link #FAST}, else a rounded product plus c. */
    static double fma(double a, double b, double c) {
        return FAST ? Math.fma(a, b, c) : a * b + c;
    }

    /** Whether to use FMA, and a warning to log (null when none). */
    record Decision(boolean fast, String warning) {}

    /**
     * The rule, free of global state so that it can be tested: {@code forced} is the value of
     * {@value #PROPERTY} (or null), {@code useFma} HotSpot's {@code UseFMA} flag ("true", "false",
     * or null when this JVM has no such flag).
     */
    static Decision decide(String forced, String useFma) {
        String warning = null;
        if (forced != null) {
            String f = forced.trim().toLowerCase(Locale.ROOT);
            if (f.equals("true") || f.equals("false")) {
                return new Decision(f.equals("true"), null);
            }
            warning = "ignoring " + PROPERTY + "=" + forced + " (expected true or false)";
        }
        // No flag: not HotSpot, so FMA is not known to be fast.
        return new Decision(useFma != null && Boolean.parseBoolean(useFma.trim()), warning);
    }

    /** HotSpot's {@code UseFMA} flag, or null where there is no such bean or flag. */
    private static String useFmaFlag() {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean == null ? null : bean.getVMOption("UseFMA").getValue();
        } catch (IllegalArgumentException | LinkageError | SecurityException e) {
            // No such flag (another VM, or another CPU architecture), or no jdk.management module.
            return null;
        }
    }
}
