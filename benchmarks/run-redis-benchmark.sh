#!/usr/bin/env bash
# Runs RedisLookupBenchmark against Debian's redis-server on a free loopback port, without
# persistence, then stops that server (also on failure or Ctrl-C).
#
#   benchmarks/run-redis-benchmark.sh [BUNDLES] [extra JMH options...]
#   e.g. benchmarks/run-redis-benchmark.sh 1000000 -f 1 -wi 2 -i 3 -w 2s -r 2s
#
# Needs redis-server and redis-cli (Debian: apt-get install -y redis-server) and a built
# benchmarks/target/benchmarks.jar (./mvnw -q -pl engine,benchmarks package -DskipTests).
# BENCHMARKS_JAR overrides the jar (e.g. a copy, so that a rebuild cannot swap it mid-run).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="${BENCHMARKS_JAR:-$here/target/benchmarks.jar}"
bundles="${1:-1000000}"
shift || true

for tool in redis-server redis-cli java; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found (apt-get install -y redis-server)" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "error: $jar not built: ./mvnw -q -pl engine,benchmarks package -DskipTests" >&2; exit 1; }

# A free loopback port: ask the kernel for one, then give it back to redis-server.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)"
workdir="$(mktemp -d /tmp/seamless-redis.XXXXXX)"

stop() {
  redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop EXIT

redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
  --dir "$workdir" --pidfile "$workdir/redis.pid" --logfile "$workdir/redis.log" --maxmemory 0
for _ in $(seq 1 50); do
  if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then break; fi
  sleep 0.1
done
if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" != PONG ]; then
  echo "error: redis-server did not start on 127.0.0.1:$port:" >&2
  cat "$workdir/redis.log" >&2 || true
  exit 1
fi
echo "redis-server $(redis-server --version | grep -o 'v=[^ ]*') on 127.0.0.1:$port (no persistence); the benchmark fills it with $bundles bundles"

# The benchmark's own @Setup fills Redis (pipelined SETs) and checks a sample, then measures
# one GET per look-up. A failed set-up makes JMH exit non-zero: no number is reported then.
java -jar "$jar" RedisLookupBenchmark -p redisPort="$port" -p bundles="$bundles" -foe true "$@"
