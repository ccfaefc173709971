#!/usr/bin/env bash
# Convolution and pooling, two tensor-core jars side by side: thread CPU time per call of the code paths
# whose float32/float64 loops live in generated kernels (kernel/FloatIm2col, FloatMaxPool, FloatAvgPool),
# one thread, vector kernels, float32 and float64, BASE and NEW alternating for ROUNDS rounds. Each line:
# the median over rounds of each run's median (10 timed runs after 5 warm-up runs, scripts/PoolConvTime.java).
#   scripts/pool-conv-ab.sh BASE_JAR NEW_JAR [ROUNDS=4]
# Jars: mvn -q -pl tensor-core package -DskipTests in a checkout of each version, then
# tensor-core/target/tensor-core-*-SNAPSHOT.jar. CPU time rather than wall time: the machine may be shared.
set -eu
probe=$(dirname "$0")/PoolConvTime.java
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for r in $(seq 1 "${3:-4}"); do
  for side in base:$1 new:$2; do
    for dt in float32 float64; do
      java --add-modules jdk.incubator.vector -Xms2g -Xmx2g -Djgrad.kernels=vector -cp "${side#*:}" "$probe" $dt \
        2>/dev/null | sed "s/^/${side%%:*} /" >>"$out"
    done
  done
done
# side dtype op median min -> per (dtype, op): median over rounds of base and new, and new/base
sort -k2,2 -k3,3 -k1,1 -k4,4n "$out" | awk '
  { key = $2 " " $3; v[key, $1, ++n[key, $1]] = $4 }
  END { printf "%-26s %10s %10s %9s  (us per call, CPU)\n", "dtype op", "base", "new", "new/base"
        for (k in n) { split(k, p, SUBSEP); if (p[2] != "base") continue
          b = v[p[1], "base", int((n[p[1], "base"] + 1) / 2)]; m = v[p[1], "new", int((n[p[1], "new"] + 1) / 2)]
          printf "%-26s %10.1f %10.1f %9.3f\n", p[1], b, m, m / b } }'
