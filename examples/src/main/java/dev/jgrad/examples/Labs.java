package dev.jgrad.examples;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ./jgrad lab ID}: runs the tutorial lab {@code ID} (e.g. {@code 01-1}), which is the class
 * {@code dev.jgrad.examples.Lab01_1}: the id with '-' turned into '_', prefixed with "Lab". A
 * named lab ({@code cnn}) is the class of its capitalised name ({@code LabCnn}).
 */
public final class Labs {
    /** The tutorial's labs, in its order; those with a class here are the available ones. */
    private static final List<String> TUTORIAL_LABS =
            List.of("01-1", "01-2", "02", "03", "04-1", "04-2", "05", "06", "07-1", "07-2", "cnn");

    private Labs() {}

    public static void main(String[] args) throws Exception {
        int status = run(args, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the lab named by {@code args[0]} with the remaining arguments; 2 (and a usage line on {@code err}) when there is none. */
    static int run(String[] args, PrintStream err) throws Exception {
        Method main = args.length == 0 ? null : mainOf(args[0]);
        if (main == null) {
            String what = args.length == 0 ? "usage: ./jgrad lab ID" : "jgrad: no lab '" + args[0] + "'";
            err.println(what + "; available: " + String.join(", ", available()));
            return 2;
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        try {
            main.invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            // Show the lab's own failure, not the reflection wrapper.
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw (Error) cause;
        }
        return 0;
    }

    /** The ids of the tutorial's labs that have a program here. */
    static List<String> available() {
        return TUTORIAL_LABS.stream().filter(id -> mainOf(id) != null).collect(Collectors.toList());
    }

    /** The class name of lab {@code id}: {@code 01-1} gives {@code dev.jgrad.examples.Lab01_1}. */
    static String className(String id) {
        String name = Character.isLetter(id.charAt(0)) ? Character.toUpperCase(id.charAt(0)) + id.substring(1) : id;
        return Labs.class.getPackageName() + ".Lab" + name.replace('-', '_');
    }

    /** The {@code public static void main(String[])} of lab {@code id}, or null when there is no such lab. */
    static Method mainOf(String id) {
        if (!id.matches("[0-9]+(-[0-9]+)?|[a-z]+")) {
            return null;
        }
        try {
            Method m = Class.forName(className(id)).getMethod("main", String[].class);
            return Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
        }
    }
}
