#!/usr/bin/env bash
# A training step of two builds, compared in one JVM: scripts/StepInterleaved.java loads each build's
# TrainStepBench in its own class loader and times them in short alternating blocks, so a shared host's
# drift (whole JMH runs moving 10-30% from one minute to the next) falls on both alike. Each build is run
# first in turn (RUNS JVMs each way), because which one is loaded first can change what the JIT does.
#   scripts/step-ab.sh BASE_DIR NEW_DIR [MODELS=mlp,cnn] [RUNS=3]
# Each DIR: a checkout with `mvn -B -q -pl bench -am package -DskipTests` done. Each line: new/base per
# block (median, quartiles); below 1 means the new build is faster.
set -eu
src=$(dirname "$0")/StepInterleaved.java
for model in $(echo "${3:-mlp,cnn}" | tr , ' '); do
  blocks=200 steps=25
  [ "$model" = cnn ] && blocks=120 steps=2
  for r in $(seq 1 "${4:-3}"); do
    for order in base-first new-first; do
      java --add-modules jdk.incubator.vector -Xmx3g "$src" "$1" "$2" "$model" $blocks $steps $order 2>/dev/null
    done
  done
done
