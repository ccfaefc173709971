package com.example.app;

import com.example.closed.ClosedSamples;
import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.Collate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What modules-it checks in this application, run on the module path: jgrad's modules resolve from
 * {@code requires dev.jgrad.nn} and {@code dev.jgrad.data} alone, their internals stay hidden, the
 * README's program trains, and Collate reads records of an opened package and names the missing
 * {@code opens} otherwise. Exits with status 1 at the first failed check.
 */
public final class ConsumerChecks {
    private ConsumerChecks() {
    }

    /** A sample type of the application, in the package it opens to dev.jgrad.data. */
    record Point(Tensor x, Tensor label) {
    }

    public static void main(String[] args) {
        ModuleLayer boot = ModuleLayer.boot();
        check(ConsumerChecks.class.getModule().getName().equals("com.example.app"), "the app runs as a named module");
        for (String name : List.of("dev.jgrad.tensor", "dev.jgrad.autograd", "dev.jgrad.nn", "dev.jgrad.data")) {
            check(boot.findModule(name).map(m -> m.getDescriptor() != null && !m.getDescriptor().isAutomatic())
                    .orElse(false), name + " is an explicit module in the boot layer");
        }
        Module tensor = boot.findModule("dev.jgrad.tensor").orElseThrow();
        check(tensor.isExported("dev.jgrad.tensor") && tensor.isExported("dev.jgrad.tensor.io"), "the tensor API is exported");
        check(!tensor.isExported("dev.jgrad.tensor.kernel"), "the kernels are not exported");
        check(!tensor.isExported("dev.jgrad.tensor.format", ConsumerChecks.class.getModule()),
                "the formatting internals are not exported to applications");

        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CircleClassifier.main(new String[0]);
        } finally {
            System.setOut(stdout);
        }
        String printed = captured.toString(StandardCharsets.UTF_8).trim();
        Matcher accuracy = Pattern.compile("accuracy (\\d\\.\\d{3})").matcher(printed);
        check(accuracy.matches() && Double.parseDouble(accuracy.group(1)) >= 0.9,
                "the README's program learns the circle (printed: " + printed + ")");

        Point batch = Collate.defaultCollate(List.of(
                new Point(Tensor.tensor(new float[] {1, 2}), Tensor.tensor(new long[] {1})),
                new Point(Tensor.tensor(new float[] {3, 4}), Tensor.tensor(new long[] {0}))));
        check(batch.x().shape().toString().equals("Size([2, 2])"),
                "records of an opened package collate (x: " + batch.x().shape() + ")");

        try {
            ClosedSamples.collate();
            check(false, "collating records of a package not opened to dev.jgrad.data fails");
        } catch (IllegalArgumentException e) {
            check(e.getMessage().contains("'opens com.example.closed to dev.jgrad.data;'"),
                    "the error names the opens line to add: " + e.getMessage());
        }
        stdout.println("consumer checks passed: " + printed);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("consumer check failed: " + what);
            System.exit(1);
        }
    }
}
