package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lab-04-1 to Lab-07-1: the zero-initialised parts print the tutorial's numbers (expected text in
 * test resources); the parts that start from nn.Linear's random weights are checked by what they
 * show: the cost falls, the accuracy reaches 1, the cross entropy forms agree, the learning-rate
 * and preprocessing lessons hold.
 */
class Lab04To07Test {

    private static double[] costs(List<String> lines) {
        return lines.stream()
                .filter(l -> l.contains("Cost: "))
                .mapToDouble(TutorialText::cost)
                .toArray();
    }

    private static void assertFalls(double[] costs, double factor) {
        assertTrue(costs.length > 1);
        assertTrue(costs[costs.length - 1] < costs[0] / factor, java.util.Arrays.toString(costs));
    }

    @Test
    void lab04_1() throws IOException {
        List<String> model = TutorialText.labSections("04-1").get("Full Code with nn.Module and F.mse_loss");
        assertEquals("MultivariateLinearRegressionModel(", model.get(0));
        assertEquals("  (linear): Linear(in_features=3, out_features=1, bias=True)", model.get(1));
        List<String> epochs = model.subList(3, model.size());
        assertEquals(21, epochs.size());
        assertTrue(epochs.get(20).startsWith("Epoch:   20/20 hypothesis: tensor(["), epochs.get(20));
        assertFalls(costs(epochs), 100);
    }

    @Test
    void lab05() throws IOException {
        List<String> cls = TutorialText.labSections("05").get("Higher Implementation with Class");
        assertEquals(11, cls.size());
        assertTrue(cls.get(10).matches("Epoch  100/100 Cost: \\d\\.\\d{6} ACC: 1\\.00%"), cls.get(10));
        assertFalls(costs(cls), 3);
    }

    @Test
    void lab06() throws IOException {
        Map<String, List<String>> s = TutorialText.labSections("06");
        List<String> low = s.get("Cross Entropy Loss (Low-level)");
        // one-hot by hand, nll_loss(log_softmax) and cross_entropy print the same value
        List<String> costs = low.stream()
                .filter(l -> l.startsWith("tensor(1") || l.startsWith("tensor(0") || l.startsWith("tensor(2"))
                .toList();
        assertEquals(3, costs.size(), low.toString());
        assertTrue(costs.get(0).endsWith("grad_fn=<MeanBackward0>)"));
        assertTrue(costs.get(1).endsWith("grad_fn=<NllLossBackward0>)"));
        String value = costs.get(0).substring(0, costs.get(0).indexOf(','));
        assertTrue(costs.get(1).startsWith(value + ",") && costs.get(2).startsWith(value + ","), costs.toString());
        assertTrue(low.stream().anyMatch(l -> l.contains("grad_fn=<LogSoftmaxBackward0>")));
        double[] model = costs(s.get("High-level Implementation with nn.Module"));
        assertEquals(11, model.length);
        for (int i = 1; i < model.length; i++) {
            assertTrue(model[i] < model[i - 1], java.util.Arrays.toString(model));
        }
    }

    @Test
    void lab07_1() throws IOException {
        Map<String, List<String>> s = TutorialText.labSections("07-1");
        List<String> first = s.get("Training and Test Dataset");
        assertEquals(21, first.size());
        assertTrue(first.get(20).matches("Acc: [0-9.]+% Cost: \\d+\\.\\d{6}"), first.get(20));
        assertFalls(costs(first.subList(0, 20)), 1);

        double[] huge = costs(s.get("Learning Rate: too large overshoots"));
        double worst = java.util.Arrays.stream(huge).max().orElseThrow();
        assertTrue(worst > 1000 * huge[0], "a huge lr overshoots: " + java.util.Arrays.toString(huge));

        List<String> tiny = s.get("Learning Rate: too small barely moves");
        assertEquals(20, tiny.size());
        String stalled = tiny.get(0).substring(tiny.get(0).indexOf("Cost: "));
        assertTrue(tiny.stream().allMatch(l -> l.endsWith(stalled)), "a tiny lr stalls: " + tiny);

        assertFalls(costs(s.get("Learning Rate: about right")), 1.5);

        double[] raw = costs(s.get("Without standardisation"));
        assertTrue(java.util.Arrays.stream(raw).anyMatch(Double::isInfinite), java.util.Arrays.toString(raw));
        assertTrue(Double.isNaN(raw[19]), java.util.Arrays.toString(raw));
        double[] norm = costs(s.get("With standardisation"));
        for (int i = 1; i < norm.length; i++) {
            assertTrue(norm[i] < norm[i - 1], java.util.Arrays.toString(norm));
        }
        assertFalls(norm, 1000);
    }

    @Test
    void dispatcherKnowsTheNewLabs() {
        assertTrue(
                Labs.available().containsAll(List.of("04-1", "05", "06", "07-1")),
                Labs.available().toString());
    }
}
