package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.format.PyFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's zero-initialised runs (Lab-03 with optim.SGD, Lab-04-1, Lab-05, Lab-06),
 * reproduced to the digits the tutorial prints. Where it prints every digit of a float32, the
 * comparison allows 1e-5 relative: float32 summation order moves the last digits (PyTorch itself
 * prints 1.620242 instead of the tutorial's 1.620234 at Lab-04-1's epoch 20 with another BLAS).
 */
class TutorialRunsTest {
    /** {@code printed} is what the tutorial shows for {@code actual} with {@code digits} decimals. */
    static void assertPrinted(String printed, double actual, int digits) {
        String ours = PyFormat.fixed(actual, digits);
        if (ours.equals(printed)) {
            return;
        }
        double expected = Double.parseDouble(printed);
        assertEquals(
                expected,
                actual,
                1e-5 * Math.abs(expected) + 0.5 * Math.pow(10, -digits),
                "tutorial prints " + printed + ", we compute " + ours);
    }

    @Test
    void lab03WithOptimSgd() {
        Tensor x = Tensor.tensor(new float[][] {{1}, {2}, {3}});
        Tensor y = Tensor.tensor(new float[][] {{1}, {2}, {3}});
        Tensor w = Tensor.zeros(1).requiresGrad_();
        SGD optimizer = new SGD(List.of(w), 0.15);
        String[] ws = {"0.000", "1.400", "0.840", "1.064", "0.974", "1.010", "0.996", "1.002", "0.999", "1.000", "1.000"
        };
        String[] costs = {
            "4.666667",
            "0.746667",
            "0.119467",
            "0.019115",
            "0.003058",
            "0.000489",
            "0.000078",
            "0.000013",
            "0.000002",
            "0.000000",
            "0.000000"
        };
        for (int epoch = 0; epoch <= 10; epoch++) {
            Tensor hypothesis = x.mul(w);
            Tensor cost = hypothesis.sub(y).pow(2).mean();
            assertPrinted(ws[epoch], w.item(), 3);
            assertPrinted(costs[epoch], cost.item(), 6);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
        }
    }

    static final Tensor X4 =
            Tensor.tensor(new float[][] {{73, 80, 75}, {93, 88, 93}, {89, 91, 90}, {96, 98, 100}, {73, 66, 70}});
    static final Tensor Y4 = Tensor.tensor(new float[][] {{152}, {185}, {180}, {196}, {142}});

    @Test
    void lab041HypothesisAndCostAtEachEpoch() {
        String[][] hyp = {
            {"0.0000", "0.0000", "0.0000", "0.0000", "0.0000"},
            {"67.2544", "80.8363", "79.6489", "86.7360", "61.6571"},
            {"104.9088", "126.0952", "124.2429", "135.2979", "96.1780"},
            {"125.9906", "151.4351", "149.2102", "162.4868", "115.5059"},
            {"137.7938", "165.6226", "163.1889", "177.7094", "126.3274"},
            {"144.4020", "173.5660", "171.0154", "186.2322", "132.3864"},
            {"148.1017", "178.0136", "175.3972", "191.0040", "135.7788"},
            {"150.1728", "180.5038", "177.8504", "193.6755", "137.6784"},
            {"151.3322", "181.8982", "179.2239", "195.1712", "138.7421"},
            {"151.9812", "182.6790", "179.9928", "196.0086", "139.3379"},
            {"152.3443", "183.1163", "180.4233", "196.4774", "139.6716"},
            {"152.5475", "183.3613", "180.6642", "196.7398", "139.8586"},
            {"152.6610", "183.4986", "180.7991", "196.8867", "139.9635"},
            {"152.7244", "183.5756", "180.8745", "196.9688", "140.0224"},
            {"152.7597", "183.6188", "180.9167", "197.0148", "140.0556"},
            {"152.7792", "183.6432", "180.9402", "197.0405", "140.0744"},
            {"152.7900", "183.6569", "180.9534", "197.0548", "140.0850"},
            {"152.7958", "183.6647", "180.9606", "197.0628", "140.0912"},
            {"152.7989", "183.6693", "180.9647", "197.0672", "140.0948"},
            {"152.8004", "183.6719", "180.9669", "197.0696", "140.0970"},
            {"152.8011", "183.6736", "180.9680", "197.0709", "140.0984"}
        };
        String[] costs = {
            "29661.800781",
            "9299.174805",
            "2916.123535",
            "915.234863",
            "288.017517",
            "91.404106",
            "29.771265",
            "10.450775",
            "4.393974",
            "2.494854",
            "1.899049",
            "1.711788",
            "1.652612",
            "1.633556",
            "1.627118",
            "1.624588",
            "1.623325",
            "1.622444",
            "1.621667",
            "1.620959",
            "1.620234"
        };
        Tensor w = Tensor.zeros(3, 1).requiresGrad_();
        Tensor b = Tensor.zeros(1).requiresGrad_();
        SGD optimizer = new SGD(List.of(w, b), 1e-5);
        for (int epoch = 0; epoch <= 20; epoch++) {
            Tensor hypothesis = X4.matmul(w);
            Tensor cost = hypothesis.sub(Y4).pow(2).mean();
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            float[] h = hypothesis.squeeze().detach().toFloatArray();
            for (int i = 0; i < 5; i++) {
                assertPrinted(hyp[epoch][i], h[i], 4);
            }
            assertPrinted(costs[epoch], cost.item(), 6);
        }
    }

    @Test
    void lab041ModelFromRandomWeightsLearns() {
        // nn.Linear's random start can't match the tutorial's digits; the cost falls as it does there.
        Linear model = new Linear(3, 1);
        SGD optimizer = new SGD(model.parameters(), 1e-5);
        List<Double> costs = new ArrayList<>();
        for (int epoch = 0; epoch <= 20; epoch++) {
            Tensor cost = F.mseLoss(model.call(X4), Y4);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            costs.add(cost.item());
        }
        assertTrue(costs.get(20) < costs.get(0) / 100, costs.toString());
        assertTrue(costs.get(20) < 50, costs.toString());
    }

    static final Tensor X5 = Tensor.tensor(new float[][] {{1, 2}, {2, 3}, {3, 1}, {4, 3}, {5, 3}, {6, 2}});
    static final Tensor Y5 = Tensor.tensor(new float[][] {{0}, {0}, {0}, {1}, {1}, {1}});

    @Test
    void lab05LogisticRegression() {
        double[] printed = {
            0.6931471824645996,
            0.134722039103508,
            0.08064313977956772,
            0.05790001526474953,
            0.0452997200191021,
            0.037260960787534714,
            0.03167249262332916,
            0.027555925771594048,
            0.024394338950514793,
            0.021888310089707375,
            0.019852152094244957
        };
        Tensor w = Tensor.zeros(2, 1).requiresGrad_();
        Tensor b = Tensor.zeros(1).requiresGrad_();
        SGD optimizer = new SGD(List.of(w, b), 1);
        for (int epoch = 0; epoch <= 1000; epoch++) {
            Tensor hypothesis = X5.matmul(w).add(b).sigmoid();
            Tensor cost = F.binaryCrossEntropy(hypothesis, Y5);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            if (epoch % 100 == 0) {
                double expected = printed[epoch / 100];
                assertEquals(expected, cost.item(), 1e-5 * expected, "epoch " + epoch);
            }
        }
        Tensor hypothesis = X5.matmul(w).add(b).sigmoid();
        double[] first5 = {2.7648e-04, 3.1608e-02, 3.8977e-02, 9.5622e-01, 9.9823e-01};
        float[] h = hypothesis.toFloatArray();
        for (int i = 0; i < 5; i++) {
            assertEquals(first5[i], h[i], 1e-4 * first5[i] + 1e-8, "hypothesis " + i);
        }
        Tensor pred = hypothesis.ge(Tensor.tensor(new float[] {0.5f}));
        assertEquals(
                "tensor([[False],\n        [False],\n        [False],\n        [ True],\n        [ True]])",
                pred.slice(0, 0, 5).toString());
        Tensor correct = pred.toFloat().eq(Y5);
        assertEquals(1.0, correct.sum().item() / correct.size(0));
    }

    @Test
    void lab05BinaryClassifierFromRandomWeightsReachesFullAccuracy() {
        final class BinaryClassifier extends Module {
            final Linear linear = registerModule("linear", new Linear(2, 1));
            final Sigmoid sigmoid = registerModule("sigmoid", new Sigmoid());

            @Override
            public Tensor forward(Tensor x) {
                return sigmoid.call(linear.call(x));
            }
        }
        BinaryClassifier model = new BinaryClassifier();
        SGD optimizer = new SGD(model.parameters(), 1);
        double first = 0;
        double last = 0;
        double accuracy = 0;
        for (int epoch = 0; epoch <= 1000; epoch++) {
            Tensor hypothesis = model.call(X5);
            Tensor cost = F.binaryCrossEntropy(hypothesis, Y5);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            if (epoch == 0) {
                first = cost.item();
            }
            last = cost.item();
            Tensor correct =
                    hypothesis.ge(Tensor.tensor(new float[] {0.5f})).toFloat().eq(Y5);
            accuracy = correct.sum().item() / correct.size(0);
        }
        assertTrue(last < first / 5, first + " -> " + last);
        assertEquals(1.0, accuracy);
    }

    static final Tensor X6 = Tensor.tensor(new float[][] {
        {1, 2, 1, 1}, {2, 1, 3, 2}, {3, 1, 3, 4}, {4, 1, 5, 5}, {1, 7, 5, 5}, {1, 2, 5, 6}, {1, 6, 6, 6}, {1, 7, 7, 7}
    });
    static final Tensor Y6 = Tensor.tensor(new long[] {2, 2, 2, 1, 1, 1, 0, 0});

    @Test
    void lab06SoftmaxClassificationFromZeros() {
        String[] printed = {
            "1.098612",
            "0.761050",
            "0.689991",
            "0.643229",
            "0.604117",
            "0.568256",
            "0.533922",
            "0.500291",
            "0.466908",
            "0.433507",
            "0.399962"
        };
        Tensor w = Tensor.zeros(4, 3).requiresGrad_();
        Tensor b = Tensor.zeros(1).requiresGrad_();
        SGD optimizer = new SGD(List.of(w, b), 0.1);
        for (int epoch = 0; epoch <= 1000; epoch++) {
            Tensor z = X6.matmul(w).add(b);
            Tensor cost = F.crossEntropy(z, Y6);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            if (epoch % 100 == 0) {
                assertPrinted(printed[epoch / 100], cost.item(), 6);
            }
        }
    }

    @Test
    void lab06LowLevelOneHotRunMatchesCrossEntropyRun() {
        Tensor w1 = Tensor.zeros(4, 3).requiresGrad_();
        Tensor b1 = Tensor.zeros(1).requiresGrad_();
        Tensor w2 = Tensor.zeros(4, 3).requiresGrad_();
        Tensor b2 = Tensor.zeros(1).requiresGrad_();
        SGD o1 = new SGD(List.of(w1, b1), 0.1);
        SGD o2 = new SGD(List.of(w2, b2), 0.1);
        for (int epoch = 0; epoch <= 200; epoch++) {
            Tensor hypothesis = F.softmax(X6.matmul(w1).add(b1), 1);
            Tensor yOneHot = Tensor.zerosLike(hypothesis);
            yOneHot.scatter_(1, Y6.unsqueeze(1), 1);
            Tensor c1 = yOneHot.mul(hypothesis.log().neg()).sum(1).mean();
            Tensor c2 = F.crossEntropy(X6.matmul(w2).add(b2), Y6);
            assertEquals(c2.item(), c1.item(), 1e-5);
            o1.zeroGrad();
            c1.backward();
            o1.step();
            o2.zeroGrad();
            c2.backward();
            o2.step();
        }
        assertTrue(w1.allclose(w2, 1e-4, 1e-5));
    }

    @Test
    void lab06ModelFromRandomWeightsLearns() {
        Linear model = new Linear(4, 3);
        SGD optimizer = new SGD(model.parameters(), 0.1);
        double previous = Double.POSITIVE_INFINITY;
        for (int epoch = 0; epoch <= 1000; epoch++) {
            Tensor cost = F.crossEntropy(model.call(X6), Y6);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            if (epoch % 100 == 0) {
                assertTrue(cost.item() < previous, "the cost falls at every checkpoint");
                previous = cost.item();
            }
        }
        assertTrue(previous < 0.5, "cost after 1000 epochs: " + previous);
    }

    // ---------------------------------------------------------------- Lab-07-1: learning-rate lessons

    static final Tensor X7 = Tensor.tensor(
            new float[][] {{1, 2, 1}, {1, 3, 2}, {1, 3, 4}, {1, 5, 5}, {1, 7, 5}, {1, 2, 5}, {1, 6, 6}, {1, 7, 7}});
    static final Tensor Y7 = Tensor.tensor(new long[] {2, 2, 2, 1, 1, 1, 0, 0});

    /** The tutorial's train(): 20 epochs of full-batch SGD, returning the cost of each. */
    static double[] train(Module model, SGD optimizer, Tensor x, Tensor y, boolean regression) {
        double[] costs = new double[20];
        for (int epoch = 0; epoch < 20; epoch++) {
            Tensor pred = model.call(x);
            Tensor cost = regression ? F.mseLoss(pred, y) : F.crossEntropy(pred, y);
            optimizer.zeroGrad();
            cost.backward();
            optimizer.step();
            costs[epoch] = cost.item();
        }
        return costs;
    }

    @Test
    void lab071HugeLearningRateDiverges() {
        Linear model = new Linear(3, 3);
        double[] costs = train(model, new SGD(model.parameters(), 1e5), X7, Y7, false);
        double worst = 0;
        for (int e = 1; e < costs.length; e++) {
            worst = Math.max(worst, costs[e]);
        }
        assertTrue(worst > 1000 * costs[0], "overshooting: " + java.util.Arrays.toString(costs));
    }

    @Test
    void lab071TinyLearningRateStalls() {
        Linear model = new Linear(3, 3);
        double[] costs = train(model, new SGD(model.parameters(), 1e-10), X7, Y7, false);
        for (double c : costs) {
            assertEquals(PyFormat.fixed(costs[0], 6), PyFormat.fixed(c, 6), "the cost doesn't move");
        }
    }

    @Test
    void lab071ModerateLearningRateLearnsAndGeneralises() {
        Linear model = new Linear(3, 3);
        double[] costs = train(model, new SGD(model.parameters(), 0.1), X7, Y7, false);
        assertTrue(costs[19] < costs[0], java.util.Arrays.toString(costs));
        for (int e = 10; e < 20; e++) {
            assertTrue(costs[e] < costs[e - 1], "falls steadily: " + java.util.Arrays.toString(costs));
        }
        Tensor xTest = Tensor.tensor(new float[][] {{2, 1, 1}, {3, 1, 2}, {3, 3, 4}});
        Tensor cost = F.crossEntropy(model.call(xTest), Tensor.tensor(new long[] {2, 2, 2}));
        assertTrue(Double.isFinite(cost.item()));
    }

    static final Tensor X7R =
            Tensor.tensor(new float[][] {{73, 80, 75}, {93, 88, 93}, {89, 91, 90}, {96, 98, 100}, {74, 66, 70}});

    @Test
    void lab071StandardisationPrintsAsTheTutorial() {
        Tensor mu = X7R.mean(0);
        Tensor sigma = X7R.std(0);
        assertEquals(
                "tensor([[-1.1118, -0.3758, -0.8398],\n"
                        + "        [ 0.7412,  0.2778,  0.5863],\n"
                        + "        [ 0.3706,  0.5229,  0.3486],\n"
                        + "        [ 1.0191,  1.0948,  1.1409],\n"
                        + "        [-1.0191, -1.5197, -1.2360]])",
                X7R.sub(mu).div(sigma).toString());
    }

    @Test
    void lab071RawInputsBlowUpWhileStandardisedOnesConverge() {
        Linear raw = new Linear(3, 1);
        double[] rawCosts = train(raw, new SGD(raw.parameters(), 0.1), X7R, Y4, true);
        boolean sawInf = false;
        for (double c : rawCosts) {
            sawInf |= Double.isInfinite(c);
        }
        assertTrue(sawInf, "the cost overflows: " + java.util.Arrays.toString(rawCosts));
        assertTrue(Double.isNaN(rawCosts[19]), "then turns to nan: " + java.util.Arrays.toString(rawCosts));

        Tensor norm = X7R.sub(X7R.mean(0)).div(X7R.std(0));
        Linear model = new Linear(3, 1);
        double[] costs = train(model, new SGD(model.parameters(), 0.1), norm, Y4, true);
        for (int e = 1; e < 20; e++) {
            assertTrue(costs[e] < costs[e - 1], java.util.Arrays.toString(costs));
        }
        assertTrue(costs[19] < costs[0] / 1000, java.util.Arrays.toString(costs));
    }
}
