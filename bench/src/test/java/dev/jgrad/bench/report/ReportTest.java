package dev.jgrad.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The report generator on a small synthetic JMH result file with known numbers. */
class ReportTest {
    private static final RunInfo INFO = new RunInfo(
            "2025-01-02 03:04 UTC",
            "Test CPU 9000",
            2,
            "Linux 6.1 amd64",
            "Test Vendor 25.0.1+8-LTS",
            "full",
            512,
            3e-8,
            "",
            "1-minute load average 0.31 at the start, 1.02 at the end");

    private static Results synthetic() throws IOException {
        try (InputStream in = ReportTest.class.getResourceAsStream("synthetic-jmh.json")) {
            assertNotNull(in, "test resource synthetic-jmh.json");
            return Results.of(BenchResult.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static TargetRow row(List<TargetRow> rows, String target) {
        return rows.stream()
                .filter(r -> r.target().equals(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no target row " + target + " in " + rows));
    }

    /** The row of {@code target}, after checking that its status is {@code status}. */
    private static TargetRow row(List<TargetRow> rows, String target, TargetRow.Status status) {
        TargetRow r = row(rows, target);
        assertEquals(status, r.status(), target);
        return r;
    }

    /** {@code text} contains {@code part}; the message shows the whole text. */
    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), text);
    }

    @Test
    void mediansPoolEveryIterationOfEveryFork() throws IOException {
        Measurement m = synthetic().find(Suite.MATMUL, "", Impl.VECTOR, 1024).orElseThrow();
        Stats ops = m.opsPerSecond();
        assertEquals(105.0, ops.median());
        assertEquals(100.0, ops.min());
        assertEquals(110.0, ops.max());
        assertEquals(3, ops.samples());
        assertEquals(2, ops.forks());
        assertEquals(105.0 * 2 * 1024.0 * 1024 * 1024 / 1e9, m.gflops().median(), 1e-9);
    }

    @Test
    void timePerOpIsInvertedIterationByIteration() throws IOException {
        Measurement step =
                synthetic().find(Suite.TRAIN_STEP, "step", Impl.VECTOR, 0).orElseThrow();
        assertEquals(510e-6, step.result().secondsPerOp().median(), 1e-12);
        assertEquals(1 / 510e-6, step.opsPerSecond().median(), 1e-6);
        assertEquals(1 / 520e-6, step.opsPerSecond().min(), 1e-6);
    }

    @Test
    void unitsBecomeOpsPerSecond() throws IOException {
        Measurement sum =
                synthetic().find(Suite.REDUCTION, "sum", Impl.VECTOR, 65536).orElseThrow();
        assertEquals(650_000.0, sum.opsPerSecond().median(), 1e-6);
        assertEquals(650_000.0 * 65536 / 1e9, sum.gelemsPerSecond().median(), 1e-9);
        assertEquals(650_000.0 * (4.0 * 65536 + 4) / 1e9, sum.gbPerSecond().median(), 1e-9);
    }

    @Test
    void targetsAreMetMissedOrNotMeasured() throws IOException {
        List<TargetRow> rows = Targets.evaluate(synthetic(), INFO);

        TargetRow n1024 = row(rows, "matmul N=1024, 1 thread", TargetRow.Status.MET);
        assertEquals("225 GFLOPS", n1024.measured());
        assertEquals("215–236", n1024.spread());
        assertEquals("92% of the measured FMA peak (244 GFLOPS)", n1024.context());

        TargetRow n256 = row(rows, "matmul N=256, 1 thread", TargetRow.Status.MISSED);
        assertEquals("168 GFLOPS", n256.measured());
        assertEquals("≥ 185 GFLOPS", n256.required());

        TargetRow vsEjml = row(rows, "matmul N=1024: jgrad vector vs EJML", TargetRow.Status.MISSED);
        assertEquals("23.9×", vsEjml.measured());
        assertEquals("225 vs 9.45 GFLOPS", vsEjml.context());
        row(rows, "matmul N=1024: jgrad vector vs the scalar i-k-j loop", TargetRow.Status.MET);
        row(rows, "matmul N=256: jgrad vector vs EJML", TargetRow.Status.MET);

        TargetRow transposed = row(
                rows,
                "matmul g1ᵀ @ x ((100×256)ᵀ @ 100×784): transposed view vs contiguous operands",
                TargetRow.Status.MET);
        assertEquals("0.958×", transposed.measured());

        row(rows, "sum() of 64K floats vs the plain loop", TargetRow.Status.MET);
        assertEquals("21.0×", row(rows, "sum() of 64K floats vs the plain loop").measured());
        row(rows, "add of two 1M-float tensors, into an existing one (add_)", TargetRow.Status.MET);

        TargetRow n64 = row(rows, "matmul N=64, 1 thread", TargetRow.Status.NOT_MEASURED);
        assertEquals("—", n64.measured());
        row(rows, "matmul N=256: jgrad vector vs the scalar i-k-j loop", TargetRow.Status.NOT_MEASURED);

        row(rows, "sum() of 16M uniform [0, 1) floats: relative error", TargetRow.Status.MET);
        row(rows, "max() and argmax() propagate NaN as PyTorch", TargetRow.Status.MET);
        TargetRow step = row(
                rows, "MLP training step, float32 batch ready (issue 6: ≤ 0.30 s per epoch)", TargetRow.Status.MISSED);
        assertEquals("≤ 500 µs", step.required());
        assertEquals("510 µs", step.measured());
        assertEquals("480–520", step.spread());
        assertEquals("0.306 s per 600-step epoch", step.context());

        // An op returning a new tensor is read against the allocation probe: 5000 fresh 4 MB
        // arrays per second are 21.0 GB/s, so at most 5.24 Gelem/s of new float32 output.
        TargetRow fresh = row(rows, "add of two 1M-float tensors, into a new one", TargetRow.Status.MISSED);
        assertEquals("2.10 Gelem/s", fresh.measured());
        assertTrue(
                fresh.context()
                        .endsWith("; the JVM allocates and zeroes fresh arrays at 21.0 GB/s here,"
                                + " so a new float32 output alone caps any op at 5.24 Gelem/s"),
                fresh.context());
        assertFalse(row(rows, "add of two 1M-float tensors, into an existing one (add_)")
                .context()
                .contains("allocates"));

        assertEquals(
                9, rows.stream().filter(r -> r.status() == TargetRow.Status.MET).count());
        assertEquals(
                4,
                rows.stream().filter(r -> r.status() == TargetRow.Status.MISSED).count());
    }

    @Test
    void failedChecksAreMissedWithWhatWasSeen() throws IOException {
        RunInfo bad =
                new RunInfo("d", "c", 2, "o", "j", "full", 512, 2.5e-5, "NaN at 777: max() 0.99, argmax() 12", "l");
        List<TargetRow> rows = Targets.evaluate(synthetic(), bad);
        TargetRow sum = row(rows, "sum() of 16M uniform [0, 1) floats: relative error", TargetRow.Status.MISSED);
        assertEquals("2.5e-05", sum.measured());
        TargetRow nan = row(rows, "max() and argmax() propagate NaN as PyTorch", TargetRow.Status.MISSED);
        assertEquals("NaN at 777: max() 0.99, argmax() 12", nan.measured());

        RunInfo unchecked = new RunInfo("d", "c", 2, "o", "j", "quick", 0, Double.NaN, null, "l");
        rows = Targets.evaluate(synthetic(), unchecked);
        row(rows, "max() and argmax() propagate NaN as PyTorch", TargetRow.Status.NOT_MEASURED);
    }

    @Test
    void markdownShowsEnvironmentTargetsAndTables() throws IOException {
        String md = MarkdownReport.render(synthetic(), INFO, "matmul-gflops.svg", "Hand-written analysis.");
        assertTrue(md.startsWith("# jgrad benchmark report\n"), md);
        assertContains(md, "| date | 2025-01-02 03:04 UTC |");
        assertContains(md, "| CPU | Test CPU 9000 (2 logical CPUs) |");
        assertContains(md, "| load | 1-minute load average 0.31 at the start, 1.02 at the end |");
        assertContains(md, "| JDK | Test Vendor 25.0.1+8-LTS, OpenJDK 64-Bit Server VM 25.0.1+8-LTS |");
        assertContains(
                md,
                "| JMH | 1.37: 2 fork(s) × 2 iterations of 500 ms after 3 warm-up iterations of 500 ms, throughput mode |");
        assertContains(md, "9 met, 4 missed, 19 not measured in this run.");
        assertContains(md, "| matmul N=256, 1 thread | ≥ 185 GFLOPS | 168 GFLOPS | 164–171 | **MISSED** |");
        assertContains(md, "| matmul N=1024, 1 thread | ≥ 220 GFLOPS | 225 GFLOPS | 215–236 | met |");
        assertContains(md, "| matmul N=64, 1 thread | ≥ 100 GFLOPS | — | — | not measured |");
        assertContains(md, "![matmul GFLOPS against N](matmul-gflops.svg)");
        // Matmul table: ops/s, GFLOPS, spread, ratio to the loop and to EJML.
        assertContains(md, "| N=1024 | jgrad vector | 105 | 225 | 215–236 | 28.4× | 23.9× |");
        assertContains(md, "| N=1024 | EJML | 4.40 | 9.45 | 9.23–9.66 | 1.19× |  |");
        // Reductions: Gelem/s and GB/s with the ratio to the loop.
        assertContains(md, "| sum() | 64K | jgrad vector | 650k | 42.6 | 41.9–43.3 | 170 | 21.0× |");
        assertContains(md, "| float32 FMA, 1 core, 512-bit vectors | 244 GFLOPS | 236–252 |");
        assertContains(md, "| fresh float[] of 1M (4 MB), allocated and zeroed, 1 core | 21.0 GB/s | 21.0–21.0 |");
        assertTrue(
                md.contains("| TrainingStepBench.step | {} | 0.013 | 0.012–0.013 | s/op |")
                        || md.contains("| TrainingStepBench.step | {} | 0.012 | 0.012–0.013 | s/op |"),
                md);
        // The training step: time per step, per epoch, and the GFLOPS of its matrix products.
        assertContains(
                md,
                "| MLP 784-256-10 | forward, cross-entropy, backward, SGD on a float32 batch "
                        + "| 510 | 480–520 | 0.306 | 160 |");
        assertTrue(md.endsWith("## Notes\n\nHand-written analysis.\n\n"), md);
    }

    @Test
    void chartIsWellFormedSvgWithALinePerImplementation() throws Exception {
        String svg = MatmulChart.render(synthetic());
        assertNotNull(svg);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        // vector and EJML have two sizes each (lines); the loop has one size (a point only).
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        List<String> texts = texts(doc.getElementsByTagName("text"));
        assertTrue(texts.contains("GFLOPS"), texts.toString());
        assertTrue(texts.contains("N (log scale)"), texts.toString());
        assertTrue(texts.contains("256") && texts.contains("1024"), texts.toString());
        // y ticks every 50 GFLOPS up to the largest value (the 244 GFLOPS peak), rounded up.
        assertTrue(texts.containsAll(List.of("0", "50", "100", "250")) && !texts.contains("300"), texts.toString());
        assertTrue(
                texts.contains("jgrad vector") && texts.contains("EJML") && texts.contains("scalar i-k-j loop"),
                texts.toString());
        assertFalse(texts.contains("jgrad scalar"), "no scalar results, no legend entry");
        // The measured one-core FMA peak (244 GFLOPS) is a dashed line, and the axis reaches it.
        assertTrue(texts.contains("FMA peak, 1 core (244)"), texts.toString());
        assertTrue(texts.contains("250"), texts.toString());
    }

    @Test
    void noSquareMatmulNoChart() {
        assertNull(MatmulChart.render(Results.of(List.of())));
    }

    @Test
    void niceSteps() {
        assertEquals(50.0, MatmulChart.niceStep(45.1));
        assertEquals(0.2, MatmulChart.niceStep(0.15), 1e-12);
        assertEquals(100.0, MatmulChart.niceStep(100));
    }

    @Test
    void jmhJsonWithNaNScoresIsReadAndGarbageRejected() {
        String result = "[{\"benchmark\": \"dev.jgrad.bench.X.step\", \"forks\": 1, \"primaryMetric\": {\"score\": NaN,"
                + " \"scoreUnit\": \"us/op\", \"rawData\": [[1, 2.5e0]]}}]";
        BenchResult r = BenchResult.parseAll(result).get(0);
        assertEquals(List.of(List.of(1.0, 2.5)), r.rawData());
        assertEquals(1, r.integer("forks"));
        assertThrowsIllegal("[{\"a\": }]");
        assertThrowsIllegal("[1, 2");
        assertThrowsIllegal("[1] 2");
    }

    @Test
    void unknownBenchmarksAreKeptAside() throws IOException {
        Results r = synthetic();
        assertEquals(1, r.unknown().size());
        assertEquals("step", r.unknown().get(0).method());
        assertEquals(Optional.empty(), r.find(Suite.MATMUL, "", Impl.SCALAR, 1024));
    }

    private static void assertThrowsIllegal(String json) {
        try {
            BenchResult.parseAll(json);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("parsed " + json);
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
