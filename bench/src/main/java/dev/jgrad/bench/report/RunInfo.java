package dev.jgrad.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the report says about the run besides JMH's numbers: when and where it ran, and the
 * correctness checks behind two of the targets (sum accuracy, NaN in max/argmax), which are
 * not timings and so are not in JMH's files. Kept next to the JSON so that the report can be
 * regenerated later.
 *
 * @param date          ISO date and time of the run
 * @param cpu           the CPU's model name
 * @param logicalCpus   processors the JVM saw
 * @param os            operating system and kernel
 * @param jdk           vendor and version of the JDK that ran the benchmarks
 * @param mode          "quick" or "full"
 * @param vectorBits    the Vector API's preferred width, 0 when unavailable
 * @param sumRelError   relative error of jgrad's sum of 16M uniform [0, 1) floats; NaN if not checked
 * @param nanCheck      "" when max() and argmax() propagate NaN as PyTorch does, else what went wrong;
 *                      null if not checked
 * @param load          the machine's load around the run, e.g. the 1-minute load average at its start
 *                      and end: other work on a shared machine is the main source of noise
 */
public record RunInfo(
        String date,
        String cpu,
        int logicalCpus,
        String os,
        String jdk,
        String mode,
        int vectorBits,
        double sumRelError,
        String nanCheck,
        String load) {

    public static final String FILE_NAME = "run-info.properties";

    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("date", date);
        p.setProperty("cpu", cpu);
        p.setProperty("logicalCpus", Integer.toString(logicalCpus));
        p.setProperty("os", os);
        p.setProperty("jdk", jdk);
        p.setProperty("mode", mode);
        p.setProperty("vectorBits", Integer.toString(vectorBits));
        p.setProperty("sumRelError", Double.toString(sumRelError));
        if (nanCheck != null) {
            p.setProperty("nanCheck", nanCheck);
        }
        p.setProperty("load", load);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "jgrad bench run; the JMH results are the *.json files beside this one");
        }
    }

    public RunInfo withLoad(String newLoad) {
        return new RunInfo(date, cpu, logicalCpus, os, jdk, mode, vectorBits, sumRelError, nanCheck, newLoad);
    }

    public static RunInfo read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new RunInfo(
                p.getProperty("date", "unknown"),
                p.getProperty("cpu", "unknown"),
                Integer.parseInt(p.getProperty("logicalCpus", "0")),
                p.getProperty("os", "unknown"),
                p.getProperty("jdk", "unknown"),
                p.getProperty("mode", "unknown"),
                Integer.parseInt(p.getProperty("vectorBits", "0")),
                Double.parseDouble(p.getProperty("sumRelError", "NaN")),
                p.getProperty("nanCheck"),
                p.getProperty("load", "unknown"));
    }
}
