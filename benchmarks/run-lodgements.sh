#!/usr/bin/env bash
# Lodgements over HTTP, acknowledged (journal fsync on, the default): a fresh engine per set, then
# several rounds of `lane-simulator lodgement-load` against it one after the other, since the JIT
# compilers keep improving the engine for the first few hundred thousand lodgements. Prints each
# round's throughput and latency, and the CPU per lodgement (user + system) of the engine (from
# /proc) and of the load generator beside it (from the shell's children times): on a machine that
# runs both, the engine's share says what it would carry with the generator elsewhere.
#
#   benchmarks/run-lodgements.sh [--engines N] [--rounds R] [--requests K] [--concurrency C]
#                                [--jar ENGINE_JAR] [-- more java options]
#
#   --engines N      fresh engines, one after the other (default 3)
#   --rounds R       lodgement-load runs on each (default 5); each warms up with 10,000 first
#   --requests K     lodgements measured per round (default 100000)
#   --concurrency C  requests in flight (default 32)
#   --jar FILE       the engine's jar (default engine/target/seamless-engine.jar), to compare builds
#
# Needs the engine's and the simulator's jars (./mvnw -B -o -q -DskipTests install), curl. The
# engine runs with ZGC as deploy/ runs it; -- adds java options. Its stores are sized for all the
# rounds' lodgements (SEAMLESS_DAILY_CONSIGNMENTS, unless set), so that none is refused as full.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
engines=3
rounds=5
requests=100000
concurrency=32
jar="$root/engine/target/seamless-engine.jar"
java_opts=(-XX:+UseZGC)
while [ $# -gt 0 ]; do
  case "$1" in
    --engines) engines="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --) shift; java_opts+=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done
simulator="$root/lane-simulator/target/seamless-lane-simulator.jar"
for f in "$jar" "$simulator"; do
  [ -f "$f" ] || { echo "error: $f is missing: ./mvnw -B -o -q -DskipTests install" >&2; exit 2; }
done

work="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
# CPU (user + system) of this shell's finished children so far, in microseconds. `times` must run in
# this shell itself (a $(...) subshell has no children of its own yet), so it writes to a file.
children_micros() {
  tail -1 "$work/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000000 }'
}
# A day's consignments such that the hot map (days open + retention, ~105 days) holds every round's.
export SEAMLESS_DAILY_CONSIGNMENTS="${SEAMLESS_DAILY_CONSIGNMENTS:-$(( rounds * (requests + 10000) / 80 + 1000 ))}"

for engine in $(seq 1 "$engines"); do
  port="$(free_port)"
  rm -rf "$work/data"
  SEAMLESS_HTTP_HOST=127.0.0.1 SEAMLESS_HTTP_PORT="$port" SEAMLESS_DATA_DIR="$work/data" \
    java "${java_opts[@]}" -jar "$jar" >"$work/engine.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "error: the engine stopped; its log:" >&2; cat "$work/engine.log" >&2; exit 2; }
    sleep 0.1
  done
  for round in $(seq 1 "$rounds"); do
    before=$(cpu_ticks "$pid")
    times >"$work/times"; generator_before=$(children_micros)
    if ! out=$(java -jar "$simulator" lodgement-load --target "http://127.0.0.1:$port" \
      --admin-token "$(cat "$work/data/admin.token")" --requests "$requests" --concurrency "$concurrency"); then
      echo "error: lodgement-load failed in round $round:" >&2; echo "$out" >&2; exit 1
    fi
    after=$(cpu_ticks "$pid")
    times >"$work/times"; generator_after=$(children_micros)
    # The round's warm-up (10,000) is in the CPU too: per lodgement of the round's whole traffic.
    lodged=$(( requests + 10000 ))
    engine_micros=$(( (after - before) * 1000000 / ticks_per_second / lodged ))
    generator_micros=$(( (generator_after - generator_before) / lodged ))
    echo "engine $engine round $round: $(grep -E '^throughput' <<<"$out" | tr -s ' ' | cut -d' ' -f2-)," \
      "$(grep -E '^latency' <<<"$out" | tr -s ' ' | cut -d' ' -f2-), errors $(grep -E '^errors' <<<"$out" | tr -s ' ' | cut -d' ' -f2)," \
      "CPU per lodgement: engine ${engine_micros} us, generator ${generator_micros} us"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
done
