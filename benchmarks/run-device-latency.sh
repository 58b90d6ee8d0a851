#!/bin/bash
# Tag-to-boom latency at 100 arrivals/s over 36 lanes: emulated LLRP readers and Modbus gates driven by the
# engine (--devices llrp,modbus), then the same lanes, rate and mix over the WebSocket path (devices-config
# --devices none). Each path gets a fresh engine (a separate process on port 18080). Needs the two jars
# (./mvnw -B -o -q -DskipTests package) and ports 18080 and 25000-25071 free. Reports in $OUT/{devices,ws}/report.
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/seamless-device-latency}
SIM="java -jar lane-simulator/target/seamless-lane-simulator.jar"
MIX="ontime=77,unbundled=5,empty=5,misread=5,mismatch=2,watchlisted=2,watchlifted=1,targeted=1,suspended=2"
for path in devices ws; do
  rm -rf $OUT/$path; mkdir -p $OUT/$path
  if [ $path = devices ]; then KINDS=llrp,modbus; else KINDS=none; fi
  $SIM devices-config --devices $KINDS --lanes 36 --port-base 25000 --out $OUT/$path/lanes.json
  SEAMLESS_BUNDLING_LEAD=PT0S SEAMLESS_DATA_DIR=$OUT/$path/data SEAMLESS_HTTP_PORT=18080 \
    java -jar engine/target/seamless-engine.jar --config $OUT/$path/lanes.json > $OUT/$path/engine.log 2>&1 &
  ENGINE=$!
  for i in $(seq 1 60); do [ -f $OUT/$path/data/admin.token ] && curl -sf localhost:18080/health >/dev/null && break; sleep 1; done
  EXTRA=""
  [ $path = devices ] && EXTRA="--devices llrp,modbus --device-config $OUT/$path/lanes.json"
  $SIM run --target http://localhost:18080 --admin-token $(cat $OUT/$path/data/admin.token) \
    --rate 100 --warmup 5s --duration 20s --mix $MIX $EXTRA --report $OUT/$path/report > $OUT/$path/run.log 2>&1
  echo "$path exit $?"
  kill $ENGINE; wait $ENGINE
done
