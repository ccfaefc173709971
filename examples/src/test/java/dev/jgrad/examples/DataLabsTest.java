package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lab-04-2 and Lab-07-2 start from random weights, which jgrad's generator draws differently from
 * PyTorch's, so their numbers can't match the tutorial's; these tests check the run's shape and
 * that it learns.
 */
class DataLabsTest {

    private static List<String> run(Consumer<PrintStream> lab) {
        return List.of(TutorialText.output(lab).split("\n"));
    }

    @Test
    void lab04_2RunsThreeMinibatchesPerEpochAndTheCostFalls() {
        List<String> lines = run(Lab04_2::run);
        assertEquals(63, lines.size(), "21 epochs of 3 batches");
        Pattern line = Pattern.compile("Epoch +(\\d+)/20 Batch (\\d)/3 Cost: (\\d+\\.\\d{6})");
        double[] epochCost = new double[21];
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = line.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            assertEquals(i / 3, Integer.parseInt(m.group(1)), lines.get(i));
            assertEquals(i % 3 + 1, Integer.parseInt(m.group(2)), lines.get(i));
            epochCost[i / 3] += Double.parseDouble(m.group(3));
        }
        assertTrue(lines.get(0).startsWith("Epoch    0/20 Batch 1/3 Cost: "), lines.get(0));
        assertTrue(
                epochCost[20] < epochCost[0] / 10, "cost per epoch: first " + epochCost[0] + ", last " + epochCost[20]);
        assertEquals(lines, run(Lab04_2::run), "the lab seeds its generator, so it prints the same every time");
    }

    @Test
    void lab07_2TrainsSoftmaxRegressionOnTheEmbeddedSample() {
        List<String> lines = run(Lab07_2::run);
        assertEquals(17, lines.size(), String.join("\n", lines));
        Pattern epoch = Pattern.compile("Epoch: (\\d{4}) cost = (\\d+\\.\\d{9})");
        double first = 0;
        double last = 0;
        for (int e = 0; e < 15; e++) {
            Matcher m = epoch.matcher(lines.get(e));
            assertTrue(m.matches(), lines.get(e));
            assertEquals(e + 1, Integer.parseInt(m.group(1)));
            double cost = Double.parseDouble(m.group(2));
            if (e == 0) {
                first = cost;
            }
            last = cost;
        }
        assertTrue(last < first, "the cost falls: " + first + " -> " + last);
        assertEquals("Learning finished", lines.get(15));
        Matcher accuracy = Pattern.compile("Accuracy: (0\\.\\d+)").matcher(lines.get(16));
        assertTrue(accuracy.matches(), lines.get(16));
        assertTrue(Double.parseDouble(accuracy.group(1)) > 0.7, lines.get(16));
    }

    @Test
    void labCnnPrintsTheModelAndItsShapesThenTrainsOneEpoch() {
        List<String> lines = run(LabCnn::run);
        String text = String.join("\n", lines);
        assertTrue(
                text.startsWith(String.join(
                        "\n",
                        "Sequential(",
                        "  (0): Unflatten(dim=1, unflattened_size=(1, 28, 28))",
                        "  (1): Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
                        "  (2): ReLU()",
                        "  (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                        "  (4): Conv2d(32, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
                        "  (5): ReLU()",
                        "  (6): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                        "  (7): Flatten(start_dim=1, end_dim=-1)",
                        "  (8): Linear(in_features=3136, out_features=10, bias=True)",
                        ")",
                        "input: torch.Size([100, 784])",
                        "(0) Unflatten: torch.Size([100, 1, 28, 28])",
                        "(1) Conv2d: torch.Size([100, 32, 28, 28])",
                        "(2) ReLU: torch.Size([100, 32, 28, 28])",
                        "(3) MaxPool2d: torch.Size([100, 32, 14, 14])",
                        "(4) Conv2d: torch.Size([100, 64, 14, 14])",
                        "(5) ReLU: torch.Size([100, 64, 14, 14])",
                        "(6) MaxPool2d: torch.Size([100, 64, 7, 7])",
                        "(7) Flatten: torch.Size([100, 3136])",
                        "(8) Linear: torch.Size([100, 10])")),
                text);
        assertTrue(lines.get(lines.size() - 2).startsWith("epoch 1: 40 batches, mean cost "), text);
        Matcher m = Pattern.compile("test accuracy: (0\\.\\d{4})").matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches(), text);
        // 4,000 sample images, one epoch: well above chance (0.1).
        assertTrue(Double.parseDouble(m.group(1)) > 0.5, text);
    }
}
