package dev.jgrad.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The matmul chart as a standalone SVG: GFLOPS (median, with the min–max range as a bar) against
 * N on a log2 axis, one line per one-thread implementation, plus the multi-thread points.
 */
public final class MatmulChart {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 480;
    private static final int LEFT = 72;
    private static final int RIGHT = WIDTH - 250;
    private static final int TOP = 48;
    private static final int BOTTOM = HEIGHT - 64;

    private record Series(String label, String color, boolean line, List<Measurement> points) {}

    private final StringBuilder svg = new StringBuilder();

    private MatmulChart() {}

    /** The chart, or null when the run has no square-matmul results. */
    public static String render(Results results) {
        List<Series> series = new ArrayList<>();
        addSeries(series, results, Suite.MATMUL, Impl.VECTOR, "jgrad vector", "#1f77b4", true);
        addSeries(series, results, Suite.MATMUL, Impl.SCALAR, "jgrad scalar", "#ff7f0e", true);
        addSeries(series, results, Suite.MATMUL, Impl.LOOP, "scalar i-k-j loop", "#7f7f7f", true);
        addSeries(series, results, Suite.MATMUL, Impl.EJML, "EJML", "#2ca02c", true);
        if (series.isEmpty()) {
            return null;
        }
        List<Measurement> threads = results.suite(Suite.MATMUL_THREADS);
        if (!threads.isEmpty()) {
            String suffix = ", " + threads.get(0).work().caseLabel().replaceFirst("^N=\\d+, ", "");
            addSeries(series, results, Suite.MATMUL_THREADS, Impl.VECTOR, "jgrad vector" + suffix, "#1f77b4", false);
            addSeries(series, results, Suite.MATMUL_THREADS, Impl.EJML, "EJML" + suffix, "#2ca02c", false);
        }
        Double peak = results.find(Suite.PEAK, "fma", Impl.PROBE, 0)
                .map(m -> m.gflops().median())
                .orElse(null);
        return new MatmulChart().draw(series, peak);
    }

    private static void addSeries(
            List<Series> out, Results results, Suite suite, Impl impl, String label, String color, boolean line) {
        List<Measurement> points = new ArrayList<>();
        for (Measurement m : results.suite(suite)) {
            if (m.work().impl() == impl) {
                points.add(m);
            }
        }
        if (!points.isEmpty()) {
            out.add(new Series(label, color, line, points));
        }
    }

    /** {@code peak}: the measured one-core FMA peak in GFLOPS, drawn as a dashed line; null if unknown. */
    private String draw(List<Series> series, Double peak) {
        long minN = Long.MAX_VALUE;
        long maxN = Long.MIN_VALUE;
        double maxG = 0;
        List<Long> ns = new ArrayList<>();
        for (Series s : series) {
            for (Measurement m : s.points()) {
                long n = m.work().caseOrder();
                minN = Math.min(minN, n);
                maxN = Math.max(maxN, n);
                maxG = Math.max(maxG, m.gflops().max());
                if (!ns.contains(n)) {
                    ns.add(n);
                }
            }
        }
        if (peak != null) {
            maxG = Math.max(maxG, peak);
        }
        double step = niceStep(maxG / 5);
        double top = Math.max(step, Math.ceil(maxG / step) * step);
        double lo = log2(minN);
        double hi = log2(maxN);

        add("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 "
                + WIDTH + " " + HEIGHT + "\" font-family=\"sans-serif\" font-size=\"12\">");
        add("<title>jgrad float32 matmul: GFLOPS against N</title>");
        add("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        add(text((LEFT + RIGHT) / 2.0, 24, "middle", 15, "float32 matmul N×N @ N×N: GFLOPS (median, bar = min–max)"));
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step)));
        for (int i = 0; i * step <= top + step / 2; i++) {
            double y = y(i * step, top);
            add(line(LEFT, y, RIGHT, y, "#dddddd", 1));
            add(text(LEFT - 8, y + 4, "end", 12, String.format(Locale.ROOT, "%." + decimals + "f", i * step)));
        }
        for (long n : ns) {
            double x = x(n, lo, hi);
            add(line(x, BOTTOM, x, BOTTOM + 5, "black", 1));
            add(text(x, BOTTOM + 20, "middle", 12, Long.toString(n)));
        }
        add(line(LEFT, BOTTOM, RIGHT, BOTTOM, "black", 1));
        add(line(LEFT, TOP, LEFT, BOTTOM, "black", 1));
        add(text((LEFT + RIGHT) / 2.0, HEIGHT - 20, "middle", 13, "N (log scale)"));
        add("<text x=\"18\" y=\"" + (TOP + BOTTOM) / 2 + "\" text-anchor=\"middle\" font-size=\"13\" "
                + "transform=\"rotate(-90 18 " + (TOP + BOTTOM) / 2 + ")\">GFLOPS</text>");

        int legendY = TOP + 8;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (Measurement m : s.points()) {
                double x = x(m.work().caseOrder(), lo, hi);
                Stats g = m.gflops();
                path.append(path.length() == 0 ? "" : " ")
                        .append(f(x))
                        .append(',')
                        .append(f(y(g.median(), top)));
                add(line(x, y(g.min(), top), x, y(g.max(), top), s.color(), 1.5));
                add(marker(x, y(g.median(), top), s));
            }
            if (s.line() && s.points().size() > 1) {
                add("<polyline fill=\"none\" stroke=\"" + s.color() + "\" stroke-width=\"2\" points=\"" + path
                        + "\"/>");
            }
            double lx = RIGHT + 20;
            if (s.line()) {
                add(line(lx, legendY, lx + 24, legendY, s.color(), 2));
            }
            add(marker(lx + 12, legendY, s));
            add(text(lx + 32, legendY + 4, "start", 12, s.label()));
            legendY += 22;
        }
        if (peak != null) {
            double y = y(peak, top);
            add("<line x1=\"" + LEFT + "\" y1=\"" + f(y) + "\" x2=\"" + RIGHT + "\" y2=\"" + f(y)
                    + "\" stroke=\"#d62728\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            double lx = RIGHT + 20;
            add("<line x1=\"" + f(lx) + "\" y1=\"" + legendY + "\" x2=\"" + f(lx + 24) + "\" y2=\"" + legendY
                    + "\" stroke=\"#d62728\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            add(text(lx + 32, legendY + 4, "start", 12, "FMA peak, 1 core (" + Fmt.num(peak) + ")"));
        }
        add("</svg>");
        return svg.toString();
    }

    private static String marker(double x, double y, Series s) {
        if (s.line()) {
            return "<circle cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"4\" fill=\"" + s.color() + "\"/>";
        }
        return "<rect x=\"" + f(x - 5) + "\" y=\"" + f(y - 5) + "\" width=\"10\" height=\"10\" "
                + "fill=\"white\" stroke=\"" + s.color() + "\" stroke-width=\"2\"/>";
    }

    private static double x(long n, double lo, double hi) {
        if (hi == lo) {
            return (LEFT + RIGHT) / 2.0;
        }
        return LEFT + 30 + (RIGHT - LEFT - 60) * (log2(n) - lo) / (hi - lo);
    }

    private static double y(double g, double top) {
        return BOTTOM - (BOTTOM - TOP) * g / top;
    }

    private static double log2(long n) {
        return Math.log(n) / Math.log(2);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String line(double x1, double y1, double x2, double y2, String color, double width) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\" stroke=\""
                + color + "\" stroke-width=\"" + f(width) + "\"/>";
    }

    private static String text(double x, double y, String anchor, int size, String s) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\">"
                + escape(s) + "</text>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private void add(String s) {
        svg.append(s).append('\n');
    }
}
