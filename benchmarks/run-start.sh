#!/usr/bin/env bash
# How long the packaged engine takes from `java -jar` to its first /health 200, on an empty data
# folder (each run a fresh one) and, with --data, on a folder that already holds data (a clean
# restart: the folder is used in place, so it must not be in use and must have been stopped cleanly).
#
#   benchmarks/run-start.sh [--runs N] [--data DIR] [--cds] [-- more java options]
#
#   --runs N     how many starts (default 5); prints each and the median
#   --data DIR   start on DIR each time instead of a fresh empty folder
#   --cds        every run with the application class-data archive the build made beside the jar
#                (engine/target/seamless.jsa, -XX:SharedArchiveFile), as the README's start command
#                does: the ~5,000 classes a start loads come mapped from it instead of the jar. Without
#                that file (built with -Dseamless.classArchive.skip=true), a training start makes one.
#
# Needs engine/target/seamless-engine.jar (./mvnw -B -o -q -pl engine -DskipTests package), curl.
# Any SEAMLESS_* variable in the environment reaches the engine. The engine is stopped with SIGTERM
# (a clean stop) after each run.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs=5
data=""
cds=0
java_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --cds) cds=1; shift ;;
    --) shift; java_opts=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done
jar="$root/engine/target/seamless-engine.jar"
[ -f "$jar" ] || { echo "error: $jar is missing: ./mvnw -B -o -q -pl engine -DskipTests package" >&2; exit 2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts the engine on folder $1 with java options $2..., waits for /health 200 and prints the ms it took.
start_once() {
  local folder="$1"; shift
  local port begin end pid
  port="$(free_port)"
  begin=$(date +%s%N)
  SEAMLESS_HTTP_HOST=127.0.0.1 SEAMLESS_HTTP_PORT="$port" SEAMLESS_DATA_DIR="$folder" \
    java "$@" -jar "$jar" >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: the engine stopped; its log:" >&2; cat "$log" >&2; exit 2
    fi
    sleep 0.02
  done
  end=$(date +%s%N)
  # CPU the engine used until then (user + system, clock ticks): less at the mercy of a busy machine
  cpu_ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  echo "$(( cpu_ticks * 1000 / $(getconf CLK_TCK) ))" >"$log.cpu"
  kill -TERM "$pid"
  wait "$pid" || true
  echo $(( (end - begin) / 1000000 ))
}

archive=""
if [ "$cds" = 1 ] && [ -f "$root/engine/target/seamless.jsa" ]; then
  java_opts+=(-XX:SharedArchiveFile="$root/engine/target/seamless.jsa")
elif [ "$cds" = 1 ]; then
  training="$(mktemp -d /tmp/seamless-cds.XXXXXX)"
  archive="$training/seamless.jsa"
  log="$training/engine.log"
  echo "training start for the class-data archive ..."
  java -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit="$archive" "${java_opts[@]}" \
    -jar "$jar" training-start >"$training/training.log" 2>&1
  java_opts+=(-XX:SharedArchiveFile="$archive")
fi

times=()
cpus=()
for run in $(seq 1 "$runs"); do
  work="$(mktemp -d /tmp/seamless-start.XXXXXX)"
  log="$work/engine.log"
  ms=$(start_once "${data:-$work/data}" "${java_opts[@]}")
  times+=("$ms")
  cpus+=("$(cat "$log.cpu")")
  echo "run $run: ${ms} ms to the first /health 200 (engine CPU until then: $(cat "$log.cpu") ms)"
  rm -rf "$work"
done
median_of() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
median=$(median_of "${times[@]}")
echo "median of $runs: ${median} ms, engine CPU $(median_of "${cpus[@]}") ms ($( [ -n "$data" ] && echo "data folder $data" || echo "empty data folder each run")$( [ "$cds" = 1 ] && echo ", with a class-data archive"))"
[ -n "$archive" ] && rm -rf "$(dirname "$archive")"
exit 0
