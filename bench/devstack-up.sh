#!/usr/bin/env bash
# Benchmark of `./iot up`: time until ready and the resident memory of the whole stack (the
# launcher JVM and every child process: service JVMs, PostgreSQL, Redis, InfluxDB).
#
#   bench/devstack-up.sh [runs]     # default 2 runs: the first on an empty var dir, then a restart
#
# Builds first (not timed). Uses its own var dir under target/ and the default ports, so stop a
# running ./iot up before. Prints one line per run and a summary line.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

runs=${1:-2}
var_dir="$PWD/target/bench-devstack-var"
log="$PWD/target/bench-devstack.log"
mkdir -p target
rm -rf "$var_dir"
./iot build >/dev/null

# The stack's processes: the launcher, its descendants, and PostgreSQL, which detaches from its
# starter (pg_ctl) and is found by its data directory instead.
stack_pids() {
  local roots
  roots="$1 $(pgrep -f -- "$var_dir/postgres/pgdata" | tr '\n' ' ')"
  ps -e -o pid=,ppid= | awk -v roots="$roots" '
    BEGIN { n = split(roots, r, " "); for (i = 1; i <= n; i++) root[r[i]] = 1 }
    { parent[$1] = $2 }
    END { for (p in parent) { q = p; while (!(q in root) && (q in parent) && q > 1) q = parent[q]; if (q in root) print p } }'
}

# Sums a field of /proc/PID/smaps_rollup (kB) over the given pids: Rss counts shared pages once
# per process (an upper bound), Pss splits them among the processes sharing them.
sum_kb() {
  local field=$1 total=0 pid value
  shift
  for pid in "$@"; do
    value=$(awk -v f="$field:" '$1 == f {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
    total=$(( total + ${value:-0} ))
  done
  echo "$total"
}

for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  ./iot up --var "$var_dir" >"$log" 2>&1 &
  launcher=$!
  until grep -q "ready in" "$log"; do
    if ! kill -0 "$launcher" 2>/dev/null; then
      echo "bench: ./iot up exited before it was ready; see $log" >&2
      exit 1
    fi
    sleep 0.2
  done
  wall_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  reported=$(sed -n 's/^iot: ready in \([0-9.]*\) s.*/\1/p' "$log")
  # Let start-up work settle before measuring memory.
  sleep 10
  pids=$(stack_pids "$launcher" | sort -u)
  rss_kb=$(sum_kb Rss $pids)
  pss_kb=$(sum_kb Pss $pids)
  count=$(echo "$pids" | wc -l)
  printf 'run %d: ready in %.1f s (launcher says %s s); %d processes: RSS %d MiB, PSS %d MiB\n' \
    "$run" "$(echo "$wall_ms / 1000" | bc -l)" "$reported" "$count" "$(( rss_kb / 1024 ))" "$(( pss_kb / 1024 ))"
  # SIGTERM, not SIGINT: a background job of a script ignores SIGINT. Both run the same shutdown.
  kill -TERM "$launcher"
  wait "$launcher" || true
done
echo "bench: machine $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
