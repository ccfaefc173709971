package dev.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.NDArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The derivatives index in package-info.java lists every grad_fn name the code records, with the files that record
 * it, and nothing else: a rule added without its index line (or an index line left behind) fails here.
 */
class DerivativesIndexTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/jgrad/autograd");
    /** A grad_fn name as a string literal: PyTorch's FooBackwardN, CopyBackwards, CopySlices, AccumulateGrad. */
    private static final Pattern NAME =
            Pattern.compile("\"([A-Z][A-Za-z0-9]*Backwards?[0-9]*|CopySlices|AccumulateGrad)\"");

    private static final Pattern INDEX_LINE = Pattern.compile("^ \\* ([A-Z][A-Za-z0-9]*) +([A-Za-z, ]+)$");

    @Test
    void indexListsEveryNameTheCodeRecordsAndNoOther() throws IOException {
        Map<String, Set<String>> inCode = namesInCode();
        Map<String, Set<String>> inIndex = index();
        assertFalse(inCode.isEmpty(), "no grad_fn names found under " + SOURCES.toAbsolutePath());
        for (String name : inCode.keySet()) {
            assertTrue(
                    inIndex.containsKey(name),
                    name + " is recorded by " + inCode.get(name)
                            + " but missing from the derivatives index in package-info.java");
        }
        assertEquals(inCode, inIndex, "the derivatives index in package-info.java (name -> files)");
    }

    /** An entry of ElementwiseGrad.Unary is a whole derivative: each one passes a gradient check as it stands. */
    @Test
    void everyUnaryEntryPassesAGradientCheck() {
        Random rng = new Random(15);
        for (ElementwiseGrad.Unary op : ElementwiseGrad.Unary.values()) {
            for (int trial = 0; trial < 5; trial++) {
                // Inputs in (0.05, 0.45): away from 0, from the integers and from 0.5, every entry (log, sqrt,
                // floor, round...) is smooth there.
                NDArray v = GradCheck.values(rng, GradCheck.shape(rng, 0, 3, true), rng.nextBoolean())
                        .abs();
                Tensor x = Tensor.of(v.sub(v.floor()).mul(0.4).add(0.05)).requiresGrad_();
                GradCheck.check(op + " " + x.shape(), rng, in -> op.apply(in[0]), x);
            }
        }
    }

    /** Name -> the files whose code (comments left out) holds it as a string literal. */
    private static Map<String, Set<String>> namesInCode() throws IOException {
        Map<String, Set<String>> names = new TreeMap<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".java") || file.equals("package-info.java")) {
                    continue;
                }
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    Matcher m = NAME.matcher(code);
                    while (m.find()) {
                        names.computeIfAbsent(m.group(1), k -> new TreeSet<>())
                                .add(file.substring(0, file.length() - ".java".length()));
                    }
                }
            }
        }
        return names;
    }

    /** Name -> files, from the lines of the pre block after the "Derivatives index" heading. */
    private static Map<String, Set<String>> index() throws IOException {
        List<String> lines = Files.readAllLines(SOURCES.resolve("package-info.java"), StandardCharsets.UTF_8);
        Map<String, Set<String>> index = new TreeMap<>();
        int i = 0;
        while (i < lines.size() && !lines.get(i).contains("Derivatives index")) {
            i++;
        }
        while (i < lines.size() && !lines.get(i).contains("<pre>")) {
            i++;
        }
        for (i++; i < lines.size() && !lines.get(i).contains("</pre>"); i++) {
            Matcher m = INDEX_LINE.matcher(lines.get(i));
            assertTrue(m.matches(), "not an index line (name, then files): " + lines.get(i));
            Set<String> files = new TreeSet<>();
            for (String file : m.group(2).split(",")) {
                files.add(file.strip());
            }
            assertTrue(index.put(m.group(1), files) == null, m.group(1) + " is listed twice in the index");
        }
        return index;
    }
}
