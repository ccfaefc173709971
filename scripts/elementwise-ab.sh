#!/usr/bin/env bash
# Elementwise kernels, two tensor-core jars side by side: thread CPU time per element of NDArray ops
# (65536 elements, one thread, fresh outputs except add_), alternating BASE and NEW for ROUNDS rounds,
# float32 and float64, scalar and vector kernels. Prints the median over rounds of each run's median
# (of 10 timed runs of 300 calls after 5 warm-up runs), the new/base ratio and the spread.
#   scripts/elementwise-ab.sh BASE_JAR NEW_JAR [ROUNDS=4] [OPS=add,add_,mul,exp,relu,neg,sigmoid,sin,floor,addStrided,expStrided]
# Jars: git worktree or checkout of each version, mvn -q -pl tensor-core package -DskipTests, then
# tensor-core/target/tensor-core-*-SNAPSHOT.jar. CPU time rather than wall time: the machine may be shared.
set -eu
base=$1 new=$2 rounds=${3:-4} ops=${4:-add,add_,mul,exp,relu,neg,sigmoid,sin,floor,addStrided,expStrided}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/ElemTime.java" <<'JAVA'
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/** Thread CPU ns per element of elementwise ops on one thread: median and min over 10 timed runs after 5 warm-up runs. */
public class ElemTime {
    public static void main(String[] args) {
        NDArray.setNumThreads(1);
        DType dt = args[0].equals("float64") ? DType.FLOAT64 : DType.FLOAT32;
        int n = 65536;
        NDArray a = NDArray.rand(n).sub(NDArray.scalar(0.5f)).to(dt);
        NDArray b = NDArray.rand(n).to(dt);
        NDArray acc = a.clone();
        NDArray at = a.view(256, 256).t();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] ops = args.length > 1 ? args[1].split(",") : new String[] {"add", "add_", "mul", "exp", "relu", "neg", "sigmoid", "sin", "floor", "addStrided", "expStrided"};
        for (String op : ops) {
            double[] t = new double[15];
            for (int r = 0; r < t.length; r++) {
                int reps = 300;
                long t0 = mx.getCurrentThreadCpuTime();
                for (int k = 0; k < reps; k++) {
                    NDArray o = switch (op) {
                        case "add" -> a.add(b);
                        case "add_" -> acc.add_(b);
                        case "mul" -> a.mul(b);
                        case "exp" -> a.exp();
                        case "relu" -> a.relu();
                        case "neg" -> a.neg();
                        case "sigmoid" -> a.sigmoid();
                        case "sin" -> a.sin();
                        case "floor" -> a.floor();
                        case "addStrided" -> at.add(at);
                        default -> at.exp();
                    };
                    if (o.numel() != n) throw new AssertionError();
                }
                t[r] = (mx.getCurrentThreadCpuTime() - t0) / (double) reps / n;
            }
            double[] s = Arrays.copyOfRange(t, 5, 15);
            Arrays.sort(s);
            System.out.printf("%s %s %s %.4f %.4f%n", args[0], System.getProperty("jgrad.kernels"), op, (s[4] + s[5]) / 2, s[0]);
        }
    }
}
JAVA
javac -cp "$new" -d "$work" "$work/ElemTime.java"
for r in $(seq 1 "$rounds"); do
  for v in base new; do
    jar=$base; [ $v = new ] && jar=$new
    for dt in float32 float64; do
      for k in scalar vector; do
        java --add-modules jdk.incubator.vector -Xms1g -Xmx1g -Djgrad.kernels=$k -cp "$work:$jar" ElemTime $dt "$ops" \
          2>/dev/null | sed "s/^/$v /" >>"$work/out"
      done
    done
  done
done
python3 - "$work/out" <<'PY'
import collections, statistics as st, sys
d = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    v, dt, k, op, med, mn = line.split()
    d[(dt, k, op)][v].append(float(med))
print(f"{'dtype':8}{'kernels':8}{'op':12}{'base':>8}{'new':>8}{'new/base':>9}  spread (ns/element, CPU)")
for key in sorted(d):
    b, n = d[key]['base'], d[key]['new']
    print(f"{key[0]:8}{key[1]:8}{key[2]:12}{st.median(b):8.3f}{st.median(n):8.3f}{st.median(n)/st.median(b):9.3f}"
          f"  base {min(b):.2f}-{max(b):.2f}, new {min(n):.2f}-{max(n):.2f}")
PY
