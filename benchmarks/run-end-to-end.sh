#!/usr/bin/env bash
# The end-to-end lane benchmark in one go: builds the engine and the lane simulator, starts the
# engine on a fresh data folder and a free loopback port, runs the simulator's `run` (open-loop
# arrivals at the lanes, every decision checked, with --floor: the same traffic against a trivial
# echo server first, for the ratio), scrapes the engine's /metrics for seamless_pipeline_latency
# before stopping it, and prints where everything was written.
#
#   benchmarks/run-end-to-end.sh [--rate R] [--duration D] [--lanes N] [--report DIR] [--no-build] [-- more `run` options]
#
#   --rate R        arrivals a second (default 200)
#   --lanes N       the engine gets N lanes over the six control points (`lane-simulator lanes-config`)
#                   instead of its 36 default ones, and the run drives them all
#   --duration D    measured time, e.g. 20s, 2m (default 20s)
#   --report DIR    where report.json, report.html, metrics.txt, pipeline-latency.txt and the
#                   engine's log go (default: a new folder under /tmp)
#   --no-build      use the jars already in engine/target and lane-simulator/target
#   after --         passed to `seamless-lane-simulator run` as they are (e.g. --transport http)
#
# The engine's data folder (a temp folder) is deleted after the run unless KEEP_DATA=1.
# The engine gets SEAMLESS_BUNDLING_LEAD=PT0S unless it is set already: with the default 30-minute
# lead every freshly bundled vehicle would be an EARLY_ARRIVAL (see `run --help`). Any other
# SEAMLESS_* variable in the environment reaches the engine too. SEAMLESS_DAILY_CONSIGNMENTS, unless
# set, is sized for the run: the simulator bundles a fresh vehicle for every arrival before it starts,
# and the lane holds ~18 x dailyConsignments ACTIVE bundles (README.md, "Sizing the stores").
# ENGINE_JAVA_OPTS and SIMULATOR_JAVA_OPTS, if set, go to the engine's and the simulator's java (e.g.
# -XX:+UseZGC, or -XX:StartFlightRecording=... to profile either side). SIMULATOR_NICE=19 runs the
# simulator at the lowest CPU priority, so that on a machine shared with it the engine's own figures
# (its pipeline histogram) come near those of an engine with the cores to itself; the simulator's
# latencies are then its own delays as much as the engine's, so the floor ratios do not apply.
# Exit status: the simulator's (0 only when no decision was wrong), or 2 if set-up failed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
rate=200
duration=20s
report=""
build=1
extra=()
lanes=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    --lanes) lanes="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done

engine_jar="$root/engine/target/seamless-engine.jar"
sim_jar="$root/lane-simulator/target/seamless-lane-simulator.jar"
if [ "$build" = 1 ]; then
  echo "building the engine and the lane simulator ..."
  (cd "$root" && ./mvnw -q -pl engine,lane-simulator -am package -DskipTests)
fi
for jar in "$engine_jar" "$sim_jar"; do
  [ -f "$jar" ] || { echo "error: $jar is missing (build without --no-build)" >&2; exit 2; }
done
if ! java -jar "$sim_jar" run --help >/dev/null 2>&1; then
  echo "error: this lane simulator has no 'run' subcommand: java -jar $sim_jar --help" >&2
  exit 2
fi

work="$(mktemp -d /tmp/seamless-e2e.XXXXXX)"
report="${report:-$work/report}"
mkdir -p "$report"
report="$(cd "$report" && pwd)"
data="$work/data"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)"

engine_pid=""
stop_engine() {
  if [ -n "$engine_pid" ] && kill -0 "$engine_pid" 2>/dev/null; then
    kill -TERM "$engine_pid" 2>/dev/null || true   # the engine's shutdown hook closes the stores cleanly
    for _ in $(seq 1 100); do kill -0 "$engine_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$engine_pid" 2>/dev/null || true
    wait "$engine_pid" 2>/dev/null || true
  fi
  engine_pid=""
}
trap stop_engine EXIT

# arrivals = rate x (duration + 5 s warm-up), each with a vehicle of its own; the vehicle stores are
# sized at one vehicle per daily consignment, so a fifth more than the arrivals leaves them room
seconds=$(echo "$duration" | awk '/m$/ {print $0 * 60; next} /h$/ {print $0 * 3600; next} {print $0 + 0}')
daily=$(( rate * (seconds + 5) * 12 / 10 ))
[ "$daily" -lt 1000 ] && daily=1000
engine_args=()
if [ -n "$lanes" ]; then
  java -jar "$sim_jar" lanes-config --lanes "$lanes" --out "$work/lanes.json"
  engine_args=(--config "$work/lanes.json")
fi
echo "starting the engine: data $data, port $port, log $report/engine.log"
(cd "$work" && SEAMLESS_DATA_DIR="$data" SEAMLESS_HTTP_PORT="$port" SEAMLESS_HTTP_HOST=127.0.0.1 \
  SEAMLESS_BUNDLING_LEAD="${SEAMLESS_BUNDLING_LEAD:-PT0S}" \
  SEAMLESS_DAILY_CONSIGNMENTS="${SEAMLESS_DAILY_CONSIGNMENTS:-$daily}" \
  exec java ${ENGINE_JAVA_OPTS:-} -jar "$engine_jar" "${engine_args[@]}" >"$report/engine.log" 2>&1) &
engine_pid=$!
for _ in $(seq 1 600); do
  [ -s "$data/http.port" ] && break
  kill -0 "$engine_pid" 2>/dev/null || { echo "error: the engine stopped while starting:" >&2; tail -20 "$report/engine.log" >&2; exit 2; }
  sleep 0.2
done
[ -s "$data/http.port" ] || { echo "error: the engine did not start within 120 s" >&2; tail -20 "$report/engine.log" >&2; exit 2; }
target="http://127.0.0.1:$(cat "$data/http.port")"
token="$(cat "$data/admin.token")"
echo "engine up at $target"

status=0
nice -n "${SIMULATOR_NICE:-0}" java ${SIMULATOR_JAVA_OPTS:-} -jar "$sim_jar" run --target "$target" --admin-token "$token" --rate "$rate" --duration "$duration" \
  --floor --report "$report" "${extra[@]}" 2>&1 | tee "$report/simulator.txt" || status=$?
# pipefail: status is the simulator's exit code (tee does not fail).

if curl -fsS "$target/metrics" -o "$report/metrics.txt"; then
  grep '^seamless_pipeline_latency' "$report/metrics.txt" >"$report/pipeline-latency.txt" || true
  # The simulator's "engine pipe" line is the same latency over the measured window only; these
  # client-side quantiles cover the whole run, warm-up (and its JIT compilation) included.
  echo "engine pipeline latency (last read into the ring to decision handed to the gate), from /metrics, whole run incl. warm-up:"
  sed 's/^/  /' "$report/pipeline-latency.txt"
else
  echo "warning: could not scrape $target/metrics" >&2
fi
stop_engine
if [ "${KEEP_DATA:-0}" = 1 ]; then
  echo "engine data folder kept: $data"
else
  rm -rf "$data"
fi

echo
echo "reports in $report:"
ls -1 "$report" | sed 's/^/  /'
exit "$status"
