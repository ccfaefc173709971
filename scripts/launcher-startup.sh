#!/usr/bin/env bash
# What the launcher costs before jgrad's main starts, in one sitting, printed as markdown (issue 17).
# For each launcher given (default: ./jgrad; e.g. also a copy of an older version at the repository
# root, `git show REV:jgrad > jgrad.before`), RUNS rounds, the launchers alternating, each round:
#  - "until exec": ms from starting bash on the launcher to its `exec` of java, read from bash's
#    xtrace with $EPOCHREALTIME stamps (the build is up to date: this is the staleness check, the
#    JDK pick and the class path; tracing adds a little to every launcher alike);
#  - "train --help": wall ms of `LAUNCHER train --help` (JVM start, main, usage), and of the same
#    java command run directly ("java alone"), so that the difference is the launcher's share.
# Usage: scripts/launcher-startup.sh [LAUNCHER ...]     Env: RUNS (default 15), JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-15}
[ $# -gt 0 ] || set -- jgrad
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./jgrad train --help >/dev/null 2>&1 # build when stale, with this JDK
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n1)
cp=$(for m in tensor-core autograd nn data mnist examples; do printf '%s:' "$PWD/$m/target/$m-$version.jar"; done)
java_alone=("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "${cp%:}" dev.jgrad.mnist.TrainCommand --help)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. scripts/sitting-common.sh
# ms from now until the launcher $1 execs java (bash's xtrace, stamped)
until_exec() {
  local t0=$EPOCHREALTIME
  bash -c 'PS4="+ \$EPOCHREALTIME "; set -x; . "./$0" train --help' "$1" 2>&1 >/dev/null |
    sed -n 's/^+* \([0-9.]*\) exec .*/\1/p' | python3 -c "import sys; print('%.2f' % ((float(sys.stdin.read()) - $t0) * 1e3))"
}
# wall ms of a command
wall() {
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1
  python3 -c "print('%.1f' % (($EPOCHREALTIME - $t0) * 1e3))"
}

for r in $(seq "$RUNS"); do
  for l in "$@"; do
    until_exec "$l" >>"$tmp/exec-$l"
    wall "./$l" train --help >>"$tmp/help-$l"
    wall "${java_alone[@]}" >>"$tmp/java-$l"
  done
done
echo "Launcher start-up, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(nproc) CPUs, $RUNS rounds alternating, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg); ms, median (min-max)"
echo
echo "| launcher | until exec (xtrace) | \`train --help\` | java alone, same rounds |"
echo "|---|---|---|---|"
for l in "$@"; do
  echo "| $l | $(stats %.1f <"$tmp/exec-$l") | $(stats %.1f <"$tmp/help-$l") | $(stats %.1f <"$tmp/java-$l") |"
done
