package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scalar kernels are {@link Kernels}' default methods, so the compiler no longer asks the
 * vector kernels for each one: this test does. A kernel added to the interface without its vector
 * version would otherwise run scalar on the vector path, unnoticed.
 */
class VectorKernelsCoverageTest {
    @Test
    void vectorKernelsOverrideEveryKernel() {
        List<String> missing = new ArrayList<>();
        int kernels = 0;
        for (Method m : Kernels.class.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || isOneDimensionalBinary(m)) {
                continue;
            }
            kernels++;
            try {
                VectorKernels.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(m.toString());
            }
        }
        assertTrue(kernels > 25, "only " + kernels + " kernel methods found on Kernels");
        assertEquals(List.of(), missing, "kernels without a vector version in VectorKernels");
    }

    /** The one-dimensional binary overloads are not kernels: they call the two-dimensional one. */
    private static boolean isOneDimensionalBinary(Method m) {
        return m.getName().equals("binary") && m.getParameterCount() == 11;
    }
}
