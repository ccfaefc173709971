package dev.jgrad.examples;

import java.io.PrintStream;
import java.util.Locale;

/** Python's {@code print(a, b, ...)}: the arguments' text joined by spaces, then a newline. */
final class Printer {
    private final PrintStream out;

    Printer(PrintStream out) {
        this.out = out;
    }

    /** A printer on {@code out} that has printed the lab's title line, {@code # title}, as every lab starts. */
    static Printer lab(PrintStream out, String title) {
        Printer p = new Printer(out);
        p.print("# " + title);
        return p;
    }

    /**
     * Python's {@code f"..."} / {@code "%..." % args} as the labs use it: {@code String.format} in
     * {@link Locale#ROOT}, so the digits never depend on the machine's locale.
     */
    static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    void print(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(parts[i]);
        }
        // '\n' as in Python, whatever the platform's line separator.
        out.print(sb.append('\n'));
        out.flush();
    }

    /** A section title of the tutorial, so the output can be followed alongside it. */
    void section(String title) {
        print();
        print("# " + title);
    }
}
