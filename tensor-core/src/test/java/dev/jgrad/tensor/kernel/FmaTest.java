package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast-FMA guard. The kernel tests run twice in CI: as the JVM decides, and with
 * {@code -Djgrad.fma=false} (tensor-core's no-fma surefire run), where the scalar and vector kernels
 * must still agree bit for bit.
 */
@Tag("scalar-path")
class FmaTest {
    @Test
    void thePropertyWinsOverTheJvmFlag() {
        assertFalse(Fma.decide("false", "true").fast());
        assertTrue(Fma.decide("true", "false").fast());
        assertTrue(Fma.decide(" TRUE ", null).fast());
        assertNull(Fma.decide("false", "true").warning());
    }

    @Test
    void withoutThePropertyTheJvmFlagDecides() {
        assertTrue(Fma.decide(null, "true").fast());
        assertFalse(Fma.decide(null, "false").fast());
    }

    @Test
    void aJvmWithoutTheFlagGetsMultiplyAdd() {
        assertFalse(Fma.decide(null, null).fast());
    }

    @Test
    void aBadValueIsIgnoredWithAWarningThatNamesIt() {
        Fma.Decision d = Fma.decide("maybe", "true");
        assertTrue(d.fast());
        assertEquals("ignoring jgrad.fma=maybe (expected true or false)", d.warning());
    }

    @Test
    void theConstantIsWhatThisJvmAskedFor() {
        String forced = System.getProperty(Fma.PROPERTY);
        String flag = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseFMA")
                .getValue();
        assertEquals(
                forced != null ? Boolean.parseBoolean(forced) : Boolean.parseBoolean(flag),
                Fma.FAST,
                "jgrad.fma=" + forced + ", UseFMA=" + flag);
    }

    @Test
    void fmaRoundsOnceOnlyWhenFast() {
        // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: the last term is lost when the product is rounded first.
        float a = 1f + 0x1p-12f;
        float c = -(1f + 0x1p-11f);
        assertEquals(Fma.FAST ? 0x1p-24f : 0f, Fma.fma(a, a, c));
    }
}
