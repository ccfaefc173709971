# Shared by the measuring scripts (source it): summaries of numbers on stdin, epoch times from
# ./jgrad train's output, and the machine line every sitting prints.

# median, min and max of the numbers on stdin, as "median (min-max)"; $1: printf format of each (default %.4g)
stats() { python3 -c '
import statistics, sys
f = sys.argv[1]
v = sorted(float(x) for x in sys.stdin.read().split())
print("%s (%s-%s)" % tuple((f % x) for x in (statistics.median(v), v[0], v[-1])) if v else "n/a")' "${1:-%.4g}"; }
# one number: the median of stdin
median() { python3 -c '
import statistics, sys
v = [float(x) for x in sys.stdin.read().split()]
print("%.4g" % statistics.median(v))'; }
# epoch times (s) printed by ./jgrad train, one per line
epochs() { sed -n 's/^epoch [0-9]*\/[0-9]* .* time \([0-9.]*\)s$/\1/p'; }
# the 1-, 5- and 15-minute load averages
load() { cut -d' ' -f1-3 /proc/loadavg; }
# "CPU: <model> (family F, model M), N CPUs; load average at the start: ..."
cpu_line() {
  local cpu fam mod
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
  fam=$(sed -n 's/^cpu family[[:space:]]*: //p' /proc/cpuinfo | head -n1)
  mod=$(sed -n 's/^model[[:space:]]*: //p' /proc/cpuinfo | head -n1)
  echo "CPU: $cpu (family $fam, model $mod), $(nproc) CPUs; load average at the start: $(load)"
}
