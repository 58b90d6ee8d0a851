#!/usr/bin/env bash
# How long the packaged engine takes from `java -jar` to its first /health 200, on an empty data
# folder (each run a fresh one) and, with --data, on a folder that already holds data (a clean
# restart: the folder is used in place, so it must not be in use and must have been stopped cleanly).
#
#   benchmarks/run-start.sh [--runs N] [--data DIR] [-- more java options]
#
#   --runs N     how many starts (default 5); prints each and the median
#   --data DIR   start on DIR each time instead of a fresh empty folder
#
# Needs engine/target/seamless-engine.jar (./mvnw -B -o -q -pl engine -DskipTests package), curl.
# Any SEAMLESS_* variable in the environment reaches the engine. The engine is stopped with SIGTERM
# (a clean stop) after each run.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs=5
data=""
java_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --) shift; java_opts=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done
jar="$root/engine/target/seamless-engine.jar"
[ -f "$jar" ] || { echo "error: $jar is missing: ./mvnw -B -o -q -pl engine -DskipTests package" >&2; exit 2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

times=()
for run in $(seq 1 "$runs"); do
  work="$(mktemp -d /tmp/seamless-start.XXXXXX)"
  folder="${data:-$work/data}"
  port="$(free_port)"
  begin=$(date +%s%N)
  SEAMLESS_HTTP_HOST=127.0.0.1 SEAMLESS_HTTP_PORT="$port" SEAMLESS_DATA_DIR="$folder" \
    java "${java_opts[@]}" -jar "$jar" >"$work/engine.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: the engine stopped; its log:" >&2; cat "$work/engine.log" >&2; exit 2
    fi
    sleep 0.02
  done
  end=$(date +%s%N)
  ms=$(( (end - begin) / 1000000 ))
  times+=("$ms")
  echo "run $run: ${ms} ms to the first /health 200"
  kill -TERM "$pid"
  wait "$pid" || true
  rm -rf "$work"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "median of $runs: ${median} ms ($( [ -n "$data" ] && echo "data folder $data" || echo "empty data folder each run"))"
