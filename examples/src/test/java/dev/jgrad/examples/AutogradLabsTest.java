package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Lab-02 and Lab-03 print the tutorial's numbers digit for digit: the costs and weights after each
 * step depend on every float32 rounding of the forward, the backward and the SGD update.
 */
class AutogradLabsTest {

    @Test
    void lab02PrintsTheTutorialsCosts() throws IOException {
        assertEquals(TutorialText.resource("lab02.txt"), TutorialText.output(Lab02::run));
    }

    @Test
    void lab03PrintsTheTutorialsWeightsAndCosts() throws IOException {
        assertEquals(TutorialText.resource("lab03.txt"), TutorialText.output(Lab03::run));
    }

    @Test
    void labsAreRunnableByTheirIds() {
        assertNotNull(Labs.mainOf("02"));
        assertNotNull(Labs.mainOf("03"));
    }
}
