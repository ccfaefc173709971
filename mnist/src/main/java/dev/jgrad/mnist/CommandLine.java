package dev.jgrad.mnist;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The command-line conventions of {@code ./jgrad train} and {@code ./jgrad spark-train}, written
 * once: options as {@code --name value} or {@code --name=value}, flags without a value, and the
 * checks of option values, each failing with a one-line {@link UsageException} that names the
 * option and quotes the value.
 */
public final class CommandLine {
    private CommandLine() {}

    /**
     * Bad command-line input: the commands report its message as one line and exit with status 2.
     */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * A usage error.
         *
         * @param message what is wrong, naming the option
         */
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Walks {@code args} and hands each option to {@code set}, in order. A flag gets the value
     * written after its {@code =} or null ({@code --download}, {@code --download=x}); an option
     * that takes a value gets the text after its {@code =}, or else the next argument.
     *
     * @param args the command line
     * @param flags the options that take no value, e.g. {@code --help}, {@code -h}
     * @param valued the options that take a value
     * @param set receives each option's name and value
     * @throws UsageException for an unknown option, an argument that is not an option, or an option
     *     whose value is missing
     */
    public static void parse(String[] args, Set<String> flags, Set<String> valued, BiConsumer<String, String> set) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name)) {
                set.accept(name, value);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args[++i];
                }
                set.accept(name, value);
            } else {
                throw new UsageException(
                        arg.startsWith("-")
                                ? "unknown option '" + arg + "' (see --help)"
                                : "unexpected argument '" + arg + "' (options start with --; see --help)");
            }
        }
    }

    /**
     * A flag's value must be absent.
     *
     * @param name the flag
     * @param value what followed its {@code =}, or null
     * @return true
     * @throws UsageException if a value was given
     */
    public static boolean flag(String name, String value) {
        if (value != null) {
            throw new UsageException(name + " takes no value, got '" + value + "'");
        }
        return true;
    }

    /**
     * A value that is not empty.
     *
     * @param name the option
     * @param value its value
     * @return the value
     * @throws UsageException if the value is empty
     */
    public static String nonEmpty(String name, String value) {
        if (value.isEmpty()) {
            throw new UsageException(name + " needs a value");
        }
        return value;
    }

    /**
     * A path that is not empty.
     *
     * @param name the option
     * @param value its value
     * @return the value as a path
     * @throws UsageException if the value is empty
     */
    public static Path path(String name, String value) {
        return Path.of(nonEmpty(name, value));
    }

    /**
     * One of a few words, ignoring case.
     *
     * @param name the option
     * @param value its value
     * @param allowed the words, in lower case
     * @return the word, in lower case
     * @throws UsageException if the value is none of them
     */
    public static String oneOf(String name, String value, String... allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw new UsageException(name + " must be " + String.join(" or ", allowed) + ", got '" + value + "'");
    }

    /**
     * An int of at least 1.
     *
     * @param name the option
     * @param value its value (surrounding spaces are ignored)
     * @return the number
     * @throws UsageException if the value is not a positive int
     */
    public static int positiveInt(String name, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a positive integer, got '" + value + "'");
    }

    /**
     * An int of at least 0.
     *
     * @param name the option
     * @param value its value (surrounding spaces are ignored)
     * @return the number
     * @throws UsageException if the value is not a non-negative int
     */
    public static int nonNegativeInt(String name, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a non-negative integer, got '" + value + "'");
    }

    /**
     * Any long.
     *
     * @param name the option
     * @param value its value (surrounding spaces are ignored)
     * @return the number
     * @throws UsageException if the value is not a long
     */
    public static long longValue(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + value + "'");
        }
    }

    /**
     * A finite double above 0.
     *
     * @param name the option
     * @param value its value (surrounding spaces are ignored)
     * @return the number
     * @throws UsageException if the value is not a positive finite number
     */
    public static double positiveDouble(String name, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a positive number, got '" + value + "'");
    }
}
