package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fast-FMA rule as a source scan, so that a new kernel cannot forget it: in the library
 * modules, a scalar multiply-add is {@code Fma.fma(a, b, c)} (never {@code Math.fma} outside
 * {@link Fma}), and a vector one is written {@code Fma.FAST ? a.fma(b, c) : a.mul(b).add(c)}.
 * The benchmarks' peak-FLOPS loop measures FMA itself and is left out.
 */
class FmaGuardTest {
    private static final Pattern ANY_FMA = Pattern.compile("\\.\\s*fma\\s*\\(");
    /** The guard, also as the formatter lays it out: {@code Fma.FAST} and its {@code ?} on two lines. */
    private static final Pattern GUARD = Pattern.compile("Fma\\.FAST\\s*\\?");

    @Test
    void everyMultiplyAddGoesThroughTheGuard() throws IOException {
        Path root = SourceScan.repositoryRoot();
        List<String> offenders = new ArrayList<>();
        int guarded = 0;
        for (Path file : SourceScan.mainSources(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (rel.startsWith("bench/") || rel.endsWith("/kernel/Fma.java")) {
                continue;
            }
            String code = SourceScan.codeOnly(Files.readString(file, StandardCharsets.UTF_8));
            for (String use : unguardedFmas(code)) {
                offenders.add(rel + ": " + use);
            }
            guarded += count(GUARD.matcher(code))
                    + count(Pattern.compile(Pattern.quote("Fma.fma(")).matcher(code));
        }
        assertEquals(
                List.of(),
                offenders,
                "an FMA outside the guard: on a CPU without FMA it runs BigDecimal code;"
                        + " write Fma.fma(a, b, c), or Fma.FAST ? a.fma(b, c) : a.mul(b).add(c) for vectors");
        assertTrue(guarded > 50, "the scan found only " + guarded + " guarded multiply-adds under " + root);
    }

    @Test
    void theScanTellsGuardedFromUnguarded() {
        assertEquals(List.of(), unguardedFmas("p = Fma.FAST ? p.fma(r, c) : p.mul(r).add(c);"));
        assertEquals(List.of(), unguardedFmas("float y = Fma.fma(a, b, c);"));
        assertEquals(List.of(), unguardedFmas("FloatVector e = (Fma.FAST ? p.fma(q, r) : p.mul(q).add(r)).add(1f);"));
        assertEquals(List.of(), unguardedFmas("r = Fma.FAST\n        ? nf.fma(b, arg)\n        : nf.mul(b).add(arg);"));
        assertEquals(1, unguardedFmas("float y = Math.fma(a, b, c);").size());
        assertEquals(1, unguardedFmas("c00 = x.fma(b0, c00);").size());
        assertEquals(
                1,
                unguardedFmas("a = Fma.FAST ? x.fma(y, a) : x.mul(y).add(a); b = x.fma(y, b);")
                        .size());
    }

    /** Each {@code .fma(} whose statement lacks {@code Fma.FAST ?} before it, and each {@code Math.fma(}. */
    static List<String> unguardedFmas(String code) {
        List<String> found = new ArrayList<>();
        Matcher m = ANY_FMA.matcher(code);
        while (m.find()) {
            int start = statementStart(code, m.start());
            String before = code.substring(start, m.start());
            String receiver = before.strip();
            boolean scalar = receiver.endsWith("Math") || receiver.endsWith("StrictMath");
            boolean viaGuard = receiver.endsWith("Fma");
            if (scalar || (!viaGuard && !GUARD.matcher(before).find())) {
                int end = code.indexOf(';', m.start());
                found.add(code.substring(start, end < 0 ? code.length() : end).strip());
            }
        }
        return found;
    }

    private static int statementStart(String code, int at) {
        int k = at;
        while (k > 0 && ";{}".indexOf(code.charAt(k - 1)) < 0) {
            k--;
        }
        return k;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
