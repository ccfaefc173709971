#!/usr/bin/env bash
# The README's "Running on Spark" numbers in one sitting, printed as markdown tables:
#  - training: full Fashion-MNIST, MLP 784-256-10, SGD lr 0.1, batch 100 per partition, 5 epochs;
#    local[1] with 1 partition (one round per epoch: with one replica a round averages nothing) and
#    local[2] with 2 partitions at --sync-every 1, 10, 100 and 0 (one round per epoch);
#    images/s over epochs 2-5, test accuracy, rounds and what a round costs;
#  - inference: dev.jgrad.spark.ScoringBench on local[1] and local[2] (median rows/s and CPU time per row).
# Wall-clock numbers mean something only on an idle machine: the 1-minute load average is printed
# before and after each run. Usage: scripts/spark-table.sh [DATA_DIR] ; SYNCS="10 100" to pick runs.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${1:-/usr/share/datasets/fashion-mnist}
SYNCS=${SYNCS:-"1 10 100 0"}
EPOCHS=${EPOCHS:-5}
load() { cut -d' ' -f1 /proc/loadavg; }
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

./jgrad spark-train --help >/dev/null # builds the spark module once; the runs below use that build
sdir=spark/target
java_cmd() {
  local java=$(cat .jgrad/build-spark.jdk)/bin/java # the JDK ./jgrad picked
  echo "$java $(cat $sdir/command/java-flags.txt) -Dlog4j2.configurationFile=$sdir/command/log4j2.properties"
}
# The jar of the root POM's version, as ./jgrad picks it: target/ may also hold an older release's jar.
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n1)
spark_cp="$sdir/spark-$version.jar:$(cat $sdir/classpath.txt)"

rows=()
train() { # name master partitions sync
  local name=$1 master=$2 parts=$3 sync=$4 before after
  before=$(load)
  $(java_cmd) -cp "$spark_cp" dev.jgrad.spark.SparkTrainCommand --data "$D" --model mlp --epochs "$EPOCHS" --master "$master" --partitions "$parts" \
    --sync-every "$sync" >"$log/out" 2>"$log/err"
  after=$(load)
  local acc ips rounds ms sync_ms
  acc=$(sed -n 's/^test accuracy: //p' "$log/out")
  ips=$(sed -n 's/.*; \([0-9]*\) images\/s over.*/\1/p' "$log/err")
  rounds=$(sed -n 's/.* \([0-9]*\) rounds (one Spark job each).*/\1/p' "$log/err")
  ms=$(sed -n 's/.*, \([0-9.]*\) ms per round.*/\1/p' "$log/err")
  sync_ms=$(sed -n 's/.* of which \([0-9.]*\) ms synchronising.*/\1/p' "$log/err")
  cat "$log/out" >&2
  grep '^jgrad spark-train' "$log/err" >&2 || true
  rows+=("| $name | $acc | $ips | $rounds | $ms | $sync_ms | $before / $after |")
  eval "ips_$5=$ips"
}

train '`local[1]`, 1 partition, one round per epoch' 'local[1]' 1 0 base
for s in $SYNCS; do
  label="--sync-every $s"
  [ "$s" = 0 ] && label="--sync-every 0 (one round per epoch)"
  train "\`local[2]\`, 2 partitions, \`$label\`" 'local[2]' 2 "$s" "s$s"
done

echo
echo "Training, $(date -u +%FT%TZ), $($(cat .jgrad/build-spark.jdk)/bin/java -version 2>&1 | head -n1)"
echo
echo "| run | test accuracy | images/s (epochs 2-$EPOCHS) | rounds | ms per round | of which synchronising (ms) | load avg 1 min before / after |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
for s in $SYNCS; do
  v="ips_s$s"
  awk -v a="${!v}" -v b="$ips_base" -v s="$s" 'BEGIN { printf "local[2] --sync-every %s / local[1]: %.2f\n", s, a / b }'
done

echo
echo "Inference (ScoringBench MASTER 10 5 1000: 10 x 70,000 rows, median of 5 after a warm-up)"
echo
echo "| master | rows/s (median) | CPU ms per 1,000 rows | cores busy (process CPU / wall) | load avg 1 min before / after |"
echo "|---|---|---|---|---|"
for m in 'local[1]' 'local[2]'; do
  before=$(load)
  $(java_cmd) -cp "$spark_cp" dev.jgrad.spark.ScoringBench "$m" 10 5 1000 >"$log/bench" 2>"$log/bench.err"
  after=$(load)
  cat "$log/bench" >&2
  line=$(grep 'median' "$log/bench")
  rate=$(echo "$line" | sed -n 's/.*median \([0-9]*\) rows\/s.*/\1/p')
  cpu=$(echo "$line" | sed -n 's/.*, \([0-9.]*\) CPU ms per 1000 rows.*/\1/p')
  busy=$(echo "$line" | sed -n 's/.*, \([0-9.]*\) cores busy.*/\1/p')
  echo "| \`$m\` | $rate | $cpu | $busy | $before / $after |"
done
