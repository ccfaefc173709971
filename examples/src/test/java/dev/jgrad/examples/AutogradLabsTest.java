package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Lab-02 and Lab-03 print the tutorial's numbers digit for digit: the costs and weights after each
 * step depend on every float32 rounding of the forward, the backward and the SGD update.
 */
class AutogradLabsTest {
    private static String run(Consumer<PrintStream> lab) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            lab.accept(out);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = AutogradLabsTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void lab02PrintsTheTutorialsCosts() throws IOException {
        assertEquals(expected("lab02.txt"), run(Lab02::run));
    }

    @Test
    void lab03PrintsTheTutorialsWeightsAndCosts() throws IOException {
        assertEquals(expected("lab03.txt"), run(Lab03::run));
    }

    @Test
    void labsAreRunnableByTheirIds() {
        assertNotNull(Labs.mainOf("02"));
        assertNotNull(Labs.mainOf("03"));
    }
}
