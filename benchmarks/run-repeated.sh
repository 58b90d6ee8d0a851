#!/usr/bin/env bash
# Runs benchmarks/run-end-to-end.sh N times (a fresh engine each time, the floor first in each run)
# and prints the median of the runs with their spread (lowest to highest), as the lane figures in
# benchmarks/README.md are quoted: noise on a shared 2-core machine is large, one run is an anecdote.
#
#   benchmarks/run-repeated.sh [--runs N] --report DIR [run-end-to-end.sh options ...]
#
#   --runs N        how many runs (default 3)
#   --report DIR    each run's report goes to DIR/run-1, DIR/run-2, ...; the summary to DIR/summary.txt
#   the rest        passed to run-end-to-end.sh as they are (e.g. --rate 5000 --duration 20s --lanes 2000 --no-build)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs=3
report=""
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) pass+=("$1"); shift ;;
  esac
done
[ -n "$report" ] || { echo "--report DIR is needed" >&2; exit 2; }
mkdir -p "$report"

status=0
for i in $(seq 1 "$runs"); do
  echo "== run $i of $runs"
  # --report first: whatever follows a -- in the options goes to the simulator
  "$root/benchmarks/run-end-to-end.sh" --report "$report/run-$i" "${pass[@]}" >"$report/run-$i.txt" 2>&1 || status=$?
  grep -E '^(wrong|throughput|vs floor)' "$report/run-$i.txt" | sed 's/^/   /' || true
done

python3 - "$report" "$runs" <<'PY' | tee "$report/summary.txt"
import json, re, statistics, sys
from pathlib import Path

report, runs = Path(sys.argv[1]), int(sys.argv[2])
rows = []
for i in range(1, runs + 1):
    run = report / f"run-{i}"
    try:
        r = json.loads((run / "report.json").read_text())
    except (OSError, ValueError):
        print(f"run {i}: no report.json (see {run}.txt)")
        continue
    pipeline = {}
    metrics = run / "pipeline-latency.txt"
    if metrics.exists():
        for q, v in re.findall(r'quantile="([\d.]+)"\} ([\d.eE+-]+)', metrics.read_text()):
            pipeline[q] = float(v) * 1e6
    engine, floor = r["latencyMicrosByArrival"]["plateAndTag"], r.get("floorLatencyMicrosByArrival", {}).get("plateAndTag", {})
    rows.append({
        "decided": r["decided"], "wrong": r["wrong"], "throughput": r["throughput"],
        "floor p50": floor.get("p50"), "floor p99": floor.get("p99"),
        "engine p50": engine["p50"], "engine p99": engine["p99"],
        "ratio p50": r.get("ratio", {}).get("p50"), "ratio p99": r.get("ratio", {}).get("p99"),
        "pipeline p50": pipeline.get("0.5"), "pipeline p99": pipeline.get("0.99"),
        # the engine's own buckets over the measured window only (the line above includes the warm-up)
        "window p50": r.get("enginePipelineMicros", {}).get("p50"),
        "window p99": r.get("enginePipelineMicros", {}).get("p99"),
        "window p99.9": r.get("enginePipelineMicros", {}).get("p999"),
        "in 100 us": r.get("enginePipelineMicros", {}).get("shareWithin100Micros"),
    })

def show(v, key):
    if v is None:
        return "-"
    if key.startswith("ratio"):
        return f"x{v:.2f}"
    if key == "in 100 us":
        return f"{v * 100:.1f}%"
    if key in ("decided", "wrong"):
        return f"{v:,.0f}"
    if key == "throughput":
        return f"{v:,.1f}/s"
    return f"{v / 1000:.2f} ms" if v >= 1000 else f"{v:.0f} us"

print(f"{len(rows)} runs; latencies of plate+tag arrivals (last read due -> decision at the gate socket), "
      "pipeline: the engine's /metrics quantiles over the whole run, window: its buckets over the measured window")
for key in rows[0] if rows else []:
    values = [row[key] for row in rows if row[key] is not None]
    if not values:
        continue
    print(f"  {key:13} median {show(statistics.median(values), key):>12}   spread {show(min(values), key)} .. {show(max(values), key)}"
          + (f"   (sum {sum(values):,.0f})" if key == "wrong" else ""))
PY
exit "$status"
