package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Lab programs' whole output, against the tutorial's printed text (expected files in test
 * resources). Lab-02 and Lab-03 print the tutorial's numbers digit for digit: the costs and weights
 * after each step depend on every float32 rounding of the forward, the backward and the SGD update.
 */
class LabProgramsTest {
    /** The labs whose whole output is the tutorial's text, run as {@code ./jgrad lab ID} runs them; the expected file is {@code lab<id>.txt}. */
    @ParameterizedTest
    @ValueSource(strings = {"01-1", "01-2", "02", "03"})
    void labPrintsTheTutorialsOutput(String id) throws IOException {
        assertEquals(TutorialText.resource("lab" + id + ".txt"), TutorialText.labOutput(id));
    }

    @Test
    void labIdsMapToClasses() {
        assertEquals("dev.jgrad.examples.Lab01_1", Labs.className("01-1"));
        assertNotNull(Labs.mainOf("01-1"));
        assertNotNull(Labs.mainOf("01-2"));
        assertNotNull(Labs.mainOf("02"));
        assertNotNull(Labs.mainOf("03"));
        assertTrue(
                Labs.available().containsAll(List.of("01-1", "01-2")),
                Labs.available().toString());
    }

    @Test
    void unknownLabIdsAreRejected() {
        assertNull(Labs.mainOf("99"));
        assertNull(Labs.mainOf("01_1"));
        assertNull(Labs.mainOf("../Labs"));
        assertNull(Labs.mainOf(""));
    }

    @Test
    void badIdListsTheAvailableLabs() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int status = Labs.run(new String[] {"42"}, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(
                buf.toString(StandardCharsets.UTF_8).startsWith("jgrad: no lab '42'; available: 01-1, 01-2"),
                buf.toString(StandardCharsets.UTF_8));
    }
}
