#!/usr/bin/env bash
# The HTTP fuzzer for minutes: builds the engine (jar and test classes), starts it on a fresh data
# folder and a free loopback port, and sends it seeded, mutated requests on every route (API,
# lanes, console feed, IVRS, pages) from callers of every role, by bearer token and by session
# cookie, several connections at a time (hk.seamless.http.ApiFuzzer, the same generator as the
# build's FuzzApiTest). Prints the statuses seen; a 5xx or a request left without an answer is a
# defect, and makes the exit status 1. Afterwards the engine's /health must still be UP.
#
#   benchmarks/run-fuzz.sh [--duration SECONDS] [--threads N] [--seed S] [--no-build]
#
#   --duration SECONDS  how long to fuzz (default 300)
#   --threads N         connections at a time (default 4)
#   --seed S            the generator's seed (default: the time; printed, so a run can be repeated)
#   --no-build          use engine/target as it is
#
# The engine's log and the fuzzer's output go to a new folder under /tmp (printed at the end).
# Exit status: 0 when every request was answered and none with a 5xx, 1 otherwise, 2 if set-up failed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
duration=300
threads=4
seed="$(date +%s)"
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done

engine_jar="$root/engine/target/seamless-engine.jar"
work="$(mktemp -d /tmp/seamless-fuzz.XXXXXX)"
if [ "$build" = 1 ]; then
  echo "building the engine and its test classes ..."
  (cd "$root" && ./mvnw -q -pl engine package -DskipTests)
fi
[ -f "$engine_jar" ] && [ -d "$root/engine/target/test-classes" ] \
  || { echo "error: $engine_jar or engine/target/test-classes is missing (build without --no-build)" >&2; exit 2; }
(cd "$root" && ./mvnw -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt" >/dev/null) \
  || { echo "error: could not resolve the test classpath" >&2; exit 2; }

data="$work/data"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)"
engine_pid=""
stop_engine() {
  if [ -n "$engine_pid" ] && kill -0 "$engine_pid" 2>/dev/null; then
    kill -TERM "$engine_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$engine_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$engine_pid" 2>/dev/null || true
    wait "$engine_pid" 2>/dev/null || true
  fi
  engine_pid=""
}
trap stop_engine EXIT

echo "starting the engine: data $data, port $port, log $work/engine.log"
(cd "$work" && SEAMLESS_DATA_DIR="$data" SEAMLESS_HTTP_PORT="$port" SEAMLESS_HTTP_HOST=127.0.0.1 \
  exec java ${ENGINE_JAVA_OPTS:-} -jar "$engine_jar" >"$work/engine.log" 2>&1) &
engine_pid=$!
for _ in $(seq 1 600); do
  [ -s "$data/http.port" ] && break
  kill -0 "$engine_pid" 2>/dev/null || { echo "error: the engine stopped while starting:" >&2; tail -20 "$work/engine.log" >&2; exit 2; }
  sleep 0.2
done
[ -s "$data/http.port" ] || { echo "error: the engine did not start within 120 s" >&2; exit 2; }
port="$(cat "$data/http.port")"
echo "engine up on port $port; fuzzing for $duration s with $threads connections at a time, seed $seed"

status=0
java -cp "$root/engine/target/test-classes:$root/engine/target/classes:$(cat "$work/classpath.txt")" \
  hk.seamless.http.ApiFuzzer "$port" "$data/admin.token" "$duration" "$threads" "$seed" 2>&1 \
  | tee "$work/fuzz.txt" || status=$?

health="$(curl -sS "http://127.0.0.1:$port/health" || true)"
echo "health after the run: $health"
case "$health" in *'"UP"'*) ;; *) status=1 ;; esac
echo "engine errors logged: $(grep -c ' ERROR ' "$work/engine.log" || true)"
stop_engine
rm -rf "$data"
echo "log and output in $work"
exit "$status"
