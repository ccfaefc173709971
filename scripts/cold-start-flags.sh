#!/usr/bin/env bash
# JVM flags against cold start, in one sitting, printed as markdown (issue 17). For each JDK and
# each core setting (both CPUs, then `taskset -c 0`), fresh JVMs of the `--cold-start` program
# (bench ColdStartRun: MLP 784-256-10, batch 100, 1 thread, one epoch of full Fashion-MNIST) run
# with each arm's flags, the arms alternating (A B C A B C ...), so that a drift of the machine's
# load hits every arm alike. Per arm: ms from JVM start (decoding excluded) to the 1st, 10th and
# 100th step and to the end of epoch 1, and the process CPU time (all threads, the JIT's included)
# to step 100 and to the end of the epoch; medians with (min-max).
# With TRAIN=1 it also runs `./jgrad train --model mlp|softmax --threads 1 --epochs 5` per arm
# (JGRAD_JAVA_OPTS=flags, alternating) and prints epoch 1, the median of epochs 2-5 and their ratio.
# Arms whose flags contain @CACHE get a cache made once per JDK and class path by one training
# run before the sitting: JDK 25's AOT cache (-XX:AOTCacheOutput, then -XX:AOTCache=...) or, on
# JDK 17, a dynamic AppCDS archive (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile=...).
# Run it on an idle machine; on a shared one only the ratios within a sitting mean anything.
# Usage: scripts/cold-start-flags.sh
# Env: D (data dir), JDKS (JDK homes), JVMS (fresh JVMs per arm and core setting, default 10),
#      PINS ("2 1": both CPUs and one), TRAIN (1: also the epoch ratios), RUNS (train runs per arm, 5),
#      ARMS (one arm per line, "name|flags"; default below).
set -euo pipefail
cd "$(dirname "$0")/.."
D=${D:-/usr/share/datasets/fashion-mnist}
JDKS=${JDKS:-"/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64"}
JVMS=${JVMS:-10}
PINS=${PINS:-"2 1"}
TRAIN=${TRAIN:-0}
RUNS=${RUNS:-5}
ARMS=${ARMS:-"default|
SerialGC|-XX:+UseSerialGC
no OSR|-XX:-UseOnStackReplacement
4 compiler threads|-XX:CICompilerCount=4
class archive|@CACHE"}

. scripts/sitting-common.sh

echo "## JVM flags against cold start, $(date -u +%FT%TZ)"
echo
cpu_line

mapfile -t arms <<<"$ARMS"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The flags of arm $2 for JDK major $1 and class path $3, @CACHE replaced by a cache made for them.
arm_flags() {
  local major=$1 flags=$2 cp=$3 java=$4 main=$5
  shift 5
  case "$flags" in *@CACHE*) ;; *) echo "$flags"; return ;; esac
  local cache="$tmp/cache-$major-$(echo "$cp" | md5sum | cut -c1-8)" use make
  if [ "$major" -ge 25 ]; then
    cache="$cache.aot"; use="-XX:AOTCache=$cache"; make="-XX:AOTCacheOutput=$cache"
  else
    cache="$cache.jsa"; use="-XX:SharedArchiveFile=$cache"; make="-XX:ArchiveClassesAtExit=$cache"
  fi
  if [ ! -f "$cache" ]; then
    "$java" --add-modules jdk.incubator.vector $make -cp "$cp" "$main" "$@" >"$tmp/cache.log" 2>&1 ||
      { cat "$tmp/cache.log" >&2; echo "making $cache failed" >&2; exit 1; }
  fi
  echo "${flags//@CACHE/$use}"
}

for jdk in $JDKS; do
  export JAVA_HOME=$jdk
  java="$jdk/bin/java"
  ver=$("$java" -version 2>&1 | head -n1)
  major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  ./jgrad train --help >/dev/null 2>&1 || true # builds when stale, with this JDK
  cp="bench/target/bench-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n1).jar:$(cat bench/target/classpath.txt)"
  echo
  echo "### $ver"
  for pin in $PINS; do
    pre=$([ "$pin" = 1 ] && echo "taskset -c 0" || true)
    for i in "${!arms[@]}"; do : >"$tmp/cold-$i"; done
    for r in $(seq "$JVMS"); do
      for i in "${!arms[@]}"; do
        flags=$(arm_flags "$major" "${arms[$i]#*|}" "$cp" "$java" dev.jgrad.bench.ColdStartRun "$D")
        # shellcheck disable=SC2086 # the flags are words
        $pre "$java" --add-modules jdk.incubator.vector $flags -cp "$cp" dev.jgrad.bench.ColdStartRun "$D" \
          2>/dev/null | grep '^cold-start' >>"$tmp/cold-$i" || echo "arm ${arms[$i]%%|*} failed" >&2
      done
    done
    echo
    echo "Cold start on $pin CPU(s)$([ -n "$pre" ] && echo " (\`$pre\`)"), MLP 784-256-10, batch 100: ms from JVM start (decoding excluded), $JVMS JVMs per arm, alternating; load at the end: $(load)"
    echo
    echo "| arm | flags | main | step 1 | step 10 | step 100 (target ≤ 1000) | epoch 1 | CPU to step 100 | CPU to epoch end |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for i in "${!arms[@]}"; do
      row="| ${arms[$i]%%|*} | \`${arms[$i]#*|}\` |"
      for key in main step1 step10 step100 epoch cpu100 cpuEpoch; do
        row="$row $(grep -o " $key=[0-9.]*" "$tmp/cold-$i" | cut -d= -f2 | stats) |"
      done
      echo "$row"
    done
  done

  [ "$TRAIN" = 1 ] || continue
  lcp=$(for m in tensor-core autograd nn data mnist examples; do printf '%s:' "$PWD/$m/target/$m-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n1).jar"; done)
  lcp=${lcp%:}
  echo
  echo "\`JGRAD_JAVA_OPTS=FLAGS ./jgrad train --model M --threads 1 --epochs 5\`, $RUNS runs per arm, alternating; load before: $(load)"
  echo
  echo "| model | arm | epoch 1 (s) | median of epochs 2-5 (s) | epoch 1 / epochs 2-5 (per run) |"
  echo "|---|---|---|---|---|"
  for model in mlp softmax; do
    for i in "${!arms[@]}"; do : >"$tmp/e1-$i"; : >"$tmp/st-$i"; : >"$tmp/ra-$i"; done
    for r in $(seq "$RUNS"); do
      for i in "${!arms[@]}"; do
        flags=$(arm_flags "$major" "${arms[$i]#*|}" "$lcp" "$java" dev.jgrad.mnist.TrainCommand --data "$D" --model "$model" --epochs 5 --threads 1)
        JGRAD_JAVA_OPTS="$flags" ./jgrad train --data "$D" --model "$model" --epochs 5 --threads 1 2>/dev/null | epochs >"$tmp/run"
        e1=$(head -n1 "$tmp/run"); st=$(tail -n +2 "$tmp/run" | median)
        echo "$e1" >>"$tmp/e1-$i"; echo "$st" >>"$tmp/st-$i"
        python3 -c "print($e1 / $st)" >>"$tmp/ra-$i"
      done
    done
    for i in "${!arms[@]}"; do
      echo "| $model | ${arms[$i]%%|*} | $(stats <"$tmp/e1-$i") | $(stats <"$tmp/st-$i") | $(stats <"$tmp/ra-$i") |"
    done
  done
done
echo
echo "Load average at the end: $(load)"
