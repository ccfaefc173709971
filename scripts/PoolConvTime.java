// Probe of scripts/pool-conv-ab.sh: thread CPU microseconds per call of convolution and pooling on one thread.
// Run from source against one tensor-core jar:
//   java --add-modules jdk.incubator.vector -Djgrad.kernels=vector -cp JAR scripts/PoolConvTime.java float32|float64
import dev.jgrad.tensor.Conv2dSpec;
import dev.jgrad.tensor.Convolution;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Pooling;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/** Thread CPU microseconds per call on one thread: median and min over 10 timed runs after 5 warm-up runs. */
public class PoolConvTime {
    public static void main(String[] args) {
        NDArray.setNumThreads(1);
        DType dt = args[0].equals("float64") ? DType.FLOAT64 : DType.FLOAT32;
        NDArray x = NDArray.randn(100, 32, 14, 14).to(dt);
        NDArray w = NDArray.randn(64, 32, 3, 3).to(dt);
        Conv2dSpec same = Conv2dSpec.of(new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        Conv2dSpec strided = Conv2dSpec.of(new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, 1);
        NDArray y = Convolution.conv2d(x, w, null, same);
        int[] k = {3, 3}, s = {2, 2}, p = {1, 1}, d = {1, 1};
        NDArray avg = Pooling.avgPool2d(x, k, s, p, false, true, 0);
        String[] names = {"conv2d", "conv2dInputGrad", "conv2dWeightGrad", "conv2dStride2", "maxPool3x3s2", "avgPool3x3s2", "avgPoolGrad"};
        Supplier<?>[] ops = {
            () -> Convolution.conv2d(x, w, null, same),
            () -> Convolution.conv2dInputGrad(y, w, x.shape().toArray(), same),
            () -> Convolution.conv2dWeightGrad(y, x, w.shape().toArray(), same),
            () -> Convolution.conv2d(x, w, null, strided),
            () -> Pooling.maxPool2d(x, k, s, p, d, false, true),
            () -> Pooling.avgPool2d(x, k, s, p, false, true, 0),
            () -> Pooling.avgPool2dBackward(avg, x.shape().toArray(), k, s, p, false, true, 0),
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ops.length; i++) {
            double[] t = new double[15];
            for (int r = 0; r < t.length; r++) {
                int reps = 5;
                long t0 = mx.getCurrentThreadCpuTime();
                for (int q = 0; q < reps; q++) {
                    if (ops[i].get() == null) throw new AssertionError();
                }
                t[r] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / reps;
            }
            double[] m = Arrays.copyOfRange(t, 5, 15);
            Arrays.sort(m);
            System.out.printf("%s %s %.1f %.1f%n", args[0], names[i], (m[4] + m[5]) / 2, m[0]);
        }
    }
}
