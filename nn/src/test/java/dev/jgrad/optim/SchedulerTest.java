package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.optim.lr_scheduler.CosineAnnealingLR;
import dev.jgrad.optim.lr_scheduler.StepLR;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static SGD sgd(double lr) {
        return new SGD(List.of(Tensor.zeros(1).requiresGrad_()), lr);
    }

    @Test
    void stepLrDecaysEveryStepSizeEpochs() {
        SGD opt = sgd(1.0);
        StepLR s = new StepLR(opt, 3, 0.5);
        double[] seen = new double[10];
        for (int epoch = 0; epoch < 10; epoch++) {
            seen[epoch] = opt.paramGroups().get(0).lr();
            opt.step();
            s.step();
        }
        assertArrayEquals(new double[] {1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125}, seen);
        assertArrayEquals(new double[] {0.125}, s.getLastLr());
        assertEquals(1.0, opt.paramGroups().get(0).getDouble("initial_lr"));
    }

    @Test
    void cosineFollowsTheClosedFormThroughAWholePeriod() {
        SGD opt = sgd(0.1);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, 10, 0.001);
        for (int epoch = 0; epoch <= 30; epoch++) {
            assertEquals(s.closedFormLr(0, epoch), opt.paramGroups().get(0).lr(), 1e-12, "epoch " + epoch);
            s.step();
        }
        SGD fresh = sgd(0.1);
        CosineAnnealingLR c = new CosineAnnealingLR(fresh, 4);
        c.step();
        c.step();
        assertEquals(0.05, fresh.paramGroups().get(0).lr(), 1e-15);
        c.step();
        c.step();
        assertEquals(0, fresh.paramGroups().get(0).lr(), 1e-15);
    }

    @Test
    void schedulerStateResumes() {
        SGD a = sgd(1.0);
        StepLR sa = new StepLR(a, 2, 0.1);
        for (int i = 0; i < 3; i++) {
            sa.step();
        }
        Map<String, Object> saved = sa.stateDict();
        OptimizerStateDict savedOpt = a.stateDict();

        SGD b = sgd(1.0);
        b.loadStateDict(savedOpt);
        StepLR sb = new StepLR(b, 2, 0.1);
        sb.loadStateDict(saved);
        for (int i = 0; i < 4; i++) {
            sa.step();
            sb.step();
            assertEquals(a.paramGroups().get(0).lr(), b.paramGroups().get(0).lr(), 0);
        }
        assertEquals(7, sb.lastEpoch());
    }
}
