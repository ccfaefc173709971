package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Once its state exists, a step allocates nothing the size of the parameters. */
class AllocationTest {
    // Below the size at which elementwise kernels fork, so every allocation is on this thread.
    private static final int N = 100_000;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static void check(Function<List<Tensor>, Optimizer> make) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        Tensor p = Tensor.of(NDArray.zeros(N)).requiresGrad_();
        p.setGrad(Tensor.of(NDArray.full(0.5, N)));
        Optimizer opt = make.apply(List.of(p));
        for (int i = 0; i < 3; i++) {
            opt.step(); // creates state and work buffers
        }
        // Vector API kernels allocate a box per vector op until C2 has compiled them, so the
        // steady state is a window of steps after warm-up; a step that allocates for real fails
        // every window.
        int steps = 20;
        long perStep = Long.MAX_VALUE;
        for (int window = 0; window < 100 && perStep >= 4L * N / 10; window++) {
            long before = allocatedBytes();
            for (int i = 0; i < steps; i++) {
                opt.step();
            }
            perStep = (allocatedBytes() - before) / steps;
        }
        assertTrue(
                perStep < 4L * N / 10,
                opt.getClass().getSimpleName() + " allocated " + perStep + " bytes per step for " + 4L * N
                        + " bytes of parameters");
    }

    @Test
    void sgdPlain() {
        check(ps -> new SGD(ps, 0.1));
    }

    @Test
    void sgdWithEverything() {
        check(ps -> new SGD(ps, 0.1, 0.9, 0, 0.01, true));
    }

    @Test
    void adamWithWeightDecayAndAmsgrad() {
        check(ps -> new Adam(ps, 0.1, 0.9, 0.999, 1e-8, 0.01, true));
    }

    @Test
    void adamW() {
        check(ps -> new AdamW(ps, 0.1));
    }

    @Test
    void rmspropCenteredWithMomentumAndWeightDecay() {
        check(ps ->
                new RMSprop(ps, RMSprop.options().momentum(0.9).centered(true).weightDecay(0.01)));
    }

    @Test
    void adagradWithWeightDecay() {
        check(ps -> new Adagrad(ps, Adagrad.options().weightDecay(0.01)));
    }
}
