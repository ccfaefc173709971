import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of bench's TrainStepBench in one JVM, each in a class loader of its own, timed in short
 * alternating blocks (base then new, new then base, ...), so that the host's drift, which on a shared VM
 * moves whole runs by 10-30%, falls on both alike. Prints the median and quartiles of the per-block
 * new/base ratios after a quarter of the blocks as warm-up. Run by scripts/step-ab.sh.
 *
 * <p>Arguments: BASE_DIR NEW_DIR MODEL BLOCKS STEPS_PER_BLOCK [base-first|new-first] (which build is
 * loaded and set up first: that can change what the JIT does), where each DIR is a checkout whose bench
 * module was built with {@code mvn -pl bench -am package -DskipTests} (bench/target/classes and
 * bench/target/classpath.txt).
 */
public class StepInterleaved {
    public static void main(String[] args) throws Exception {
        String model = args[2];
        int blocks = Integer.parseInt(args[3]);
        int steps = Integer.parseInt(args[4]);
        boolean newFirst = args.length > 5 && args[5].equals("new-first");
        Object next = newFirst ? bench(args[1], model) : null;
        Object base = bench(args[0], model);
        if (!newFirst) {
            next = bench(args[1], model);
        }
        Method baseStep = base.getClass().getMethod("step");
        Method nextStep = next.getClass().getMethod("step");
        double[] baseUs = new double[blocks];
        double[] nextUs = new double[blocks];
        for (int i = 0; i < blocks; i++) {
            // Alternate which side goes first, so neither always runs on a warmer cache.
            if (i % 2 == 0) {
                baseUs[i] = time(baseStep, base, steps);
                nextUs[i] = time(nextStep, next, steps);
            } else {
                nextUs[i] = time(nextStep, next, steps);
                baseUs[i] = time(baseStep, base, steps);
            }
        }
        int warm = blocks / 4;
        double[] ratio = new double[blocks - warm];
        for (int i = warm; i < blocks; i++) {
            ratio[i - warm] = nextUs[i] / baseUs[i];
        }
        double[] b = Arrays.copyOfRange(baseUs, warm, blocks);
        double[] n = Arrays.copyOfRange(nextUs, warm, blocks);
        Arrays.sort(ratio);
        Arrays.sort(b);
        Arrays.sort(n);
        int q = ratio.length / 4;
        System.out.printf(
                "%s, %s loaded first: base %.1f us, new %.1f us per step (medians); new/base per block: median %.3f, quartiles %.3f..%.3f (%d blocks)%n",
                model, newFirst ? "new" : "base", b[b.length / 2], n[n.length / 2], ratio[ratio.length / 2], ratio[q], ratio[ratio.length - 1 - q],
                ratio.length);
    }

    /** A TrainStepBench of the build in {@code dir}, set up as JMH would for {@code model}. */
    private static Object bench(String dir, String model) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(dir, "bench/target/classes/").toURI().toURL());
        String classpath = Files.readString(Path.of(dir, "bench/target/classpath.txt")).trim();
        for (String entry : classpath.split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Class<?> type = loader.loadClass("dev.jgrad.bench.TrainStepBench");
        Object bench = type.getConstructor().newInstance();
        type.getField("model").set(bench, model);
        type.getMethod("data").invoke(bench);
        type.getMethod("freshWeights").invoke(bench);
        return bench;
    }

    private static double time(Method step, Object bench, int steps) throws Exception {
        long t0 = System.nanoTime();
        for (int k = 0; k < steps; k++) {
            step.invoke(bench);
        }
        return (System.nanoTime() - t0) / 1e3 / steps;
    }
}
