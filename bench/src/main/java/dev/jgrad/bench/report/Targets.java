package dev.jgrad.bench.report;

import dev.jgrad.bench.MatmulThreadsBench;
import dev.jgrad.bench.MlpProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The performance targets of issue 3 (kernels) and issue 6 (a training step), evaluated on the
 * medians of a run. A target whose
 * benchmark did not run (the quick mode runs a subset) is "not measured", never met.
 */
public final class Targets {
    /** The sum-accuracy target: relative error of a 16M sum of uniform [0, 1) floats. */
    public static final double SUM_REL_ERROR = 1e-6;

    private static final String DASH = "—";
    private static final int K64 = 1 << 16;
    private static final int M1 = 1 << 20;
    private static final int M16 = 1 << 24;
    /** Fashion-MNIST's 60,000 training images at batch 100. */
    static final int STEPS_PER_EPOCH = 600;

    private final Results results;
    private final RunInfo info;
    private final List<TargetRow> rows = new ArrayList<>();

    private Targets(Results results, RunInfo info) {
        this.results = results;
        this.info = info;
    }

    public static List<TargetRow> evaluate(Results results, RunInfo info) {
        Targets t = new Targets(results, info);
        t.matmul();
        t.reductions();
        t.elementwise();
        t.trainStep();
        return t.rows;
    }

    private void matmul() {
        gflops("matmul N=1024, 1 thread", square(1024), 220, 1);
        gflops("matmul N=256, 1 thread", square(256), 185, 1);
        gflops("matmul N=64, 1 thread", square(64), 100, 1);
        gflops(
                "matmul N=1024, " + MatmulThreadsBench.THREADS + " threads",
                results.find(Suite.MATMUL_THREADS, "", Impl.VECTOR, 1024),
                400,
                MatmulThreadsBench.THREADS);
        for (MlpProduct p : MlpProduct.values()) {
            ratio(
                    "matmul " + p.label + " (" + p.shapes() + "): transposed view vs contiguous operands",
                    mlp(p, Impl.VECTOR),
                    mlp(p, Impl.CONTIGUOUS_VECTOR),
                    0.9,
                    "≥ 0.90× (within 10%)");
        }
        gflops(
                "matmul " + MlpProduct.FORWARD1.label + " (" + MlpProduct.FORWARD1.shapes() + ")",
                mlp(MlpProduct.FORWARD1, Impl.VECTOR),
                180,
                1);
        gflops(
                "matmul " + MlpProduct.GRAD_W1.label + " (" + MlpProduct.GRAD_W1.shapes() + ")",
                mlp(MlpProduct.GRAD_W1, Impl.VECTOR),
                180,
                1);
        for (int n : new int[] {256, 512, 1024}) {
            double need = n >= 512 ? 25 : 20;
            String req = "≥ " + Fmt.threshold(need) + "×";
            ratio(
                    "matmul N=" + n + ": jgrad vector vs the scalar i-k-j loop",
                    square(n),
                    results.find(Suite.MATMUL, "", Impl.LOOP, n),
                    need,
                    req);
            ratio(
                    "matmul N=" + n + ": jgrad vector vs EJML",
                    square(n),
                    results.find(Suite.MATMUL, "", Impl.EJML, n),
                    need,
                    req);
        }
    }

    private void reductions() {
        for (int size : new int[] {1 << 10, K64}) {
            ratio(
                    "sum() of " + Workloads.sizeLabel(size) + " floats vs the plain loop",
                    results.find(Suite.REDUCTION, "sum", Impl.VECTOR, size),
                    results.find(Suite.REDUCTION, "sum", Impl.LOOP, size),
                    20,
                    "≥ 20×");
        }
        gelems("sum() of 16M floats", results.find(Suite.REDUCTION, "sum", Impl.VECTOR, M16), 9, true);
        if (Double.isNaN(info.sumRelError())) {
            rows.add(new TargetRow(
                    "sum() of 16M uniform [0, 1) floats: relative error",
                    "≤ " + Fmt.sci(SUM_REL_ERROR),
                    DASH,
                    DASH,
                    TargetRow.Status.NOT_MEASURED,
                    ""));
        } else {
            rows.add(new TargetRow(
                    "sum() of 16M uniform [0, 1) floats: relative error",
                    "≤ " + Fmt.sci(SUM_REL_ERROR),
                    Fmt.sci(info.sumRelError()),
                    "deterministic",
                    info.sumRelError() <= SUM_REL_ERROR ? TargetRow.Status.MET : TargetRow.Status.MISSED,
                    "vs an exact float64 sum"));
        }
        gelems("max() of 64K floats", results.find(Suite.REDUCTION, "max", Impl.VECTOR, K64), 20, false);
        gelems("argmax() of 64K floats", results.find(Suite.REDUCTION, "argmax", Impl.VECTOR, K64), 20, false);
        if (info.nanCheck() == null) {
            rows.add(new TargetRow(
                    "max() and argmax() propagate NaN as PyTorch",
                    "NaN wins",
                    DASH,
                    DASH,
                    TargetRow.Status.NOT_MEASURED,
                    ""));
        } else {
            boolean ok = info.nanCheck().isEmpty();
            rows.add(new TargetRow(
                    "max() and argmax() propagate NaN as PyTorch",
                    "NaN wins",
                    ok ? "yes" : info.nanCheck(),
                    "deterministic",
                    ok ? TargetRow.Status.MET : TargetRow.Status.MISSED,
                    "NaN in the vector body and in the tail"));
        }
    }

    private void elementwise() {
        for (int size : new int[] {K64, M1, M16}) {
            gelems(
                    "exp() of " + Workloads.sizeLabel(size) + " floats",
                    results.find(Suite.ELEMENTWISE, "exp", Impl.VECTOR, size),
                    3,
                    size == M16,
                    true);
        }
        gelems(
                "add of two 1M-float tensors, into an existing one (add_)",
                results.find(Suite.ELEMENTWISE, "addInto", Impl.VECTOR, M1),
                10,
                false);
        gelems(
                "add of two 1M-float tensors, into a new one",
                results.find(Suite.ELEMENTWISE, "add", Impl.VECTOR, M1),
                5,
                false,
                true);
    }

    /** Issue 6's per-epoch training targets, as time per step of a 600-step epoch. */
    private void trainStep() {
        String[][] models = {{"MLP", "0.30"}, {"softmax regression", "0.08"}};
        for (int model = 0; model < models.length; model++) {
            double epoch = Double.parseDouble(models[model][1]);
            String name = models[model][0] + " training step";
            timeAtMost(
                    name + ", float32 batch ready (issue 6: ≤ " + models[model][1] + " s per epoch)",
                    results.find(Suite.TRAIN_STEP, "step", Impl.VECTOR, model),
                    epoch / STEPS_PER_EPOCH);
            timeAtMost(
                    name + ", batch gathered from uint8 and converted (issue 6: ≤ " + models[model][1]
                            + " s per epoch)",
                    results.find(Suite.TRAIN_STEP, "loadAndStep", Impl.VECTOR, model),
                    epoch / STEPS_PER_EPOCH);
        }
    }

    private void timeAtMost(String target, Optional<Measurement> m, double maxSeconds) {
        String req = "≤ " + Fmt.num(maxSeconds * 1e6) + " µs";
        if (m.isEmpty()) {
            rows.add(notMeasured(target, req));
            return;
        }
        Stats us = m.get().result().secondsPerOp().scaled(1e6);
        rows.add(new TargetRow(
                target,
                req,
                Fmt.num(us.median()) + " µs",
                Fmt.range(us),
                status(us.median() <= maxSeconds * 1e6),
                Fmt.num(us.median() * 1e-6 * STEPS_PER_EPOCH) + " s per " + STEPS_PER_EPOCH + "-step epoch"));
    }

    private Optional<Measurement> square(int n) {
        return results.find(Suite.MATMUL, "", Impl.VECTOR, n);
    }

    private Optional<Measurement> mlp(MlpProduct p, Impl impl) {
        return results.find(Suite.MATMUL_MLP, "", impl, p.ordinal());
    }

    private void gflops(String target, Optional<Measurement> m, double need, int threads) {
        String req = "≥ " + Fmt.threshold(need) + " GFLOPS";
        if (m.isEmpty()) {
            rows.add(notMeasured(target, req));
            return;
        }
        Stats g = m.get().gflops();
        String context = "";
        Optional<Measurement> peak = results.find(Suite.PEAK, "fma", Impl.PROBE, 0);
        Optional<Measurement> peak2 = threads == 2 ? results.find(Suite.PEAK, "fma2", Impl.PROBE, 0) : Optional.empty();
        if (peak2.isPresent()) {
            double p = peak2.get().gflops().median();
            context =
                    Fmt.percent(g.median() / p) + " of the measured 2-thread FMA peak (" + Fmt.num(p) + " GFLOPS; "
                            + Fmt.percent(g.median()
                                    / (2 * peak.map(q -> q.gflops().median()).orElse(p / 2))) + " of twice one core's)";
        } else if (peak.isPresent()) {
            double p = peak.get().gflops().median() * threads;
            context = Fmt.percent(g.median() / p) + " of the measured FMA peak (" + Fmt.num(p) + " GFLOPS"
                    + (threads > 1 ? " on " + threads + " cores" : "") + ")";
        }
        rows.add(new TargetRow(
                target, req, Fmt.num(g.median()) + " GFLOPS", Fmt.range(g), status(g.median() >= need), context));
    }

    private void gelems(String target, Optional<Measurement> m, double need, boolean memoryBound) {
        gelems(target, m, need, memoryBound, false);
    }

    /**
     * A rate target; memoryBound adds the share of the measured read bandwidth, freshOutput
     * (an op that returns a new float32 tensor) the rate at which the JVM alone can hand out the
     * zeroed output, a ceiling no kernel can pass.
     */
    private void gelems(String target, Optional<Measurement> m, double need, boolean memoryBound, boolean freshOutput) {
        String req = "≥ " + Fmt.threshold(need) + " Gelem/s";
        if (m.isEmpty()) {
            rows.add(notMeasured(target, req));
            return;
        }
        Stats g = m.get().gelemsPerSecond();
        double gbs = m.get().gbPerSecond().median();
        String context = Fmt.num(gbs) + " GB/s";
        Optional<Measurement> read = results.find(Suite.PEAK, "read", Impl.PROBE, 1);
        if (memoryBound && read.isPresent()) {
            double bw = read.get().gbPerSecond().median();
            context += ", " + Fmt.percent(gbs / bw) + " of the measured read bandwidth (" + Fmt.num(bw) + " GB/s)";
        }
        Optional<Measurement> alloc = results.find(Suite.PEAK, "alloc", Impl.PROBE, 2);
        if (freshOutput && alloc.isPresent()) {
            double zeroed = alloc.get().gbPerSecond().median();
            context += "; the JVM allocates and zeroes fresh arrays at " + Fmt.num(zeroed)
                    + " GB/s here, so a new float32 output alone caps any op at "
                    + Fmt.num(zeroed / 4) + " Gelem/s";
        }
        rows.add(new TargetRow(
                target, req, Fmt.num(g.median()) + " Gelem/s", Fmt.range(g), status(g.median() >= need), context));
    }

    private void ratio(String target, Optional<Measurement> a, Optional<Measurement> b, double need, String req) {
        if (a.isEmpty() || b.isEmpty()) {
            rows.add(notMeasured(target, req));
            return;
        }
        Stats x = a.get().opsPerSecond();
        Stats y = b.get().opsPerSecond();
        double r = x.median() / y.median();
        rows.add(new TargetRow(
                target,
                req,
                Fmt.ratio(r),
                Fmt.num(x.min() / y.max()) + "–" + Fmt.num(x.max() / y.min()) + "×",
                status(r >= need),
                rates(a.get(), b.get())));
    }

    /** "210 vs 7.9 GFLOPS": the medians a ratio is made of. */
    private static String rates(Measurement a, Measurement b) {
        if (a.work().flops() > 0) {
            return Fmt.num(a.gflops().median()) + " vs " + Fmt.num(b.gflops().median()) + " GFLOPS";
        }
        return Fmt.num(a.gelemsPerSecond().median()) + " vs "
                + Fmt.num(b.gelemsPerSecond().median()) + " Gelem/s";
    }

    private static TargetRow notMeasured(String target, String req) {
        return new TargetRow(target, req, DASH, DASH, TargetRow.Status.NOT_MEASURED, "");
    }

    private static TargetRow.Status status(boolean met) {
        return met ? TargetRow.Status.MET : TargetRow.Status.MISSED;
    }
}
