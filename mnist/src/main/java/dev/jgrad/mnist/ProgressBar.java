package dev.jgrad.mnist;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The per-epoch progress bar on an interactive terminal: batches done, running loss, images/s
 * and ETA, redrawn in place on stderr at most ten times a second and erased when the epoch ends.
 */
final class ProgressBar {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintStream err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /** Whether this JVM talks to a terminal; JDK 22+ says it through {@code Console.isTerminal()}. */
    static boolean interactive() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console exists only on a terminal
        }
    }

    void update(int done, int images, double meanLoss) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        double rate = seconds > 0 ? images / seconds : 0;
        double eta = done > 0 ? seconds * (total - done) / done : 0;
        String line = String.format(
                Locale.ROOT,
                "%s [%s] %d/%d  loss %.4f  %.0f img/s  ETA %.1fs",
                label,
                bar,
                done,
                total,
                meanLoss,
                rate,
                eta);
        draw(line);
    }

    /** Erases the bar, so that the epoch's line on stdout starts on a clean row. */
    void clear() {
        draw("");
    }

    private void draw(String line) {
        String pad = lastLength > line.length() ? " ".repeat(lastLength - line.length()) : "";
        err.print("\r" + line + pad + (line.isEmpty() ? "\r" : ""));
        err.flush();
        lastLength = line.length();
    }
}
