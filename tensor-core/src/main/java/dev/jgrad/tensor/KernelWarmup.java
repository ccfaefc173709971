package dev.jgrad.tensor;

import dev.jgrad.tensor.internal.BackwardKernels;
import dev.jgrad.tensor.kernel.ColdRoute;
import dev.jgrad.tensor.kernel.Kernels;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Eager warm-up of the Vector API kernels. Until C2 has compiled a vector kernel, every vector in
 * it is a heap object and every lane operation a Java loop: a fresh JVM runs its first MLP
 * training steps some fifty times slower than its later ones. With {@code -Djgrad.warmup=true}, on
 * the first use of {@link NDArray}, when the vector kernels are selected, a daemon thread runs the ops of a small MLP training step
 * (the products in the three layouts of a linear layer's forward and backward, bias add, ReLU and
 * its gradient, logSoftmax and its gradient, column sums, the SGD update, the uint8 conversion)
 * on small arrays, so that C2 compiles them while the caller's first steps run.
 *
 * <p>It only warms code: it reads and writes its own arrays, touches no global setting (random
 * generator, threads), and every kernel gives the same bits compiled or not (see {@code
 * WarmupDeterminismTest}). It is off unless {@code -Djgrad.warmup=true}: it costs about 2.5 s of
 * CPU time, and on a shared 2-core machine it did not bring the 100th training step forward (see
 * bench/REPORT.md, issue 17). It does not run with the scalar kernels, nor without C2 ({@code
 * -Xint}, {@code -XX:TieredStopAtLevel=1}), where it would compile nothing.
 */
final class KernelWarmup {
    static final String PROPERTY = "jgrad.warmup";
    /** Training steps the warm-up runs: enough for C2's thresholds (about 15,000 calls plus loop turns). */
    static final int STEPS = 1_500;
    /** Steps run after the vector GEMM is compiled, for the elementwise kernels' sake. */
    static final int STEPS_AFTER_GEMM = 100;
    /** Steps between two checks of whether the vector GEMM runs compiled yet. */
    private static final int CHECK_EVERY = 10;
    /** The warm-up gives up after this long, on a machine too busy to compile. */
    private static final long MAX_NANOS = 30_000_000_000L;

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    // Small, and not multiples of the GEMM's tiles, so that full and partial tiles are compiled; the
    // input is deep enough for two K blocks and a packed B, and the hidden width above the
    // dot-product tiles' least depth, so that x @ W.t() with 10 outputs takes the same routes as
    // in an MNIST classifier.
    private static final int BATCH = 10;
    private static final int IN = 420;
    private static final int HIDDEN = 80;
    private static final int OUT = 10;

    private KernelWarmup() {}

    /** Starts the warm-up thread once per JVM, where it is enabled and can help. */
    static void startOnce() {
        if (!enabled(
                System.getProperty(PROPERTY),
                () -> Kernels.get().name(),
                System.getProperty("java.vm.info"),
                System.getProperty("java.vm.name"))) {
            return;
        }
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> run(STEPS), "jgrad-kernel-warmup");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * The rule, free of global state: off unless the property says {@code true}, and then only with
     * the vector kernels (their name asked last, so that a JVM with the warm-up off does not pick
     * its kernels any earlier) on a HotSpot JVM whose C2 compiler runs.
     */
    static boolean enabled(String property, Supplier<String> kernels, String vmInfo, String vmName) {
        if (property == null || !property.trim().equalsIgnoreCase("true")) {
            return false;
        }
        String info = vmInfo == null ? "" : vmInfo.toLowerCase(Locale.ROOT);
        if (info.contains("interpreted") || info.contains("emulated-client")) {
            return false;
        }
        boolean hotSpot = vmName == null || vmName.contains("HotSpot") || vmName.contains("OpenJDK");
        return hotSpot && "vector".equals(kernels.get());
    }

    /**
     * Runs {@code steps} small training steps, or fewer: it stops {@link #STEPS_AFTER_GEMM} steps
     * after the vector GEMM runs compiled, or when the time runs out. Until the GEMM is compiled,
     * other threads' packed products run on the scalar GEMM, which gives the same bits ({@link
     * ColdRoute}).
     */
    static void run(int steps) {
        long giveUp = System.nanoTime() + MAX_NANOS;
        ColdRoute.begin(Thread.currentThread());
        try {
            Step step = new Step();
            int last = steps;
            for (int i = 0; i < last && System.nanoTime() < giveUp; i++) {
                step.run();
                if (ColdRoute.on() && i % CHECK_EVERY == CHECK_EVERY - 1 && ColdRoute.vectorGemmCompiled()) {
                    ColdRoute.end();
                    last = Math.min(steps, i + 1 + STEPS_AFTER_GEMM);
                }
            }
        } finally {
            ColdRoute.end();
        }
    }

    /** One MLP training step on small arrays, as autograd runs it, with fixed data. */
    static final class Step {
        final NDArray pixels;
        final NDArray w1 = pattern(HIDDEN, IN);
        final NDArray b1 = pattern(HIDDEN);
        final NDArray w2 = pattern(OUT, HIDDEN);
        final NDArray b2 = pattern(OUT);
        final NDArray target;

        Step() {
            byte[] p = new byte[BATCH * IN];
            long[] labels = new long[BATCH];
            for (int i = 0; i < p.length; i++) {
                p[i] = (byte) (i * 37);
            }
            for (int i = 0; i < BATCH; i++) {
                labels[i] = i % OUT;
            }
            pixels = NDArray.wrap(p, BATCH, IN);
            target = NDArray.tensor(labels).unsqueeze(1);
        }

        /** Forward, backward and an SGD update at a tiny learning rate; returns the loss. */
        double run() {
            NDArray x = pixels.to(DType.FLOAT32).div(255);
            NDArray h = x.matmul(w1.t()).add(b1);
            NDArray r = h.relu();
            NDArray o = r.matmul(w2.t()).add(b2);
            NDArray logp = o.logSoftmax(1);
            NDArray picked = logp.gather(1, target);
            double loss = -picked.mean().item();
            NDArray gLogp = NDArray.zerosLike(logp).scatter_(1, target, -1.0 / BATCH);
            NDArray gO = BackwardKernels.logSoftmaxBackwardData(gLogp, logp, 1);
            NDArray gW2 = r.t().matmul(gO).t();
            NDArray gR = gO.matmul(w2);
            NDArray gH = BackwardKernels.thresholdBackward(gR, r, 0);
            NDArray gW1 = x.t().matmul(gH).t();
            w2.add_(gW2, -1e-6);
            b2.add_(gO.sum(0), -1e-6);
            w1.add_(gW1, -1e-6);
            b1.add_(gH.sum(0), -1e-6);
            return loss;
        }

        private static NDArray pattern(int... shape) {
            int n = 1;
            for (int s : shape) {
                n *= s;
            }
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = ((i * 7919) % 1000) / 1000f - 0.5f;
            }
            return NDArray.wrap(v, shape);
        }
    }
}
