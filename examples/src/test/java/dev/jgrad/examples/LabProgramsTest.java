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
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Lab programs' whole output, against the tutorial's printed text (expected files in test
 * resources). Lab-02 and Lab-03 print the tutorial's numbers digit for digit: the costs and weights
 * after each step depend on every float32 rounding of the forward, the backward and the SGD update.
 */
class LabProgramsTest {
    /** The labs whose whole output is the tutorial's text, by id; the expected file is {@code lab<id>.txt}. */
    private static final Map<String, Consumer<PrintStream>> WHOLE_OUTPUT =
            Map.of("01-1", Lab01_1::run, "01-2", Lab01_2::run, "02", Lab02::run, "03", Lab03::run);

    @ParameterizedTest
    @ValueSource(strings = {"01-1", "01-2", "02", "03"})
    void labPrintsTheTutorialsOutput(String id) throws IOException {
        assertEquals(TutorialText.resource("lab" + id + ".txt"), TutorialText.output(WHOLE_OUTPUT.get(id)));
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

    @Test
    void dispatcherRunsTheLabsMain() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Labs.run(new String[] {"01-2"}, System.err));
        } finally {
            System.setOut(saved);
        }
        assertEquals(TutorialText.resource("lab01-2.txt"), buf.toString(StandardCharsets.UTF_8));
    }
}
