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

# Sum of VmRSS (kB) of a process and all its descendants.
tree_rss_kb() {
  local pid=$1 total=0 child
  total=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
    total=$(( total + $(tree_rss_kb "$child") ))
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
  rss_kb=$(tree_rss_kb "$launcher")
  printf 'run %d: ready in %.1f s (launcher says %s s), stack RSS %d MiB\n' \
    "$run" "$(echo "$wall_ms / 1000" | bc -l)" "$reported" "$(( rss_kb / 1024 ))"
  # SIGTERM, not SIGINT: a background job of a script ignores SIGINT. Both run the same shutdown.
  kill -TERM "$launcher"
  wait "$launcher" || true
done
echo "bench: machine $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
