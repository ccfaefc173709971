#!/usr/bin/env bash
# Issue 17's table in one sitting, printed as markdown: for each JDK (25, then 17),
#  - epoch 1 against the median of epochs 2-5 of `./jgrad train --model mlp|softmax --threads 1`
#    (RUNS runs each, full Fashion-MNIST);
#  - the time to the 100th MLP step from JVM start (bench ColdStartRun, the `--cold-start` JVM),
#    JVMS fresh JVMs on both cores, then JVMS pinned to one (taskset -c 0), with the CPU time of all
#    threads (scripts/cold-start-flags.sh compares JVM flags the same way);
#  - the scalar fallback's steady MLP epoch (-Djgrad.kernels=scalar, median of epochs 2-3) against
#    the vector path's (median of epochs 2-5).
# Run it on an idle machine; on a shared one only the ratios within a sitting mean anything.
# Usage: scripts/cold-start-sitting.sh [--quick]   (--quick: 2 runs, 4 JVMs each; for a smoke test)
# Env: D (data dir), JDKS (JDK homes, space-separated), RUNS, JVMS.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${D:-/usr/share/datasets/fashion-mnist}
JDKS=${JDKS:-"/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64"}
RUNS=${RUNS:-5}
JVMS=${JVMS:-10}
if [ "${1:-}" = "--quick" ]; then RUNS=2; JVMS=4; fi

. scripts/sitting-common.sh
echo "## Issue 17 sitting, $(date -u +%FT%TZ)"
echo
cpu_line

for jdk in $JDKS; do
  export JAVA_HOME=$jdk
  java="$jdk/bin/java"
  ver=$("$java" -version 2>&1 | head -n1)
  ./jgrad train --help >/dev/null 2>&1 || true # builds when stale, with this JDK
  cp="bench/target/classes:$(cat bench/target/classpath.txt)"
  tmp=$(mktemp -d)
  echo
  echo "### $ver"
  echo
  echo "Training, \`./jgrad train --model M --threads 1\`, $RUNS runs, load before: $(load)"
  echo
  echo "| model | epoch 1 (s), median (min-max) | median of epochs 2-5 (s) | epoch 1 / epochs 2-5, per run | target |"
  echo "|---|---|---|---|---|"
  for model in mlp softmax; do
    : >"$tmp/e1"; : >"$tmp/steady"; : >"$tmp/ratio"
    for r in $(seq "$RUNS"); do
      ./jgrad train --data "$D" --model "$model" --epochs 5 --threads 1 2>/dev/null | epochs >"$tmp/run"
      e1=$(head -n1 "$tmp/run"); st=$(tail -n +2 "$tmp/run" | median)
      echo "$e1" >>"$tmp/e1"; echo "$st" >>"$tmp/steady"
      python3 -c "print($e1 / $st)" >>"$tmp/ratio"
      [ "$model" = mlp ] && tail -n +2 "$tmp/run" >>"$tmp/vector-steady-all"
    done
    target=$([ "$model" = mlp ] && echo "≤ 1.5" || echo "≤ 3")
    echo "| $model | $(stats %.3g <"$tmp/e1") | $(stats %.3g <"$tmp/steady") | $(stats %.3g <"$tmp/ratio") | $target |"
  done

  echo
  echo "Cold start, MLP 784-256-10, batch 100: ms from JVM start (decoding excluded), $JVMS JVMs each; load before: $(load)"
  echo
  echo "| cores | step 1 | step 10 | step 100 (target ≤ 1000) | epoch 1 | CPU to step 100 | CPU to epoch end |"
  echo "|---|---|---|---|---|---|---|"
  for pin in "" "taskset -c 0"; do
    : >"$tmp/cold"
    for r in $(seq "$JVMS"); do
      $pin "$java" --add-modules jdk.incubator.vector -cp "$cp" dev.jgrad.bench.ColdStartRun "$D" \
        2>/dev/null | grep '^cold-start' >>"$tmp/cold"
    done
    row="| $([ -n "$pin" ] && echo 1 || nproc) |"
    for key in step1 step10 step100 epoch cpu100 cpuEpoch; do
      row="$row $(grep -o " $key=[0-9.]*" "$tmp/cold" | cut -d= -f2 | stats %.3g) |"
    done
    echo "$row"
  done

  echo
  echo "Scalar fallback, \`JGRAD_JAVA_OPTS=-Djgrad.kernels=scalar ./jgrad train --model mlp --epochs 3 --threads 1\`, 3 runs; load before: $(load)"
  : >"$tmp/scalar"
  for r in 1 2 3; do
    JGRAD_JAVA_OPTS=-Djgrad.kernels=scalar ./jgrad train --data "$D" --model mlp --epochs 3 --threads 1 2>/dev/null |
      epochs | tail -n +2 >>"$tmp/scalar"
  done
  sc=$(median <"$tmp/scalar"); ve=$(median <"$tmp/vector-steady-all")
  echo
  echo "| steady MLP epoch | scalar (s) | vector (s, the runs above) | scalar / vector | target |"
  echo "|---|---|---|---|---|"
  echo "| median, epochs 2-3 (scalar) and 2-5 (vector) | $sc | $ve | $(python3 -c "print('%.2f' % ($sc / $ve))") | ≤ 3 |"
  rm -rf "$tmp"
done
echo
echo "Load average at the end: $(load)"
